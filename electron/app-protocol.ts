/**
 * Serves the built renderer (dist/renderer) on app://commonplace/, so the app never runs from file://
 * (checklist item 18). The URL → file mapping is a pure function, tested without Electron; the handler
 * adds content types, the CSP and nosniff to every answer, found or not.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { contentTypeFor, resolveStaticPath } from './host/static-files';
import { appHost, appScheme } from './security';

/** The same content types the web host uses, so both transports serve the build identically. */
export { contentTypeFor };

/** True when `target` is strictly below `root` (not root itself, not beside it). */
function isWithin(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * Maps an app:// URL to a file inside rootDir, or null when it must be answered with 404.
 * Only app://commonplace URLs qualify; the path is then resolved by the web host's resolver
 * (host/static-files.ts), so one traversal guard serves both transports: it decodes first and then
 * refuses `..` segments (so `%2e%2e%2f` cannot pass), backslashes, NUL and malformed escapes, and
 * checks the result is inside rootDir. `/` is index.html; query and fragment are ignored.
 * ':' is refused on top because it names a drive or an alternate data stream on Windows.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  if (/:|%3a/i.test(url.pathname)) return null;
  return resolveStaticPath(rootDir, url.pathname) ?? null;
}

function headers(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    // Files change with every build and are read from local disk: always revalidate.
    'Cache-Control': 'no-cache',
  });
}

function plainAnswer(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

/** True when `target` is rootDir or inside it once symbolic links are followed. */
async function isInside(rootDir: string, target: string): Promise<boolean> {
  const [realRoot, realTarget] = await Promise.all([realpath(rootDir), realpath(target)]);
  return isWithin(realRoot, realTarget);
}

/** Answers one request for the app protocol; never throws and never reveals a path. */
export async function serveAppRequest(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plainAnswer(405, 'Method not allowed');
  const filePath = resolveAppAsset(rootDir, request.url);
  if (filePath === null) return plainAnswer(404, 'Not found');
  try {
    // A symlink inside the build must not lead outside it either.
    if (!(await isInside(rootDir, filePath)) || !(await stat(filePath)).isFile()) {
      return plainAnswer(404, 'Not found');
    }
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(filePath));
    return new Response(body, { status: 200, headers: headers(contentTypeFor(filePath)) });
  } catch {
    return plainAnswer(404, 'Not found');
  }
}

/** Registers the handler; call after app 'ready' and after registerSchemesAsPrivileged. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(appScheme, (request) => serveAppRequest(rootDir, request));
}
