/**
 * What the notification flush (src/sw/deliver.ts) does with each item it read, on plain records:
 * shows it, drops it, or leaves it to its owner or to the send flush. Showing, the delivery lock and
 * the removals are the browser tests' (test/e2e/exactly-once, delivery, owner-sessions, dead-letters).
 */
import { expect } from '@open-wc/testing';
import type { OutboxItem } from '../../src/shared/outbox-schema.js';
import { planShows } from '../../src/sw/deliver.js';
import type { OutboxRead, Undeliverable } from '../../src/sw/settle.js';

const HOUR = 3_600_000;
const CALL = { url: `${location.origin}/api/messages`, method: 'POST', headers: {}, body: '{}' } as const;

let seq = 0;
function item(extra: Partial<OutboxItem> = {}): OutboxItem {
  seq += 1;
  const now = Date.now();
  return { seq, id: `id-${seq}`, queuedAt: now - 2 * HOUR, expiresAt: now + HOUR, notification: { title: `T${seq}`, body: 'b' }, ...extra };
}

const past = () => Date.now() - HOUR / 2;
const read = (items: OutboxItem[], owner?: string | null, undeliverable: Undeliverable[] = []): OutboxRead => ({ items, owner, undeliverable });

describe('planShows: what the notification flush does with each item', () => {
  it('shows notifications and the notifications of sent calls, oldest first', () => {
    const note = item();
    const sentCall = item({ request: CALL, sentAt: Date.now() - HOUR });
    const later = item();
    const [ready, toDrop, callsWaitInVain] = planShows(read([note, sentCall, later]), true);
    expect(ready).to.deep.equal([note, sentCall, later]);
    expect(toDrop).to.deep.equal([]);
    expect(callsWaitInVain).to.equal(false);
  });

  it("drops what expired, another person's held item too, and a sent call's notification never", () => {
    const stale = item({ expiresAt: past() });
    const staleAndHeld = item({ owner: 'bo', expiresAt: past() });
    const sentLongAgo = item({ request: CALL, sentAt: Date.now() - 2 * HOUR, expiresAt: past() });
    const [ready, toDrop] = planShows(read([stale, staleAndHeld, sentLongAgo], 'ana'), true);
    expect(ready).to.deep.equal([sentLongAgo]);
    expect(toDrop).to.deep.equal([
      [stale, { reason: 'expired' }],
      [staleAndHeld, { reason: 'expired' }],
    ]);
  });

  it("shows the owner's items and everyone's, and holds another person's, or every owned one when no one may receive", () => {
    const anas = item({ owner: 'ana' });
    const bos = item({ owner: 'bo' });
    const everyones = item();
    expect(planShows(read([anas, bos, everyones], 'ana'), true)[0]).to.deep.equal([anas, everyones]);
    expect(planShows(read([anas, bos, everyones], undefined), true)[0]).to.deep.equal([everyones]);
    expect(planShows(read([anas, bos, everyones], null), true)[0]).to.deep.equal([everyones]);
  });

  it('leaves unsent calls, expired ones included, to the send flush of a worker that has one', () => {
    const unsent = item({ request: CALL });
    const unsentExpired = item({ request: CALL, expiresAt: past() });
    const [ready, toDrop, callsWaitInVain] = planShows(read([unsent, unsentExpired]), true);
    expect([ready, toDrop, callsWaitInVain]).to.deep.equal([[], [], false]);
  });

  it('without a send flush, drops the expired calls and says that the others wait in vain, unless held', () => {
    const unsentExpired = item({ request: CALL, expiresAt: past() });
    const [ready, toDrop, callsWaitInVain] = planShows(read([unsentExpired, item({ request: CALL })]), false);
    expect(ready).to.deep.equal([]);
    expect(toDrop).to.deep.equal([[unsentExpired, { reason: 'expired' }]]);
    expect(callsWaitInVain).to.equal(true);
    expect(planShows(read([item({ request: CALL, owner: 'bo' })], 'ana'), false)[2], "another person's call").to.equal(false);
  });

  it('drops first what the read found no worker will ever deliver, and leaves the read as it was', () => {
    const malformed: Undeliverable = [item(), { reason: 'rejected', status: 0, problem: 'malformed' }];
    const stale = item({ expiresAt: past() });
    const outbox = read([stale], undefined, [malformed]);
    const [, toDrop] = planShows(outbox, true);
    expect(toDrop).to.deep.equal([malformed, [stale, { reason: 'expired' }]]);
    expect(outbox.undeliverable).to.deep.equal([malformed]);
  });
});
