/** Why a click or a queued item failed: errors are values with a typed reason. */
import type { Capability } from './capabilities.js';
import type { InputProblem } from './notification-request.js';

/** Why the element is in `unsupported`, `denied` or `error`. */
export type SyncNotifyErrorReason =
  | 'unsupported'
  | 'permission-denied'
  | 'permission-dismissed'
  | 'invalid-input'
  | 'no-service-worker'
  | 'storage-failed'
  | 'delivery-failed'
  | 'rejected'
  | 'expired'
  | 'outbox-full';

export type Failure =
  | { reason: 'unsupported'; missing: Capability[] }
  | { reason: 'invalid-input'; problem: InputProblem }
  | { reason: 'rejected'; status: number }
  | { reason: Exclude<SyncNotifyErrorReason, 'unsupported' | 'invalid-input' | 'rejected'> };
