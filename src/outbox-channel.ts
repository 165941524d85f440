/**
 * Tells every page of the origin what happened to the outbox (queued, delivered, failed),
 * whichever context did it, and how many items still wait.
 */
import { countItems } from './outbox.js';
import { OUTBOX_CHANNEL, type OutboxAnnouncement } from './protocol.js';

export interface OutboxUpdate {
  /** Absent for the first update a watcher gets, which only reports the count. */
  announcement?: OutboxAnnouncement;
  /** Items still queued; absent when the outbox could not be read. */
  pending?: number;
}

export type OutboxWatcher = (update: OutboxUpdate) => void;

const watchers = new Set<OutboxWatcher>();
let channel: BroadcastChannel | undefined;

function openChannel(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(OUTBOX_CHANNEL);
    channel.onmessage = (event: MessageEvent<OutboxAnnouncement>) => void notifyWatchers(event.data);
  }
  return channel;
}

async function notifyWatchers(announcement?: OutboxAnnouncement): Promise<void> {
  if (!watchers.size) return;
  // One count per announcement for the whole page, however many elements watch.
  const pending = await countItems().catch(() => undefined);
  for (const watcher of watchers) watcher({ announcement, pending });
}

/** Sends an announcement to every other context, and to this one's watchers. */
export function announce(announcement: OutboxAnnouncement): void {
  openChannel()?.postMessage(announcement);
  // A BroadcastChannel does not deliver to itself.
  void notifyWatchers(announcement);
}

/**
 * Calls `watcher` with the pending count now and after every announcement.
 * @returns a function that stops watching.
 */
export function watchOutbox(watcher: OutboxWatcher): () => void {
  watchers.add(watcher);
  openChannel();
  void countItems().then(
    (pending) => watchers.has(watcher) && watcher({ pending }),
    () => undefined,
  );
  return () => {
    watchers.delete(watcher);
  };
}
