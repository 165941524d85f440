/** Why a click or a queued item failed: errors are values with a typed reason. */
import type { Capability } from './capabilities.js';
import type { InputProblem } from './notification-request.js';
import type { RefusalProblem } from './outbox-schema.js';

/** Why the element is in `unsupported`, `denied` or `error`. */
export type SyncNotifyErrorReason =
  | 'unsupported'
  | 'permission-denied'
  | 'permission-dismissed'
  | 'invalid-input'
  | 'no-service-worker'
  | 'storage-failed'
  | 'storage-blocked'
  | 'delivery-failed'
  | 'rejected'
  | 'expired'
  | 'outbox-full';

export type Failure =
  | { reason: 'unsupported'; missing: Capability[] }
  | { reason: 'invalid-input'; problem: InputProblem }
  | { reason: 'rejected'; status: number; problem?: RefusalProblem }
  | { reason: Exclude<SyncNotifyErrorReason, 'unsupported' | 'invalid-input' | 'rejected'> };
