/**
 * What waits and what failed, read back for the person at the keyboard: for the outbox element,
 * a form's recovery and the JavaScript API. A module of its own, so that a page file that never
 * lists (the plain element) shares the outbox's core with those that do, without their record
 * check (shared/outbox-record.ts): rollup splits the page files' shared chunks by module.
 */
import type { OutboxFailure, OutboxItem } from '../shared/outbox-schema.js';
import { isDeliverable, isListableFailure } from '../shared/outbox-record.js';
import { database } from './outbox.js';

/**
 * Every queued item, oldest first. A record of another shape (another version, another script, a
 * half-written one) is left out: the worker sets it aside as a failure, `malformed`, when it flushes.
 */
export async function listItems(): Promise<OutboxItem[]> {
  return (await (await database()).transaction('items').store.getAll()).filter(isDeliverable);
}

/**
 * Items dropped undelivered: requests the server rejected, items that expired, malformed records.
 * A rejection recorded by an earlier version, as `refused`, is read as `rejected`.
 */
export async function listFailures(): Promise<OutboxFailure[]> {
  return (await (await database()).transaction('failures').store.getAll())
    .filter(isListableFailure)
    .map((failure) => ((failure.reason as string) == 'refused' ? { ...failure, reason: 'rejected' } : failure));
}
