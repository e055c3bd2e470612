// Markdown replies, notes and descriptions → the HTML BoldDesk receives. A corpus of inputs with the exact
// expected HTML (hostile ones included), plus properties: plain text is unchanged from textToHtml, and whatever is
// typed, the output holds only allow-listed tags and http(s)/mailto links.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCodeContext } from '../../../src/code/codeContext';
import { textToHtml } from '../../../src/markdown/textToHtml';
import { markdownToHtml } from '../../../src/markdown/markdownToHtml';
import { sanitizeSentHtml } from '../../../src/markdown/sentHtml';

const CORPUS: { name: string; md: string; html: string }[] = [
  { name: 'plain line', md: 'Thanks, fixed.', html: '<p>Thanks, fixed.</p>' },
  { name: 'plain paragraphs and line breaks', md: 'Hi Jane,\n\nLine one\nline two\n\n\nBye', html: '<p>Hi Jane,</p><p>Line one<br>line two</p><p>Bye</p>' },
  { name: 'plain apostrophes and ampersands', md: "it's R&D", html: '<p>it&#39;s R&amp;D</p>' },
  {
    name: 'fenced code keeps its formatting and escapes markup',
    md: 'Try this:\n\n```ts\nif (a < b && c) {\n    run("x");\n}\n```',
    html: '<p>Try this:</p>\n<pre><code class="language-ts">if (a &lt; b &amp;&amp; c) {\n    run(&quot;x&quot;);\n}\n</code></pre>',
  },
  { name: 'fence without a language', md: '```\nstack trace\n  at f (a.js:1)\n```', html: '<pre><code>stack trace\n  at f (a.js:1)\n</code></pre>' },
  { name: 'inline code', md: 'Run `npm ci` then `<b>`', html: '<p>Run <code>npm ci</code> then <code>&lt;b&gt;</code></p>' },
  { name: 'emphasis and strikethrough', md: '*one* **two** ~~three~~', html: '<p><em>one</em> <strong>two</strong> <s>three</s></p>' },
  { name: 'bullet list', md: '- a\n- b', html: '<ul>\n<li>a</li>\n<li>b</li>\n</ul>' },
  { name: 'ordered list with a start', md: '3. three\n4. four', html: '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>' },
  { name: 'quote', md: '> you wrote\n> this', html: '<blockquote>\n<p>you wrote<br>\nthis</p>\n</blockquote>' },
  { name: 'heading', md: '## Steps', html: '<h2>Steps</h2>' },
  {
    name: 'table with alignment',
    md: '| a | b |\n|--:|:-|\n| 1 | 2 |',
    html: '<table>\n<thead>\n<tr>\n<th style="text-align:right">a</th>\n<th style="text-align:left">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style="text-align:right">1</td>\n<td style="text-align:left">2</td>\n</tr>\n</tbody>\n</table>',
  },
  { name: 'https link', md: '[docs](https://x.test/?a=1&b=2)', html: '<p><a href="https://x.test/?a=1&amp;b=2">docs</a></p>' },
  { name: 'mailto link and autolinks', md: '[mail](mailto:a@b.test) <https://x.test>', html: '<p><a href="mailto:a@b.test">mail</a> <a href="https://x.test">https://x.test</a></p>' },
  // hostile
  { name: 'raw HTML is text', md: '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>', html: '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>&lt;img src=x onerror=alert(1)&gt;</p>' },
  { name: 'inline raw HTML is text', md: '**hi** <b onclick="x()">b</b>', html: '<p><strong>hi</strong> &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;</p>' },
  { name: 'javascript: link stays text', md: '*x* [click](javascript:alert(1))', html: '<p><em>x</em> [click](javascript:alert(1))</p>' },
  { name: 'mixed-case and encoded javascript: links stay text', md: '*x* [a](JaVaScRiPt:alert(1)) [b](java%0ascript:alert(1))', html: '<p><em>x</em> [a](JaVaScRiPt:alert(1)) [b](java%0ascript:alert(1))</p>' },
  { name: 'javascript: autolink stays text', md: '*x* <javascript:alert(1)>', html: '<p><em>x</em> &lt;javascript:alert(1)&gt;</p>' },
  { name: 'data:, file: and relative links stay text', md: '*x* [d](data:text/html,hi) [f](file:///etc/passwd) [r](/admin)', html: '<p><em>x</em> [d](data:text/html,hi) [f](file:///etc/passwd) [r](/admin)</p>' },
  { name: 'a remote image becomes a link, never an <img>', md: '![pixel](https://tracker.test/p.png)', html: '<p><a href="https://tracker.test/p.png">pixel</a></p>' },
  { name: 'an image without alt text links with its URL', md: '![](https://x.test/a.png)', html: '<p><a href="https://x.test/a.png">https://x.test/a.png</a></p>' },
  { name: 'a data: image stays text', md: '![x](data:image/png;base64,AAAA)', html: '<p>![x](data:image/png;base64,AAAA)</p>' },
  { name: 'quotes in a link title and text are escaped', md: '[a"b](https://x.test "t\\"onmouseover=x")', html: '<p><a href="https://x.test">a&quot;b</a></p>' },
  { name: 'a fence info string cannot inject attributes', md: '```ts" onmouseover="x\ncode\n```', html: '<pre><code>code\n</code></pre>' },
];

describe('markdownToHtml (what BoldDesk receives)', () => {
  for (const c of CORPUS) {
    it(c.name, () => assert.equal(markdownToHtml(c.md), c.html));
  }

  it('gives an empty string for blank text', () => {
    assert.equal(markdownToHtml(' \n\t\n '), '');
  });

  it('treats CRLF like LF', () => {
    assert.equal(markdownToHtml('- a\r\n- b\r\n'), markdownToHtml('- a\n- b\n'));
  });

  it('sends the code of Create Ticket from Selection as one code block', () => {
    const text = buildCodeContext({ displayPath: 'a.js', startLine: 1, endLine: 2, code: 'const s = `a`;\n<b>x</b>', languageId: 'javascript' });
    const html = markdownToHtml(text);
    assert.match(html, /<pre><code class="language-javascript">const s = `a`;\n&lt;b&gt;x&lt;\/b&gt;\n<\/code><\/pre>$/);
  });

  it('leaves plain text exactly as textToHtml makes it', () => {
    const plainChar = fc.constantFrom(...'abc XYZ 019,;?\'"/&\n'.split('')); // no list, heading or emphasis markers
    fc.assert(
      fc.property(fc.array(plainChar, { maxLength: 60 }).map((cs) => cs.join('')), (text) => {
        // Lines starting with spaces are code or continuation lines in Markdown; leave those to the corpus.
        fc.pre(!/(^|\n) /.test(text) && !/ \n/.test(text));
        assert.equal(markdownToHtml(text), textToHtml(text));
      }),
      { numRuns: 300 },
    );
  });

  it('whatever is typed, only allow-listed tags and http(s)/mailto links come out', () => {
    const tokens = fc.constantFrom('<', '>', '"', "'", '&', '`', '```', '*', '_', '[', ']', '(', ')', '!', '#', '-', '|', '\n', ' ', 'javascript:', 'https://x.test', 'a', 'script', 'img', 'onerror=', '\\');
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 40 }).map((t) => t.join('')), (text) => {
        const html = markdownToHtml(text);
        for (const m of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/g)) {
          assert.match(m[1], /^(p|br|strong|em|s|code|pre|blockquote|ul|ol|li|a|hr|h[1-6]|table|thead|tbody|tr|th|td)$/, html);
          if (m[2] !== '') assert.match(m[2], /^ (href="(https?:\/\/|mailto:)[^"\s]*"|start="\d+"|class="language-[\w+#.-]+"|style="text-align:(left|center|right)")$/, html);
        }
        assert.equal(sanitizeSentHtml(html), html, 'the renderer output already passes the allow-list');
      }),
      { numRuns: 500 },
    );
  });
});

describe('sanitizeSentHtml (the allow-list behind the renderer)', () => {
  const cases: [string, string, string][] = [
    ['drops unknown tags, keeps their text', '<p>a<script>alert(1)</script><img src="x"></p>', '<p>aalert(1)</p>'],
    ['drops event handlers and unknown attributes', '<p class="x" onclick="y">t</p>', '<p>t</p>'],
    ['drops a javascript: href but keeps the link text', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['keeps an https href', '<a href="https://x.test/?a=1&amp;b=2">x</a>', '<a href="https://x.test/?a=1&amp;b=2">x</a>'],
    ['escapes a stray < or >', 'a < b > c <<p>', 'a &lt; b &gt; c &lt;<p>'],
    ['drops a style other than text alignment', '<td style="background:url(x)">1</td>', '<td>1</td>'],
    ['drops a code class that is not a language', '<code class="x y">c</code>', '<code>c</code>'],
    ['unquoted attributes are not a tag', '<a href=javascript:alert(1)>x</a>', '&lt;a href=javascript:alert(1)&gt;x</a>'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(sanitizeSentHtml(input), expected));
  }
});
