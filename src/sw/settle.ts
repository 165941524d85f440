/**
 * What a flush does with an item, and the report of it: read the items it may deliver, write down
 * progress, keep an item for the next flush, drop one for good, or mark it delivered. Both flushes
 * (notifications in deliver.ts, API calls in send-api-calls.ts) settle items through here. The
 * decisions (which records a flush may deliver, which no worker ever will, whose owned items wait,
 * what a dropped item leaves in the failures) are pure functions of what was read.
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

/** An item not delivered this time and still queued for the next flush, and why. */
export interface KeptItem {
  item: OutboxItem;
  error: unknown;
}

/** @deprecated The former name of {@link KeptItem}: a failure here was never final. */
export type DeliveryFailure = KeptItem;

/** What a delivery did with the items it read. */
export interface DeliveryReport {
  /** Items shown (and sent), and removed from the queue. */
  delivered: OutboxItem[];
  /** Items not delivered this time (a notification not shown, or a request to retry): still queued, for the next flush. */
  kept: KeptItem[];
  /** @deprecated The same array as {@link DeliveryReport.kept}, by its former name. */
  failed: KeptItem[];
  /** Items removed from the queue undelivered and moved to the failures: rejected (by the server or the worker), or expired. */
  dropped: OutboxFailure[];
}

/** What several reports say together. */
export function mergeReports(reports: DeliveryReport[]): DeliveryReport {
  const kept = reports.flatMap((report) => report.kept);
  return { delivered: reports.flatMap((report) => report.delivered), kept, failed: kept, dropped: reports.flatMap((report) => report.dropped) };
}

/** A report with nothing in it yet, for a flush to add to. */
export const emptyReport = (): DeliveryReport => mergeReports([]);

/**
 * What this context learnt about an item but could not write down (a full disk), by id: overlaid
 * on what it reads, so that an accepted request is not sent again and a refused one not retried.
 * `null`: the item is settled and only its removal failed.
 */
const unwritten = new Map<string, Partial<OutboxItem> | null>();

/** What a context learnt about items but could not write down, as the decisions below read it. */
export type Unwritten = ReadonlyMap<string, Partial<OutboxItem> | null>;

/**
 * Why an item is dropped: a refusal (`rejected`, by the server or the worker), its age, or a form
 * the server did not accept (`not-accepted`), kept with what was typed. Announced as it is dropped.
 */
export type Drop =
  | { reason: 'rejected'; status: number; problem?: RefusalProblem }
  | { reason: 'expired' }
  | { reason: 'not-accepted'; status: number; problem: NotAcceptedProblem };

/** A record no worker will ever deliver (malformed, or past its max-age), and why it is dropped. */
export type Undeliverable = [record: OutboxItem, why: Drop];

/** What a flush may deliver: the items of its app, and the one person whose owned items may go now. */
export interface Deliverable {
  /** Oldest first, as far as this context knows them. */
  items: OutboxItem[];
  /**
   * Who may have their owned items shown and sent now: the owner a page of the app said is signed
   * in since this worker started (signed-in.ts), when it is also the one last declared for the app
   * (stored between deliveries: a sign-out resolved holds them at once). Undefined: no one's.
   */
  owner?: string | null;
}

/** The outbox as a flush reads it: what it may deliver, and what no worker ever will. */
export interface OutboxRead extends Deliverable {
  undeliverable: Undeliverable[];
}

/** An item as this context knows it: what was read, and what it learnt but could not write down (undefined: settled). */
const asKnown = (record: OutboxItem, changes: Unwritten): OutboxItem | undefined => {
  const change = changes.get(record.id);
  return change === null ? undefined : { ...record, ...change };
};

/**
 * The records of the outbox sorted for `scope`'s flushes: the items they may deliver, and what no
 * worker will ever deliver: malformed records, whatever their scope, and other scopes' items long
 * past their expiry (their worker may be gone; by then none can still be sending them).
 */
export function sortRecords(records: OutboxItem[], scope: string, changes: Unwritten = unwritten): Omit<OutboxRead, 'owner'> {
  const items = [];
  const undeliverable: Undeliverable[] = [];
  for (const record of records) {
    if (!isDeliverable(record)) {
      undeliverable.push([record, { reason: 'rejected', status: 0, problem: 'malformed' }]);
      continue;
    }
    const item = asKnown(record, changes);
    if (!item) continue;
    if (!item.scope || item.scope == scope) items.push(item);
    else if (expired(item, MAX_REQUEST_TIMEOUT_MS)) undeliverable.push([item, { reason: 'expired' }]);
  }
  return { items, undeliverable };
}

/**
 * Who may receive their owned items now: the one a page said since this worker started, when
 * still the one last declared for the app.
 */
export const mayReceive = (said: { owner: string | null } | undefined, declared: unknown): string | null | undefined =>
  said && said.owner === declared ? said.owner : undefined;

/**
 * The outbox as `registration`'s flushes see it ({@link sortRecords}), and whose owned items may
 * go. It only reads: the notification flush drops what is undeliverable, under the delivery lock.
 */
export async function itemsOf(registration: ServiceWorkerRegistration): Promise<OutboxRead> {
  const [records, declared] = await listItems(registration.scope);
  return { ...sortRecords(records, registration.scope), owner: mayReceive(saidSignedIn(), declared) };
}

/**
 * An item read again just before it is sent, as {@link itemsOf} reads them: gone (no items) once
 * it was taken back, cancelled or cleared at a sign-out, and whose owned items may go now. A
 * record gone or malformed by now is left to the notification flush.
 */
export async function readAgain(item: OutboxItem, registration: ServiceWorkerRegistration): Promise<Deliverable> {
  const [record, declared] = await readItem(item.seq, registration.scope);
  return { items: sortRecords([record as OutboxItem], registration.scope).items, owner: mayReceive(saidSignedIn(), declared) };
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
export const writeChange = (item: OutboxItem, change: Partial<OutboxItem>): Promise<unknown> =>
  updateItem({ ...item, ...change }).catch(() => unwritten.set(item.id, { ...unwritten.get(item.id), ...change }));

/** Not delivered this time, kept for the next flush; the pages hear why (`delivery-failed`, unless told otherwise). */
export function keep(
  item: OutboxItem,
  error: unknown,
  report: DeliveryReport,
  announcement: OutboxAnnouncement = { type: 'delivery-failed', id: item.id, message: String(error) },
): void {
  report.kept.push({ item, error });
  announce(announcement);
}

/**
 * What a dropped item leaves in the failures. Of a malformed record, only what can be shown is
 * kept; it gets an id if it has none.
 */
export function failureOf(item: OutboxItem, why: Drop): OutboxFailure {
  const { notification, request, scope, owner } = item;
  const id = typeof item.id == 'string' && item.id ? item.id : `malformed-${item.seq}`;
  const failure = { ...why, id, failedAt: Date.now() };
  return why.reason == 'rejected' && why.problem == 'malformed'
    ? { ...failure, notification: isNotification(notification) ? notification : undefined }
    : { ...failure, notification, request, scope, owner, maxAge: item.expiresAt && (item.expiresAt - item.queuedAt) / 1e3 };
}

/** Moves an item to the failures, or at least out of the queue, and tells the pages why. */
export async function drop(item: OutboxItem, why: Drop, report: DeliveryReport): Promise<void> {
  const failure = failureOf(item, why);
  // A failure needs room; a removal right after a refused write does not. A refusal is reported either way.
  await moveToFailures(item, failure)
    .catch(() => removeItems([item]))
    .catch(() => unwritten.set(failure.id, null));
  report.dropped.push(failure);
  const { reason, ...details } = why;
  announce({ type: reason, id: failure.id, ...details } as OutboxAnnouncement);
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
    return shown.forEach((item) => keep(item, error, report));
  }
  for (const item of shown) {
    unwritten.delete(item.id);
    report.delivered.push(item);
    announce({ type: 'delivered', id: item.id, pending });
  }
}
