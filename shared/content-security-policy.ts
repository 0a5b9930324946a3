/**
 * The Content-Security-Policy of every page the app serves, in Electron (app:// protocol)
 * and in browser mode (web host). Scripts only from the app itself: no inline script, no eval,
 * so HTML from a feed can never run code even if it slipped past the sanitizer.
 * Images may come from the web (feeds are full of them); nothing else may.
 */
export const contentSecurityPolicyDirectives: Readonly<Record<string, string>> = Object.freeze({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob: https: http:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'media-src': "'self' blob: https: http:",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'frame-src': "'none'",
  'child-src': "'self' blob:",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
});

export const contentSecurityPolicy = Object.entries(contentSecurityPolicyDirectives)
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');
