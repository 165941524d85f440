/** Lets pages watch the outbox: every announcement, with how many items still wait. */
import { listen } from '../shared/channel.js';
import type { OutboxAnnouncement } from '../shared/protocol.js';
import { countItems } from './outbox.js';

export interface OutboxUpdate {
  /** Absent for the first update a watcher gets, which only reports the count. */
  announcement?: OutboxAnnouncement;
  /** Items still queued; absent when the outbox could not be read. */
  pending?: number;
}

export type OutboxWatcher = (update: OutboxUpdate) => void;

const watchers = new Set<OutboxWatcher>();
let listening = false;

let countInFlight: Promise<number | undefined> | undefined;

/**
 * The pending count for elements that just connected: one read shared by all that connect while
 * it runs (a page rendering 1000 elements reads the outbox once, not 1000 times).
 */
function sharedCount(): Promise<number | undefined> {
  countInFlight ??= countItems()
    .catch(() => undefined)
    .finally(() => {
      countInFlight = undefined;
    });
  return countInFlight;
}

async function notifyWatchers(announcement?: OutboxAnnouncement): Promise<void> {
  if (!watchers.size) return;
  // One count per announcement for the whole page, however many elements watch.
  const pending = await countItems().catch(() => undefined);
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
  void sharedCount().then((pending) => watchers.has(watcher) && pending !== undefined && watcher({ pending }));
  return () => {
    watchers.delete(watcher);
  };
}
