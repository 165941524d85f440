/**
 * The demo's chat server (Koa middleware for @web/dev-server): POST /demo/api/messages stores a
 * message once per Idempotency-Key, as a real server should, so a retried request is not applied
 * twice; GET lists what arrived.
 */

import { readBody } from '../scripts/request-body.mjs';

const messages = [];
const seenKeys = new Set();

export async function chatApi(context, next) {
  if (context.path !== '/demo/api/messages') return next();
  if (context.method === 'GET') {
    context.body = messages;
    return undefined;
  }
  if (context.method !== 'POST') {
    context.status = 405;
    return undefined;
  }
  const key = context.get('idempotency-key');
  let message;
  try {
    message = JSON.parse(await readBody(context.req));
  } catch {
    context.status = 400;
    return undefined;
  }
  if (!key || typeof message?.body !== 'string' || !message.body.trim()) {
    context.status = 400;
    return undefined;
  }
  if (!seenKeys.has(key)) {
    seenKeys.add(key);
    messages.push({ key, text: message.body, receivedAt: new Date().toISOString() });
  }
  context.status = 201;
  context.body = { received: messages.length };
  return undefined;
}
