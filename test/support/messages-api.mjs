/**
 * A real HTTP endpoint for the outbox's API calls and forms, served by the test runner's own
 * server: `POST /api/messages?log=L` records the request and answers the next scripted step
 * (default 201): a status, or `{ status, retryAfter, location, holdMs, headers }` (answer after
 * holding the request). A form's body is recorded as the server reads it: its fields, each file's name, type
 * and bytes, and the raw text of a urlencoded or text/plain one, so that a test compares what the
 * outbox sent with what the browser's own submission of the same form sent. Each test uses its own log, so suites in different browsers never see each other's
 * requests. Tests script and read a log through server commands, which work while the page is
 * offline: `messages-api:reset {log, script}` and `messages-api:received {log}`.
 */

import { readBodyBytes } from '../../scripts/request-body.mjs';

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/;

/** A form body's fields as a server reads them (undici's multipart and urlencoded parsers); a file as its name, type and bytes (base64). */
async function formFields(bytes, contentType) {
  const data = await new Request('http://server.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: bytes }).formData();
  return Promise.all(
    [...data].map(async ([name, value]) => [
      name,
      typeof value === 'string' ? value : { filename: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()).toString('base64') },
    ]),
  );
}

const logs = new Map();

function logNamed(name) {
  if (!logs.has(name)) logs.set(name, { received: [], script: [] });
  return logs.get(name);
}

/** Koa middleware for the endpoint itself. */
export function messagesApi() {
  return async function messagesApi(context, next) {
    if (context.path === '/api/messages') {
      const log = logNamed(context.query.log ?? 'default');
      const bytes = await readBodyBytes(context.req);
      const contentType = context.get('content-type');
      const form = FORM_TYPE.test(contentType) || contentType.startsWith('text/plain');
      log.received.push({
        method: context.method,
        idempotencyKey: context.get('idempotency-key'),
        contentType,
        client: context.get('x-client'),
        referer: context.get('referer'),
        owner: context.get('sync-notify-owner'),
        authorization: context.get('authorization'),
        body: form ? null : JSON.parse(bytes.toString('utf8') || 'null'),
        fields: FORM_TYPE.test(contentType) ? await formFields(bytes, contentType) : undefined,
        text: form && !contentType.startsWith('multipart/') ? bytes.toString('utf8') : undefined,
        receivedAt: Date.now(),
      });
      const step = log.script.shift() ?? 201;
      const { status, retryAfter, location, holdMs, headers = {} } =
        typeof step === 'number' ? { status: step, retryAfter: step === 503 ? '1' : undefined } : step;
      if (holdMs) await new Promise((resolve) => setTimeout(resolve, holdMs));
      if (retryAfter !== undefined) context.set('Retry-After', retryAfter);
      if (location) context.set('Location', location);
      context.set(headers);
      context.status = status;
      context.body = { status };
      return;
    }
    await next();
  };
}

/** Test-runner plugin: the commands that script and read a log. */
export function messagesApiCommands() {
  return {
    name: 'messages-api-commands',
    executeCommand({ command, payload }) {
      if (command === 'messages-api:reset') {
        logs.set(payload.log, { received: [], script: payload.script ?? [] });
        return true;
      }
      if (command === 'messages-api:received') return logNamed(payload.log).received;
      return undefined;
    },
  };
}
