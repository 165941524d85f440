/**
 * The outbox's BroadcastChannel: tells every context of the origin what happened to the outbox
 * (queued, delivered, failed), whichever context did it. The worker only announces; pages also
 * listen, through page/watch-outbox.ts.
 */
import { OUTBOX_CHANNEL, type OutboxAnnouncement } from './protocol.js';

let outgoing: BroadcastChannel | undefined;

/** Sends an announcement to every context of the origin, this one included. */
export function announce(announcement: OutboxAnnouncement): void {
  (outgoing ??= new BroadcastChannel(OUTBOX_CHANNEL)).postMessage(announcement);
}

/**
 * Hears every announcement, this context's own included: a channel object hears every other
 * object of its name, in this context too, just not itself.
 */
export function listen(listener: (announcement: OutboxAnnouncement) => void): void {
  new BroadcastChannel(OUTBOX_CHANNEL).onmessage = ({ data }: MessageEvent<OutboxAnnouncement>) => listener(data);
}
