/**
 * The hostile markup of the hostile-content suite (issue 8, "Nothing executed"). Every script payload
 * does two things when it runs: it beacons to `<fixture>/leak/ran/<id>` (seen even from a frame whose
 * `top` is out of reach) and sets `top.__canary` to its own id, so a failure names the payload.
 * Everything else that must never be fetched (CSS, @import, script src, frames, objects, meta refresh,
 * form actions, link elements) points under `/leak/<kind>/<where>`; images point under `/img/`, which a
 * reader may legitimately load. The script carries no quotes, spaces or markup characters, so it drops
 * into any attribute, URL, JSON string or XML text unchanged.
 */

/** `[a-z0-9-]` only: payload ids end up inside regular-expression literals and URLs. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** Quote-free JavaScript: beacon first (it works where `top` is cross-origin), then the canary. */
export function canaryScript(origin: string, id: string): string {
  const name = slug(id);
  const beacon = encodeURIComponent(`${origin}/leak/ran/${name}`);
  return `(new Image).src=decodeURIComponent(/${beacon}/.source);top.__canary=/${name}/.source`;
}

/** A `javascript:` URL running the canary: URLs are percent-decoded once before they run. */
export function scriptUrl(origin: string, id: string): string {
  return `javascript:${canaryScript(origin, id).replace(/%/g, '%25')}`;
}

/** An HTML document as a `data:` URL whose script would run the canary (percent-decoded once, like scriptUrl). */
export function dataHtmlUrl(origin: string, id: string): string {
  return `data:text/html,<script>${canaryScript(origin, id).replace(/%/g, '%25')}</script>`;
}

export function leakUrl(origin: string, kind: string, where: string): string {
  return `${origin}/leak/${slug(kind)}/${slug(where)}`;
}

/** The words every hostile body starts with, so a test can see that the harmless part arrived. */
export function bodyMarker(where: string): string {
  return `Hostile body ${where}`;
}

/** A sentence only the article page holds, never the feed: proof that full text was extracted. */
export function articleMarker(where: string): string {
  return `Full text marker ${where}`;
}

/** An SVG that scripts, for use as an image: in <img> it must stay inert and load nothing. */
export function scriptedSvg(origin: string, where: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="${canaryScript(origin, `${where}-svg-file-onload`)}">` +
    `<script>${canaryScript(origin, `${where}-svg-file-script`)}</script>` +
    `<image href="${leakUrl(origin, 'svg-file-image', where)}" width="10" height="10"/></svg>`;
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/**
 * Tag soup with every trick: script and handlers, javascript:/vbscript:/data: URLs, SVG and MathML,
 * mutation-XSS shapes, frames, objects, meta refresh, base, CSS that calls home, forms, link elements
 * and DOM clobbering of `__canary` itself. Not well-formed XML: for Atom xhtml see hostileXhtml.
 */
export function hostileFragment(origin: string, where: string): string {
  const js = (name: string) => canaryScript(origin, `${where}-${name}`);
  const url = (name: string) => scriptUrl(origin, `${where}-${name}`);
  const leak = (kind: string) => leakUrl(origin, kind, where);
  const svgImage = `data:image/svg+xml;base64,${base64(scriptedSvg(origin, `${where}-data-svg`))}`;
  return [
    `<p>${bodyMarker(where)}</p>`,
    `<script>${js('script')}</script>`,
    `<script src="${leak('script-src')}"></script>`,
    `<img src="${origin}/img/missing.png" onerror="${js('img-onerror')}" alt="missing">`,
    `<IMG SRC="${origin}/img/missing-2.png" OnErRoR="${js('img-onerror-case')}">`,
    `<img src="${origin}/img/pixel.png" onload="${js('img-onload')}" alt="pixel">`,
    `<img src="${url('img-src-javascript')}" alt="js image">`,
    `<img src="${svgImage}" alt="svg data image">`,
    `<img src="${origin}/img/evil.svg" alt="svg image">`,
    `<img src="${origin}/img/pixel.png" srcset="${origin}/img/pixel.png 1x, ${url('srcset-javascript')} 2x" alt="srcset">`,
    `<svg onload="${js('svg-onload')}"><script>${js('svg-script')}</script><a href="${url('svg-link')}"><text>svg link</text></a>` +
      `<animate onbegin="${js('svg-animate')}" attributeName="x" dur="1s"/><image href="${leak('svg-image')}"/>` +
      `<foreignObject><iframe src="${leak('svg-foreign-iframe')}"></iframe></foreignObject><use href="${leak('svg-use')}#x"/></svg>`,
    `<svg><style><img src="${origin}/img/missing-3.png" onerror="${js('svg-style-mxss')}"></style></svg>`,
    `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=${origin}/img/missing-4.png onerror=${js('math-mxss')}&gt;"></mglyph></table></mtext></math>`,
    `<noscript><p title="</noscript><img src=${origin}/img/missing-5.png onerror=${js('noscript-mxss')}>"></p></noscript>`,
    `<xmp><p title="</xmp><img src=${origin}/img/missing-6.png onerror=${js('xmp-mxss')}>"></p></xmp>`,
    `<template><script>${js('template-script')}</script></template>`,
    `<iframe srcdoc="<script>${js('iframe-srcdoc')}</script>"></iframe>`,
    `<iframe src="${leak('iframe-src')}"></iframe>`,
    `<iframe src="${url('iframe-javascript')}"></iframe>`,
    `<iframe src="${dataHtmlUrl(origin, `${where}-iframe-data`)}"></iframe>`,
    `<object data="${leak('object-data')}" type="text/html"></object>`,
    `<object data="data:text/html;base64,${base64(`<script>${js('object-data-url')}</script>`)}"></object>`,
    `<embed src="${leak('embed-src')}" type="image/svg+xml">`,
    `<portal src="${leak('portal')}"></portal>`,
    `<meta http-equiv="refresh" content="0;url=${leak('meta-refresh')}">`,
    `<meta http-equiv="refresh" content="0;url=${url('meta-refresh-javascript')}">`,
    `<base href="${origin}/img/base/">`,
    `<a href="relative-after-base.html">relative link</a>`,
    `<link rel="stylesheet" href="${leak('link-stylesheet')}">`,
    `<link rel="import" href="${leak('link-import')}">`,
    `<link rel="prefetch" href="${leak('link-prefetch')}">`,
    `<link rel="preload" as="style" href="${leak('link-preload')}">`,
    `<style>@import url(${leak('css-import')});body{background:url(${leak('css-background')})}` +
      `input[value^=a]{background:url(${leak('css-attribute-selector')})}</style>`,
    `<div style="background:url(${leak('css-inline-style')})">styled block</div>`,
    `<table background="${leak('table-background')}"><tr><td background="${leak('td-background')}">cell</td></tr></table>`,
    `<form action="${leak('form-action')}" method="post"><input name="secret" value="abc" autofocus onfocus="${js('input-onfocus')}">` +
      `<button formaction="${leak('formaction')}" type="submit">Send</button><input type="image" src="${leak('input-image')}" alt="go"></form>`,
    `<a href="${url('a-javascript')}">script link</a>`,
    `<a href="vbscript:msgbox(1)">vb link</a>`,
    `<a href="${dataHtmlUrl(origin, `${where}-a-data`)}">data link</a>`,
    `<a href="jav&#x09;ascript:${canaryScript(origin, `${where}-a-javascript-tab`).replace(/%/g, '%25')}">tab link</a>`,
    `<a href="${origin}/pages/link-target.html" ping="${leak('a-ping')}">pinging link</a>`,
    `<video src="${origin}/img/missing.mp4" onerror="${js('video-onerror')}" poster="${url('video-poster')}"></video>`,
    `<audio src="${origin}/img/missing.mp3" onerror="${js('audio-onerror')}"></audio>`,
    `<details open ontoggle="${js('details-ontoggle')}"><summary>details</summary>opened</details>`,
    `<marquee onstart="${js('marquee-onstart')}">marquee</marquee>`,
    `<div onmouseover="${js('div-onmouseover')}">hover here</div>`,
    `<body onload="${js('body-onload')}">`,
    `<div id="__canary">clobbering by id</div>`,
    `<img name="__canary" src="${origin}/img/pixel.png" alt="clobbering by name">`,
    `<form name="__canary"></form>`,
  ].join('\n');
}

/** Well-formed XHTML with the tricks that survive XML: for Atom `type="xhtml"` and naked RSS markup. */
export function hostileXhtml(origin: string, where: string): string {
  const js = (name: string) => canaryScript(origin, `${where}-${name}`);
  const url = (name: string) => scriptUrl(origin, `${where}-${name}`);
  const leak = (kind: string) => leakUrl(origin, kind, where);
  return [
    `<p>${bodyMarker(where)}</p>`,
    `<script>${js('script')}</script>`,
    `<img src="${origin}/img/missing.png" onerror="${js('img-onerror')}"/>`,
    `<svg xmlns="http://www.w3.org/2000/svg" onload="${js('svg-onload')}"><script>${js('svg-script')}</script></svg>`,
    `<a href="${url('a-javascript')}">script link</a>`,
    `<iframe srcdoc="&lt;script&gt;${js('iframe-srcdoc')}&lt;/script&gt;"></iframe>`,
    `<object data="${leak('object-data')}"></object>`,
    `<style>@import url(${leak('css-import')});</style>`,
    `<form action="${leak('form-action')}"><button formaction="${leak('formaction')}">Send</button></form>`,
  ].join('');
}

/**
 * A whole article page: hostile head (meta refresh, base, style sheets, scripts, JSON-LD with markup),
 * enough prose for Readability, the hostile fragment inside the article, and a marker only it holds.
 */
export function hostileArticle(origin: string, where: string): string {
  const js = (name: string) => canaryScript(origin, `${where}-${name}`);
  const leak = (kind: string) => leakUrl(origin, kind, where);
  const paragraphs = Array.from(
    { length: 8 },
    (_, index) =>
      `<p>Paragraph ${index + 1} of a hostile article. Its author hides scripts among ordinary sentences, hoping a reader ` +
      `will run them; a careful reader shows the words and nothing else. ${index === 2 ? `${articleMarker(where)}.` : ''}</p>`,
  ).join('\n');
  const jsonLd = JSON.stringify({ '@type': 'Article', headline: `<img src=x onerror=${js('json-ld-headline')}>`, author: { name: `<script>${js('json-ld-author')}</script>` } });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0;url=${leak('page-meta-refresh')}">
<base href="${origin}/img/page-base/">
<title>Hostile article ${where} &lt;script&gt;${js('title')}&lt;/script&gt;</title>
<link rel="stylesheet" href="${leak('page-stylesheet')}">
<style>@import url(${leak('page-css-import')});</style>
<script>${js('head-script')}</script>
<script src="${leak('page-script-src')}"></script>
<script type="application/ld+json">${jsonLd}</script>
</head><body onload="${js('page-body-onload')}">
<article><h1>Hostile article ${where}</h1><p class="byline">By <script>${js('byline')}</script>Mallory Markup</p>
${paragraphs}
${hostileFragment(origin, `${where}-page`)}
</article></body></html>`;
}
