/**
 * The demo's contact form handler (Koa middleware for @web/dev-server), as a site without
 * JavaScript has one: POST /demo/api/contact takes the form's urlencoded fields, stores them once
 * per Idempotency-Key, and answers 303 See Other (post/redirect/get), which the outbox counts as
 * sent; GET lists what arrived.
 */
import { readBody } from '../scripts/request-body.mjs';

const messages = [];
const seenKeys = new Set();

export async function contactApi(context, next) {
  if (context.path !== '/demo/api/contact') return next();
  if (context.method === 'GET') {
    context.body = messages;
    return undefined;
  }
  if (context.method !== 'POST' || !context.is('application/x-www-form-urlencoded')) {
    context.status = context.method === 'POST' ? 415 : 405;
    return undefined;
  }
  const fields = new URLSearchParams(await readBody(context.req));
  const [name, email, message] = ['name', 'email', 'message'].map((field) => fields.get(field)?.trim());
  if (!email || !message) {
    context.status = 422;
    return undefined;
  }
  // Without the header (a native submission) every post is new; with it, a retry is not applied twice.
  const key = context.get('idempotency-key');
  if (!key || !seenKeys.has(key)) {
    if (key) seenKeys.add(key);
    messages.push({ name, email, message, receivedAt: new Date().toISOString() });
  }
  context.redirect('/demo/#contact');
  context.status = 303;
  return undefined;
}
