/**
 * Why a click or a queued item failed: errors are values with a typed reason. What the person at
 * the keyboard reads is in messages.ts; what the developer must fix goes to the console from here.
 */
import type { NotAcceptedProblem, RefusalProblem } from '../shared/outbox-schema.js';
import type { Capability } from './capabilities.js';
import type { InputProblem } from './validate.js';

/** Why the element is in `unsupported`, `denied` or `error`. */
export type SyncNotifyErrorReason =
  | 'unsupported'
  | 'install-required'
  | 'permission-denied'
  | 'permission-dismissed'
  | 'invalid-input'
  | 'no-service-worker'
  | 'storage-failed'
  | 'storage-blocked'
  | 'delivery-failed'
  | 'rejected'
  | 'not-accepted'
  | 'expired'
  | 'outbox-full';

export type Failure =
  | { reason: 'unsupported'; missing: Capability[] }
  | { reason: 'invalid-input'; problem: InputProblem }
  | { reason: 'rejected'; status: number; problem?: RefusalProblem }
  /** A form the server did not accept (`status`; 0 where it sent it to another site): kept with what was typed. */
  | { reason: 'not-accepted'; status: number; problem: NotAcceptedProblem }
  /** `worker-silent`: the site's service worker never answered; it lacks this library's line. */
  | { reason: 'delivery-failed'; problem?: 'worker-silent' }
  /** `bytes`: the item would take the outbox past its byte budget (shared/limits.ts); else it holds `max-items`. */
  | { reason: 'outbox-full'; problem?: 'bytes' }
  | { reason: Exclude<SyncNotifyErrorReason, 'unsupported' | 'invalid-input' | 'rejected' | 'not-accepted' | 'delivery-failed' | 'outbox-full'> };

/**
 * What `queueNotification` and `queueApiCall` reject with: nothing was stored. `reason` says why,
 * as the element's `sync-notify-error` event does; `failure` carries the details (the refused
 * field with `invalid-input`), `cause` the storage error behind `storage-failed` or `outbox-full`.
 */
export class SyncNotifyError extends Error {
  override name = 'SyncNotifyError';

  readonly reason: SyncNotifyErrorReason;

  constructor(
    readonly failure: Failure,
    options?: ErrorOptions,
  ) {
    const problem = 'problem' in failure ? failure.problem : undefined;
    super(`sync-notify-button: ${failure.reason}${problem ? ` ${JSON.stringify(problem)}` : ''}`, options);
    this.reason = failure.reason;
  }
}
