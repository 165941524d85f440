/**
 * The API-call half of delivery, in the worker that imports `sync-notify-api-sw.js`: sends each
 * queued call, oldest first, with a timeout, and hands what was sent to the notification flush.
 * Kept apart so that a site without API calls does not pay for it.
 */
import { announce } from '../shared/channel.js';
import { SEND_LOCK } from '../shared/protocol.js';
import { showWaiting } from './deliver.js';
import { sendApiCall } from './send-api-call.js';
import { drop, expired, itemsOf, keep, record, unsent, type DeliveryReport } from './settle.js';

/**
 * Sends every API call, oldest first. One that must wait holds back the ones queued after it,
 * so the server receives them in order; the notifications of those sent follow.
 */
export async function sendWaiting(registration: ServiceWorkerRegistration, report: DeliveryReport): Promise<void> {
  await navigator.locks.request(SEND_LOCK, async () => {
    let sent = false;
    for (const item of await itemsOf(registration)) {
      if (!unsent(item)) continue;
      if (expired(item)) {
        await drop(item, { reason: 'expired' }, report);
        continue;
      }
      const attempt = (item.retryAt ?? 0) > Date.now() ? { retryAt: item.retryAt! } : await sendApiCall(item);
      if ('sent' in attempt) {
        // Recorded before the notification: should that fail, a retry must not post the message twice.
        await record(item, { sentAt: Date.now() });
        sent = true;
      } else if ('refusedWith' in attempt) {
        await drop(item, { reason: 'refused', status: attempt.refusedWith, problem: attempt.problem }, report);
      } else {
        if (attempt.retryAt !== item.retryAt) await record(item, { attempts: (item.attempts ?? 0) + 1, retryAt: attempt.retryAt });
        keep(report, item, new Error('Retrying later'), false);
        announce({ type: 'retry', id: item.id, retryAt: attempt.retryAt });
        break;
      }
    }
    if (sent) await showWaiting(registration, report);
  });
}

