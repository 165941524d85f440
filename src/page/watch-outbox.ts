/** Lets pages watch the outbox: every announcement, with how many items still wait. */
import { listen } from '../shared/channel.js';
import { coalesce } from '../shared/coalesce.js';
import type { OutboxAnnouncement } from '../shared/protocol.js';
import { countItems } from './outbox.js';

export interface OutboxUpdate {
  /** Absent when the update only reports the count: a watcher's first, and one each time another watcher starts. */
  announcement?: OutboxAnnouncement;
  /** Items still queued; absent when the outbox could not be read. */
  pending?: number;
}

export type OutboxWatcher = (update: OutboxUpdate) => void;

const watchers = new Set<OutboxWatcher>();
let listening = false;

/**
 * The pending count, read after the call: one read in flight and one waiting for the whole page,
 * however many elements watch and however many announcements arrive (a page rendering 1000
 * elements, or a reconnect delivering 100 items, reads the outbox twice, not 1000 or 100 times).
 */
const freshCount = coalesce(() => countItems().catch(() => undefined));

async function notifyWatchers(announcement?: OutboxAnnouncement): Promise<void> {
  if (!watchers.size) return;
  // The worker counts what is left as it removes delivered items: a reconnect delivering 100 items
  // costs this page no read at all.
  const pending = announcement?.pending ?? (await freshCount());
  for (const watcher of watchers) watcher({ announcement, pending });
}

/**
 * Calls `watcher` with the pending count now and after every announcement.
 * @returns a function that stops watching.
 */
export function watchOutbox(watcher: OutboxWatcher): () => void {
  watchers.add(watcher);
  if (!listening) {
    listening = true;
    listen((announcement) => void notifyWatchers(announcement));
  }
  // Every watcher gets the count again: harmless, and it is one read for all that connect together.
  void notifyWatchers();
  return () => {
    watchers.delete(watcher);
  };
}
