/**
 * The API-call half of delivery, in the worker that imports `sync-notify-api-sw.js`: sends each
 * queued call, oldest first per endpoint, with a timeout, and hands what was sent to the
 * notification flush. Kept apart so that a site without API calls does not pay for it.
 */
import { coalesce } from '../shared/coalesce.js';
import type { OutboxItem } from '../shared/outbox-schema.js';
import { SEND_LOCK } from '../shared/protocol.js';
import { showWaiting } from './deliver.js';
import { sendApiCall } from './send-api-call.js';
import { drop, emptyReport, expired, held, itemsOf, keep, mergeReports, readAgain, unsent, writeChange, type DeliveryReport } from './settle.js';
import { forgetSignedIn } from './signed-in.js';

/** Calls to one URL keep their order; calls to different URLs are independent. */
const endpointOf = (item: OutboxItem) => item.request!.url;

/**
 * Sends every API call to `endpoint`, oldest first. One that must wait holds back the ones queued
 * after it for the same endpoint, so that the server receives them in order; the notifications of
 * those sent follow. Under the endpoint's own lock; each call under the send lock, shared with
 * every other endpoint's, and read again under it: the person's cancel or sign-out takes that lock
 * alone, so it waits for the one call in flight, never for those behind it, and what it took back
 * (or whoever it signed out) is never sent after it.
 */
const sendTo = async (endpoint: string, registration: ServiceWorkerRegistration): Promise<DeliveryReport> =>
  navigator.locks.request(`${SEND_LOCK} ${endpoint}`, async () => {
    const report = emptyReport();
    let sent = false;
    for (const queued of (await itemsOf(registration)).items) {
      if (!unsent(queued) || endpointOf(queued) != endpoint) continue;
      const goOn = await navigator.locks.request(SEND_LOCK, { mode: 'shared' }, async () => {
        const {
          items: [item],
          owner,
        } = await readAgain(queued, registration);
        // Another user's call waits for them, and holds back no one else's.
        if (!item || !unsent(item) || held(item, owner)) return true;
        if (expired(item)) {
          await drop(item, { reason: 'expired' }, report);
          return true;
        }
        const attempt = (item.retryAt ?? 0) > Date.now() ? { retryAt: item.retryAt! } : await sendApiCall(item);
        if ('sent' in attempt) {
          // Written down before the notification: should that fail, a retry must not post the message twice.
          await writeChange(item, { sentAt: Date.now() });
          sent = true;
        } else if ('refusedWith' in attempt) {
          await drop(item, { reason: 'rejected', status: attempt.refusedWith, problem: attempt.problem }, report);
        } else if ('notAccepted' in attempt) {
          // Kept with what was typed, to be sent again from its form; what waits behind it goes on.
          await drop(item, { reason: 'not-accepted', status: attempt.status, problem: attempt.notAccepted }, report);
        } else if ('notTheirs' in attempt) {
          // The server's session is not the owner's: every owned item waits until a page says again.
          forgetSignedIn();
        } else {
          if (attempt.retryAt !== item.retryAt) await writeChange(item, { attempts: (item.attempts ?? 0) + 1, retryAt: attempt.retryAt });
          keep(item, new Error('Retrying later'), report, { type: 'retry', id: item.id, retryAt: attempt.retryAt });
          return false;
        }
        return true;
      });
      if (!goOn) break;
    }
    return sent ? mergeReports([report, await showWaiting(registration)]) : report;
  });

/**
 * One flush per endpoint at a time in this context, and one more waiting: a trigger while an
 * endpoint's call hangs waits for that endpoint only, never for the others.
 */
const flushes = new Map<string, () => Promise<DeliveryReport>>();

/** Sends every queued API call, each endpoint's in order, the endpoints side by side, and reports what came of them. */
export async function sendWaiting(registration: ServiceWorkerRegistration): Promise<DeliveryReport> {
  const endpoints = new Set((await itemsOf(registration)).items.filter(unsent).map(endpointOf));
  const flushed = [...endpoints].map((endpoint) => {
    const key = `${registration.scope} ${endpoint}`;
    if (!flushes.has(key)) flushes.set(key, coalesce(() => sendTo(endpoint, registration)));
    return flushes.get(key)!();
  });
  return mergeReports(await Promise.all(flushed));
}
