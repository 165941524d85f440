/**
 * API calls, switched on for the page: imported for its effect by `sync-notify-api-button.js` (and
 * by the package's main entry), so that the element of a site without them does not carry their
 * checks. With it, an `endpoint` is checked at the click, queued with its notification, and tried
 * again when the worker says the server asked to wait; `queueApiCall` queues one from code.
 */
import '../shared/api-call-record.js';
import { isServer } from 'lit-html/is-server.js';
import { listen } from '../shared/channel.js';
import { isSafeHeader } from '../shared/headers.js';
import { API_CALL_FIELDS } from '../shared/input-fields.js';
import type { OutboxApiCall, OutboxNotification } from '../shared/outbox-schema.js';
import { SyncNotifyError } from './failure.js';
import { encodeForm, formProperty } from './form-body.js';
import { queueOrThrow, type QueuedNotification } from './queue.js';
import { askWorkerToDeliver, watchedRegistration } from './request-delivery.js';
import {
  absoluteUrl,
  enableApiCallInput,
  INVALID_JSON,
  MAX_HEADER_BYTES,
  MAX_HEADERS,
  misfit,
  refuse,
  type ApiCallInput,
  type NotificationInput,
  type RetentionInput,
  type Validation,
} from './validate.js';

/** A header value fetch() accepts: Latin-1 without CR, LF or NUL (Fetch: "header value"). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;


/**
 * Checks an API call: an http(s) endpoint of the page's own origin unless the author allowed
 * others, a method that sends a body, and only safe-listed headers. With a `form`, its `action`
 * and `method` stand for `endpoint` and `method`, and its fields for the JSON body.
 */
function validateApiCall(
  input: ApiCallInput,
  notification: OutboxNotification,
  baseUrl: string,
  pageOrigin: string,
): Validation<OutboxApiCall> {
  // `endpoint` is text by now (validateOutboxInput checked it before calling this).
  const problem = misfit(input, API_CALL_FIELDS);
  if (problem) return refuse(problem);
  const { form } = input;
  if (form != null && !(form instanceof HTMLFormElement)) return refuse({ kind: 'invalid-type', field: 'form', expected: 'HTMLFormElement' });
  const field = form ? 'action' : 'endpoint';
  const endpoint = form ? formProperty(form, 'action') : input.endpoint;
  const url = absoluteUrl(endpoint, baseUrl, API_CALL_FIELDS.endpoint.scheme);
  if (!url) return refuse({ kind: 'invalid-url', field, value: endpoint ?? '' });
  const crossOrigin = new URL(url).origin !== pageOrigin;
  if (crossOrigin && !input.allowCrossOrigin) return refuse({ kind: 'cross-origin', field, value: url });
  // A GET form asks for a page, and a dialog form closes its dialog: neither is a message to send.
  const method = ((form ? formProperty(form, 'method') : input.method) || 'POST').toUpperCase();
  if (!(API_CALL_FIELDS.method.oneOf as readonly string[]).includes(method)) return refuse({ kind: 'invalid-method', value: method });
  if (input.headers != null && (typeof input.headers !== 'object' || Array.isArray(input.headers))) {
    return refuse({ kind: 'invalid-type', field: 'headers', expected: 'object' });
  }
  const entries = Object.entries(input.headers ?? {});
  if (entries.length > MAX_HEADERS || entries.join().length > MAX_HEADER_BYTES) {
    return refuse({ kind: 'too-large', field: 'headers', limit: MAX_HEADER_BYTES });
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!isSafeHeader(name)) return refuse({ kind: 'invalid-header', value: name });
    if (typeof value !== 'string') return refuse({ kind: 'invalid-type', field: 'headers', expected: 'string' });
    // What fetch() would refuse when the worker sends it, which would block every later call.
    if (!HEADER_VALUE.test(value)) return refuse({ kind: 'invalid-header-value', value: name });
    headers[name.toLowerCase()] = value;
  }
  if (input.data === INVALID_JSON) return refuse({ kind: 'invalid-data' });
  let body: string;
  try {
    body = JSON.stringify({ title: notification.title, body: notification.body, data: input.data ?? null });
  } catch {
    return refuse({ kind: 'invalid-data' });
  }
  const call: OutboxApiCall = { url, method: method as OutboxApiCall['method'], headers, body };
  if (form) {
    const fields = encodeForm(form);
    if (!fields.ok) return fields;
    Object.assign(call, fields.value);
    // Only a form's answer is judged by the page it lands on (sw/form-answer.ts).
    for (const field of ['signInUrl', 'successUrl'] as const) {
      const value = input[field];
      if (!value) continue;
      const href = absoluteUrl(value, baseUrl, API_CALL_FIELDS[field].scheme);
      if (!href) return refuse({ kind: 'invalid-url', field, value });
      // The worker follows a form's redirects on the page's origin only: another is never seen.
      if (new URL(href).origin !== pageOrigin) return refuse({ kind: 'cross-origin', field, value: href });
      call[field] = href;
    }
    if (input.resendOf) call.resent = true;
  }
  if (crossOrigin) call.crossOrigin = true;
  // Checked with the other fields: seconds set, milliseconds stored.
  if (input.requestTimeout != null) call.timeout = input.requestTimeout * 1000;
  return { ok: true, value: call };
}

enableApiCallInput(validateApiCall);

let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryTimerDue = Infinity;

/** setTimeout's longest delay: a longer one overflows and fires at once, in a loop. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * Asks the worker again at `retryAt`, when a request the server could not take yet is due (the
 * worker announces it; the listener below hears it): not sooner than a second from now, whatever an
 * announcement says, so that no announcement makes a loop. The earliest due time is kept, not the
 * last one announced: a call due in a second must not wait an hour behind another endpoint's call.
 * The worker, asked, announces again every time still ahead.
 */
function deliverAgainAt(retryAt: number): void {
  // `|| 0`: an announcement from another script may carry no number, and NaN would pass both bounds.
  const now = Date.now();
  const delay = Math.min(Math.max(retryAt - now || 0, 1000), MAX_TIMER_DELAY_MS);
  if (now + delay >= retryTimerDue) return;
  clearTimeout(retryTimer);
  retryTimerDue = now + delay;
  retryTimer = setTimeout(() => {
    retryTimerDue = Infinity;
    if (watchedRegistration) void askWorkerToDeliver(watchedRegistration);
  }, delay);
}

// A request the server could not take yet is tried again when the worker says. Not on a server
// rendering the page, where an open channel would keep the process from ending.
if (!isServer) {
  listen((announcement) => announcement.type === 'retry' && deliverAgainAt(announcement.retryAt));
}

/**
 * Queues an API call (a chat message, say): the worker sends it when online, with the item's id
 * as its Idempotency-Key, and shows the notification once the server accepted it. With `form`, the
 * form's fields are sent to its `action` as the form would send them (`endpoint` not needed): the
 * fields are read now, and the form is left as it is. Rejects as `queueNotification` does, and with
 * `invalid-input` when there is neither `endpoint` nor `form`.
 */
export async function queueApiCall(
  input: NotificationInput & ApiCallInput & RetentionInput,
  registration: ServiceWorkerRegistration,
): Promise<QueuedNotification> {
  if (!input.endpoint && !(input.form instanceof HTMLFormElement)) {
    throw new SyncNotifyError({ reason: 'invalid-input', problem: { kind: 'invalid-url', field: 'endpoint', value: '' } });
  }
  return queueOrThrow(input, registration);
}
