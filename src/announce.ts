/**
 * Tells every context of the origin what happened to the outbox (queued, delivered, failed),
 * whichever context did it. The worker needs only this; pages watch through outbox-channel.ts.
 */
import { OUTBOX_CHANNEL, type OutboxAnnouncement } from './protocol.js';

type AnnouncementListener = (announcement: OutboxAnnouncement) => void;

const listeners = new Set<AnnouncementListener>();
let channel: BroadcastChannel | undefined;

function openChannel(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(OUTBOX_CHANNEL);
    channel.onmessage = ({ data }: MessageEvent<OutboxAnnouncement>) => listeners.forEach((listener) => listener(data));
  }
  return channel;
}

/** Sends an announcement to every other context, and to this one's listeners. */
export function announce(announcement: OutboxAnnouncement): void {
  openChannel()?.postMessage(announcement);
  // A BroadcastChannel does not deliver to itself.
  listeners.forEach((listener) => listener(announcement));
}

/** Hears every announcement, this context's own included. */
export function listen(listener: AnnouncementListener): void {
  listeners.add(listener);
  openChannel();
}
