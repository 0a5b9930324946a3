/**
 * Checks the hostile-content suite makes in the page: policy violations kept from the first script on,
 * and an audit of shown content for anything active.
 */
import type { BrowserContext, Locator } from 'playwright-core';

/**
 * Before any app code: policy violations are kept, so content that reached the page and was stopped only
 * by the Content-Security-Policy still fails the suite (the sanitisers must stop it first). One kind
 * says nothing about content and is left out: inline handlers and styles met while parsing markup in
 * an inert document (DOMParser, <template>: Chromium reports them as it parses, though nothing there can
 * run or load). The live DOM is audited for handlers and styles separately (auditContent).
 */
export async function keepPolicyViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const violations: string[] = [];
    const inertKinds = new Set(['script-src-attr', 'style-src-attr', 'style-src-elem']);
    Object.defineProperty(window, '__cspViolations', { value: violations });
    document.addEventListener('securitypolicyviolation', (event) => {
      if (event.blockedURI === 'inline' && inertKinds.has(event.violatedDirective)) return;
      violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

/**
 * What shown content must never hold: active elements, handlers, inline styles, frames, forms, script or
 * document URLs, /leak/ addresses, or the canary's name (DOM clobbering). `controls`: the app's own
 * buttons are expected there (the sidebar, the import report), so only the rest is checked.
 */
export function auditContent(root: Locator, controls = false): Promise<string[]> {
  return root.evaluate((element, allowControls) => {
    const banned = new Set(['script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal',
      'form', 'textarea', 'select', 'svg', 'math', 'template', 'noscript', ...(allowControls ? [] : ['input', 'button'])]);
    const bannedAttributes = new Set(['style', 'srcdoc', 'formaction', 'action', 'ping', 'background']);
    const urlAttributes = new Set(['href', 'src', 'srcset', 'data', 'poster', 'xlink:href', 'cite', 'codebase', 'lowsrc', 'longdesc', 'usemap']);
    const problems: string[] = [];
    for (const node of element.querySelectorAll('*')) {
      const name = node.localName;
      if (banned.has(name)) problems.push(`<${name}>`);
      for (const attribute of Array.from(node.attributes)) {
        // As URL parsers read it: controls and whitespace inside "java\tscript:" do not hide the scheme.
        // eslint-disable-next-line no-control-regex
        const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        const what = `<${name} ${attribute.name}="${attribute.value.slice(0, 60)}">`;
        if (attribute.name.startsWith('on') || bannedAttributes.has(attribute.name)) problems.push(what);
        if ((attribute.name === 'id' || attribute.name === 'name') && value === '__canary') problems.push(what);
        const badUrl = /javascript:|vbscript:|\/leak\//.test(value) || /(?:^|,)data:(?!image\/)/.test(value);
        if (urlAttributes.has(attribute.name) && badUrl) problems.push(what);
      }
    }
    return problems;
  }, controls);
}
