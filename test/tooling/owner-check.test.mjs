/**
 * The Express owner check of docs/outbox.md (`owner-check-express.js`), run as it is in a real
 * Express app behind a session stand-in that sets `req.user` as Passport does: a request the
 * outbox sends under another person's session is answered 409 naming the session's owner; its
 * own person's, one without the header, and one under no session go on to the site's routes.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import express from 'express';
import { markdown, markedSnippets } from '../support/readme.mjs';

let server;
let base;

before(async () => {
  const snippet = (await markedSnippets(await markdown('docs/outbox.md'), null)).get('owner-check-express.js');
  const app = express();
  // The site's session: here the signed-in user's id comes in a header of the test's own
  // (percent-encoded, as a header is Latin-1), a number where it is one, as databases give ids.
  app.use((req, res, next) => {
    const id = req.get('X-Test-Signed-In');
    if (id !== undefined) req.user = { id: /^\d+$/.test(id) ? Number(id) : decodeURIComponent(id) };
    next();
  });
  new Function('app', snippet)(app);
  app.post('/contact', (req, res) => res.status(201).send('stored'));
  await new Promise((resolve) => (server = app.listen(0, '127.0.0.1', resolve)));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

const post = (headers) => fetch(`${base}/contact`, { method: 'POST', headers });

test("another person's session: 409, naming the session's owner, so the outbox holds the item", async () => {
  const response = await post({ 'Sync-Notify-Owner': '42', 'X-Test-Signed-In': '7' });
  assert.equal(response.status, 409);
  assert.equal(response.headers.get('Sync-Notify-Owner'), '7');
});

test("its own person's session, any text percent-encoded: the site's route answers", async () => {
  assert.equal((await post({ 'Sync-Notify-Owner': '42', 'X-Test-Signed-In': '42' })).status, 201);
  const zoe = encodeURIComponent('Zoë Ångström');
  assert.equal((await post({ 'Sync-Notify-Owner': zoe, 'X-Test-Signed-In': zoe })).status, 201);
  const other = await post({ 'Sync-Notify-Owner': zoe, 'X-Test-Signed-In': encodeURIComponent('Zoë') });
  assert.equal(other.status, 409);
  assert.equal(decodeURIComponent(other.headers.get('Sync-Notify-Owner')), 'Zoë');
});

test('no header (a request of the page itself), or no session (the site signs in as it always does): the route answers', async () => {
  assert.equal((await post({ 'X-Test-Signed-In': '7' })).status, 201);
  assert.equal((await post({ 'Sync-Notify-Owner': '42' })).status, 201);
});
