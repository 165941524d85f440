/**
 * A real HTTP endpoint for the outbox's API calls, served by the test runner's own server:
 * `POST /api/messages?log=L` records the request and answers the next scripted step (default
 * 201): a status, or `{ status, retryAfter, location, holdMs }` (answer after holding the request). Each test uses its own log, so suites in different browsers never see each other's
 * requests. Tests script and read a log through server commands, which work while the page is
 * offline: `messages-api:reset {log, script}` and `messages-api:received {log}`.
 */

import { readBody } from '../../scripts/request-body.mjs';

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
      const text = await readBody(context.req);
      log.received.push({
        method: context.method,
        idempotencyKey: context.get('idempotency-key'),
        contentType: context.get('content-type'),
        client: context.get('x-client'),
        body: JSON.parse(text || 'null'),
        receivedAt: Date.now(),
      });
      const step = log.script.shift() ?? 201;
      const { status, retryAfter, location, holdMs } =
        typeof step === 'number' ? { status: step, retryAfter: step === 503 ? '1' : undefined } : step;
      if (holdMs) await new Promise((resolve) => setTimeout(resolve, holdMs));
      if (retryAfter !== undefined) context.set('Retry-After', retryAfter);
      if (location) context.set('Location', location);
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
