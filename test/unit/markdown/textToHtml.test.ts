import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeHtml, textToHtml } from '../../../src/markdown/textToHtml';

describe('textToHtml (replies, notes, descriptions)', () => {
  it('wraps a single line in a paragraph', () => {
    assert.equal(textToHtml('Thanks, fixed.'), '<p>Thanks, fixed.</p>');
  });

  it('turns blank lines into paragraphs and single newlines into <br>', () => {
    assert.equal(textToHtml('Hi Jane,\n\nLine one\nline two\n\n\nBye'), '<p>Hi Jane,</p><p>Line one<br>line two</p><p>Bye</p>');
  });

  it('treats CRLF like LF and ignores surrounding blank lines', () => {
    assert.equal(textToHtml('\r\n\r\na\r\nb\r\n\r\nc\r\n'), '<p>a<br>b</p><p>c</p>');
  });

  it('escapes markup so typed HTML is shown, not run', () => {
    assert.equal(
      textToHtml('<script>alert("x")</script> & <b>\'hi\'</b>'),
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;&#39;hi&#39;&lt;/b&gt;</p>',
    );
  });

  it('gives an empty string for whitespace only', () => {
    assert.equal(textToHtml(' \n\t\n '), '');
  });

  it('never lets a "<" through unescaped, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const html = textToHtml(text).replace(/<\/?p>|<br>/g, '');
        assert.ok(!/[<>"']/.test(html), html);
      }),
    );
  });

  it('escapeHtml keeps plain text unchanged', () => {
    assert.equal(escapeHtml('plain text 123'), 'plain text 123');
  });
});
