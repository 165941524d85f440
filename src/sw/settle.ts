/**
 * What a flush does with an item, and the report of it: read the items it may deliver, record
 * progress, keep an item for the next flush, drop one for good, or mark it delivered. Both flushes
 * (notifications in deliver.ts, API calls in send-api-calls.ts) settle items through here.
 */
import { announce } from '../shared/channel.js';
import type { OutboxAnnouncement } from '../shared/protocol.js';
import { isDeliverable, isNotification } from '../shared/outbox-record.js';
import { MAX_REQUEST_TIMEOUT_MS } from '../shared/limits.js';
import {
  type NotAcceptedProblem,
  type OutboxFailure,
  type OutboxItem,
  type RefusalProblem,
} from '../shared/outbox-schema.js';
import { listItems, moveToFailures, readItem, removeItems, updateItem } from './outbox-store.js';
import { saidSignedIn } from './signed-in.js';

export interface DeliveryFailure {
  item: OutboxItem;
  error: unknown;
}

export interface DeliveryReport {
  delivered: OutboxItem[];
  /** Items not delivered yet (notification not shown, or request to retry); they stay queued. */
  failed: DeliveryFailure[];
  /** Items removed from the queue undelivered and recorded: rejected (by the server or the worker), or expired. */
  dropped: OutboxFailure[];
}

/**
 * What this context learnt about an item but could not write down (a full disk): overlaid on
 * what it reads, so that an accepted request is not sent again and a refused one not retried.
 * `null`: the item is settled and only its removal failed.
 */
const unwritten = new Map<string, Partial<OutboxItem> | null>();

/** What a flush may deliver: the items of its app, and the one person whose owned items may go now. */
export interface Deliverable {
  items: OutboxItem[];
  /**
   * Who may have their owned items shown and sent now: the owner a page of the app said is signed
   * in since this worker started (signed-in.ts), when it is also the one last declared for the app
   * (stored between deliveries: a sign-out resolved holds them at once). Undefined: no one's.
   */
  owner?: string | null;
}

/** An item as this context knows it: what was read, and what it learnt but could not write down. */
const asKnown = (record: OutboxItem): OutboxItem | undefined => {
  const change = unwritten.get(record.id);
  return change === null ? undefined : { ...record, ...change };
};

/**
 * The items `registration` delivers, oldest first, as far as this context knows them, and whose
 * owned items may go. Given a report (the notification flush, under the delivery lock), it drops
 * on the way what no worker will ever deliver: malformed records, whatever their scope, and other
 * scopes' items long past their expiry (their worker may be gone; by then none can still be
 * sending them).
 */
export async function itemsOf(registration: ServiceWorkerRegistration, report?: DeliveryReport): Promise<Deliverable> {
  const items = [];
  const [records, declared] = await listItems(registration.scope);
  for (const record of records) {
    if (!isDeliverable(record)) {
      if (report) await drop(record, { reason: 'rejected', status: 0, problem: 'malformed' }, report);
      continue;
    }
    const item = asKnown(record);
    if (!item) continue;
    if (!item.scope || item.scope == registration.scope) items.push(item);
    else if (report && expired(item, MAX_REQUEST_TIMEOUT_MS)) await drop(item, { reason: 'expired' }, report);
  }
  return { items, owner: mayReceive(declared) };
}

/** Who may receive their owned items now: the one a page said since this worker started, when still the one declared. */
function mayReceive(declared: unknown): string | null | undefined {
  const said = saidSignedIn();
  return said && said.owner === declared ? said.owner : undefined;
}

/**
 * An item read again just before it is sent, as {@link itemsOf} reads them: gone (no items) once
 * it was taken back, cancelled or cleared at a sign-out, and whose owned items may go now.
 */
export async function readAgain(item: OutboxItem, registration: ServiceWorkerRegistration): Promise<Deliverable> {
  const [record, declared] = await readItem(item.seq, registration.scope);
  const known = isDeliverable(record) ? asKnown(record) : undefined;
  return { items: known ? [known] : [], owner: mayReceive(declared) };
}

/**
 * Queued by someone other than `owner` (from {@link itemsOf}), or while no one may receive theirs:
 * held, neither shown nor sent, until that owner is signed in again; it still expires. Items
 * without an owner are everyone's.
 */
export const held = (item: OutboxItem, owner: string | null | undefined): boolean => !!item.owner && item.owner !== owner;

/** An API call still to be sent: the send flush's; everything else is the notification flush's. */
export const unsent = (item: OutboxItem) => item.request && !item.sentAt;

/** Past its max-age (by `margin` ms) and not sent: dropped undelivered. A sent request's notification is shown, however late. */
export const expired = (item: OutboxItem, margin = 0) => !item.sentAt && (item.expiresAt ?? Infinity) + margin < Date.now();

/** Writes a change to an item, or keeps it in memory when the disk refuses. */
export const record = (item: OutboxItem, change: Partial<OutboxItem>): Promise<unknown> =>
  updateItem({ ...item, ...change }).catch(() => unwritten.set(item.id, { ...unwritten.get(item.id), ...change }));

/** Not delivered this time, kept for the next. */
export function keep(report: DeliveryReport, item: OutboxItem, error: unknown, announced = true): void {
  report.failed.push({ item, error });
  if (announced) announce({ type: 'delivery-failed', id: item.id, message: String(error) });
}

/**
 * Why an item is dropped: a refusal (`rejected`, by the server or the worker), its age, or a form
 * the server did not accept (`not-accepted`), kept with what was typed. Announced as it is recorded.
 */
type Drop =
  | { reason: 'rejected'; status: number; problem?: RefusalProblem }
  | { reason: 'expired' }
  | { reason: 'not-accepted'; status: number; problem: NotAcceptedProblem };

/**
 * Moves an item to the failures record, or at least out of the queue, and tells the pages why. Of
 * a malformed record, only what can be shown is kept; it gets an id if it has none.
 */
export async function drop(item: OutboxItem, why: Drop, report: DeliveryReport): Promise<void> {
  const { notification, request, scope, owner } = item;
  const id = typeof item.id == 'string' && item.id ? item.id : `malformed-${item.seq}`;
  const recorded = { ...why, id, failedAt: Date.now() };
  const failure: OutboxFailure =
    why.reason == 'rejected' && why.problem == 'malformed'
      ? { ...recorded, notification: isNotification(notification) ? notification : undefined }
      : { ...recorded, notification, request, scope, owner, maxAge: item.expiresAt && (item.expiresAt - item.queuedAt) / 1e3 };
  // Recording needs room; a removal right after a refused write does not. A refusal is reported either way.
  await moveToFailures(item, failure)
    .catch(() => removeItems([item]))
    .catch(() => unwritten.set(id, null));
  report.dropped.push(failure);
  const { reason, ...details } = why;
  announce({ type: reason, id, ...details } as OutboxAnnouncement);
}

/** Removes items whose notifications were shown, and reports them delivered. */
export async function removeShown(shown: OutboxItem[], report: DeliveryReport): Promise<void> {
  let pending;
  try {
    // A full disk can refuse a removal too (Firefox counts its journal), but lets the transaction
    // after a refusal remove: tried once more, or the item stays, its request sent and unrecorded.
    pending = await removeItems(shown).catch(() => removeItems(shown));
  } catch (error) {
    // Shown but still queued: shown again later, under the same tag, which replaces it.
    return shown.forEach((item) => keep(report, item, error));
  }
  for (const item of shown) {
    unwritten.delete(item.id);
    report.delivered.push(item);
    announce({ type: 'delivered', id: item.id, pending });
  }
}
