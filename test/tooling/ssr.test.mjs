/**
 * Lit SSR, the real tool: the package's main entry (as built in lib/) renders the element on a
 * server, with no `navigator` or `document`, to a declarative shadow root holding its button.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

test('renders <sync-notify-button> on the server to a declarative shadow root with its button', async () => {
  assert.equal(typeof navigator === 'undefined' || !('onLine' in navigator), true, 'the server has no browser navigator');
  await import('../../lib/index.js');
  const markup = await collectResult(render(html`<sync-notify-button title="Saved" body="Synced when online">Send</sync-notify-button>`));
  assert.match(markup, /<sync-notify-button\s+title="Saved" body="Synced when online"[^>]* state="idle"/);
  assert.match(markup, /<template shadowroot="open" shadowrootmode="open" shadowrootdelegatesfocus>/);
  assert.match(markup, /<button part="button" type="button" aria-busy="false" aria-describedby="status error"/);
  assert.match(markup, /<p part="status" id="status" role="status">/);
  assert.match(markup, /<p part="error" id="error" role="alert">/);
  assert.match(markup, />Send<\/sync-notify-button>/);
});

test("renders the translation of the element's own lang on the server, which knows no page's lang", async () => {
  await import('../../lib/index.js');
  await import('../../lib/translations/de.js');
  const markupOf = (template) => collectResult(render(template));
  assert.match(await markupOf(html`<sync-notify-button lang="de" title="t" body="b"></sync-notify-button>`), /<slot><!--lit-part-->Benachrichtigung senden<!--\/lit-part--><\/slot>/);
  assert.match(await markupOf(html`<sync-notify-button title="t" body="b"></sync-notify-button>`), /<slot><!--lit-part-->Send notification<!--\/lit-part--><\/slot>/);
});
