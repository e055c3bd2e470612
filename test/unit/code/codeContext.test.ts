// The Create-Ticket-from-Selection prefill: remote line links for GitHub/GitLab/Bitbucket (never leaking
// credentials from the fetch URL), the editable code-context text, and its escaped HTML.
import * as assert from 'node:assert/strict';
import { buildCodeContext, codeContextToHtml, remoteLineUrl, remoteWebBase } from '../../../src/code/codeContext';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('code context: remote links', () => {
  it('builds GitHub, GitLab and Bitbucket line links from https and ssh fetch URLs', () => {
    assert.equal(
      remoteLineUrl('https://github.com/acme/app.git', SHA, 'src/a b.ts', 10, 20),
      `https://github.com/acme/app/blob/${SHA}/src/a%20b.ts#L10-L20`,
    );
    assert.equal(remoteLineUrl('git@github.com:acme/app.git', SHA, 'x.ts', 3, 3), `https://github.com/acme/app/blob/${SHA}/x.ts#L3`);
    assert.equal(
      remoteLineUrl('ssh://git@gitlab.com/group/sub/app.git', SHA, 'x.ts', 1, 2),
      `https://gitlab.com/group/sub/app/-/blob/${SHA}/x.ts#L1-2`,
    );
    assert.equal(remoteLineUrl('ssh://git@ssh.github.com:443/acme/app.git', SHA, 'x.ts', 3, 3), `https://github.com/acme/app/blob/${SHA}/x.ts#L3`);
    assert.equal(
      remoteLineUrl('https://jane@bitbucket.org/acme/app.git', SHA, 'x.ts', 5, 9),
      `https://bitbucket.org/acme/app/src/${SHA}/x.ts#lines-5:9`,
    );
  });

  it('drops user names and tokens from the fetch URL', () => {
    const base = remoteWebBase('https://x-access-token:ghp_SECRET@github.com/acme/app.git');
    assert.deepEqual(base, { base: 'https://github.com/acme/app', host: 'github' });
  });

  it('gives no link for unknown hosts, local paths or a missing commit', () => {
    assert.equal(remoteLineUrl('https://git.example.com/acme/app.git', SHA, 'x.ts', 1, 1), undefined);
    // Only the real hosts: a name that merely contains "github" (a workspace's remote) gets no link (issue 13 §6).
    for (const remote of ['https://github.com.evil.example/acme/app.git', 'git@evilgithub.com:acme/app.git',
      'https://gitlab.example.com/acme/app.git', 'https://my-bitbucket.org/acme/app.git', 'https://github.co/acme/app.git', 'git@constructor:a/b.git']) {
      assert.equal(remoteLineUrl(remote, SHA, 'x.ts', 1, 1), undefined, remote);
    }
    assert.equal(remoteLineUrl('/srv/git/app.git', SHA, 'x.ts', 1, 1), undefined);
    assert.equal(remoteLineUrl('https://github.com/acme/app.git', undefined, 'x.ts', 1, 1), undefined);
    assert.equal(remoteLineUrl(undefined, SHA, 'x.ts', 1, 1), undefined);
  });
});

describe('code context: text and HTML', () => {
  const inRepo = {
    displayPath: 'src/app.ts',
    startLine: 10,
    endLine: 12,
    code: 'if (a < b && c) {\n  run("x");\n}\n',
    languageId: 'typescript',
    repo: { commit: SHA, originUrl: 'https://github.com/acme/app.git', pathInRepo: 'src/app.ts' },
  };

  it('lists path, lines, commit and link, then the code in a fence', () => {
    const text = buildCodeContext(inRepo);
    assert.equal(
      text,
      [
        'File: src/app.ts, lines 10–12',
        `Commit: ${SHA}`,
        `Link: https://github.com/acme/app/blob/${SHA}/src/app.ts#L10-L12`,
        '',
        '```typescript',
        'if (a < b && c) {',
        '  run("x");',
        '}',
        '```',
      ].join('\n'),
    );
  });

  it('outside a repository has only the path, the line and the code', () => {
    const text = buildCodeContext({ displayPath: 'notes.txt', startLine: 4, endLine: 4, code: 'x', languageId: 'plaintext' });
    assert.equal(text, 'File: notes.txt, line 4\n\n```plaintext\nx\n```');
  });

  it('says when the file has uncommitted changes', () => {
    const text = buildCodeContext({ ...inRepo, repo: { ...inRepo.repo, dirty: true } });
    assert.match(text, /Commit: [0-9a-f]+ \(the file has uncommitted changes\)/);
  });

  it('turns the code into an escaped <pre><code> block and the rest into paragraphs with links', () => {
    const html = codeContextToHtml(buildCodeContext(inRepo));
    assert.equal(
      html,
      '<p>File: src/app.ts, lines 10–12<br>' +
        `Commit: ${SHA}<br>` +
        `Link: <a href="https://github.com/acme/app/blob/${SHA}/src/app.ts#L10-L12">https://github.com/acme/app/blob/${SHA}/src/app.ts#L10-L12</a></p>` +
        '<pre><code class="language-typescript">if (a &lt; b &amp;&amp; c) {\n  run(&quot;x&quot;);\n}</code></pre>',
    );
  });

  it('keeps code containing backticks and markup inside one block (a longer fence)', () => {
    const code = 'const s = `a`;\n// ``` not the end\n<script>alert(1)</script>';
    const text = buildCodeContext({ displayPath: 'a.js', startLine: 1, endLine: 3, code, languageId: 'javascript' });
    assert.match(text, /^````javascript$/m);
    const html = codeContextToHtml(text);
    assert.equal((html.match(/<pre>/g) ?? []).length, 1);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('<script>'));
  });

  it('escapes edited prose and never makes a javascript: link', () => {
    const html = codeContextToHtml('See <b>this</b> javascript:alert(1) and https://x.test/?a=1&b=2');
    assert.equal(
      html,
      '<p>See &lt;b&gt;this&lt;/b&gt; javascript:alert(1) and <a href="https://x.test/?a=1&amp;b=2">https://x.test/?a=1&amp;b=2</a></p>',
    );
  });
});
