// The ticket panel with Markdown: the composer's preview and its send give the same HTML, and that HTML is what
// the fake BoldDesk receives (over real HTTP, the real client).
import * as assert from 'node:assert/strict';
import { describeError } from '../../../src/api/describeError';
import { DraftStore } from '../../../src/drafts/draftStore';
import { markdownToHtml } from '../../../src/markdown/markdownToHtml';
import { TicketPanelController } from '../../../src/views/ticketPanel/panelController';
import { PanelDraftAdapter } from '../../../src/views/ticketPanel/panelDrafts';
import { validateRequest } from '../../../src/views/ticketPanel/validateRequest';
import { startHarness, type Harness } from '../api/clientHelpers';
import { MemoryState } from '../../support/memoryState';

const MD = 'Steps:\n\n1. run `make`\n2. see [log](https://x.test/log)\n\n```sh\necho "<hi>"\n```';
const HTML =
  '<p>Steps:</p>\n<ol>\n<li>run <code>make</code></li>\n<li>see <a href="https://x.test/log">log</a></li>\n</ol>\n' +
  '<pre><code class="language-sh">echo &quot;&lt;hi&gt;&quot;\n</code></pre>';

describe('ticket panel: Markdown preview and send', () => {
  let h: Harness;
  let controller: TicketPanelController;
  let ticketId: number;

  before(async () => {
    h = await startHarness({ tickets: 4, seed: 9 });
    ticketId = h.fake.db.tickets[0].id;
    const client = h.client({ timeoutMs: 5000 });
    controller = new TicketPanelController(ticketId, {
      getApi: async () => client,
      origin: () => client.origin,
      attribution: () => 'BoldDesk will show this as "Ana Agent".',
      drafts: new PanelDraftAdapter(new DraftStore(new MemoryState())),
      openExternal: async () => undefined,
      openInBrowser: async () => undefined,
      ticketChanged: () => undefined,
      noteOpened: () => undefined,
      describeError,
      log: { info: () => undefined, error: () => undefined },
    }, () => undefined);
  });
  after(async () => h.fake.close());

  it('previews exactly what it then sends, and BoldDesk receives that HTML', async () => {
    const preview = await controller.handle({ id: 1, type: 'preview', text: MD });
    assert.deepEqual(preview, { type: 'reply', id: 1, ok: true, result: { html: HTML } });
    const sent = await controller.handle({ id: 2, type: 'send', kind: 'note', text: MD });
    assert.ok(sent?.ok, JSON.stringify(sent));
    const posts = h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/tickets/${ticketId}/notes`);
    assert.deepEqual(posts.map((r) => r.body), [{ description: HTML }]);
    assert.equal(markdownToHtml(MD), HTML);
  });

  it('accepts a preview request only with a bounded text and nothing else', () => {
    assert.ok(validateRequest({ id: 1, type: 'preview', text: '*x*' }).ok);
    assert.ok(!validateRequest({ id: 1, type: 'preview', text: 'x', extra: 1 }).ok);
    assert.ok(!validateRequest({ id: 1, type: 'preview', text: 'x'.repeat(100_001) }).ok);
    assert.ok(!validateRequest({ id: 1, type: 'preview', text: 42 }).ok);
  });
});
