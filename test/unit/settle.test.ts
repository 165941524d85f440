/**
 * What a flush decides about the items it read (src/sw/settle.ts), on plain records: which it may
 * deliver, which no worker ever will, whose owned items wait, when one has expired, what a dropped
 * one leaves in the failures, and what the report says. The flushes themselves, with their locks,
 * shows and sends, are the browser tests' (test/e2e/exactly-once, delivery, owner-sessions,
 * dead-letters, untrusted-outbox).
 */
import { expect } from '@open-wc/testing';
import { MAX_REQUEST_TIMEOUT_MS } from '../../src/shared/limits.js';
import type { OutboxItem } from '../../src/shared/outbox-schema.js';
import { OUTBOX_CHANNEL, type OutboxAnnouncement } from '../../src/shared/protocol.js';
import { waitUntil } from '../support/wait.js';
import { emptyReport, expired, failureOf, held, keep, mayReceive, mergeReports, sortRecords, type Unwritten } from '../../src/sw/settle.js';

const MINUTE = 60_000;
const SCOPE = `${location.origin}/app/`;
const OTHER_SCOPE = `${location.origin}/other-app/`;
const CALL = { url: `${location.origin}/api/messages`, method: 'POST', headers: {}, body: '{}' } as const;

let seq = 0;
function item(extra: Partial<OutboxItem> = {}): OutboxItem {
  seq += 1;
  const now = Date.now();
  return { seq, id: `id-${seq}`, queuedAt: now - 60 * MINUTE, expiresAt: now + 60 * MINUTE, notification: { title: `T${seq}`, body: 'b' }, ...extra };
}

/** An item whose max-age ran out `ago` ms since. */
const expiredSince = (ago: number, extra: Partial<OutboxItem> = {}) => item({ expiresAt: Date.now() - ago, ...extra });

const nothingUnwritten: Unwritten = new Map();

describe('sortRecords: what a flush may deliver', () => {
  it("delivers its app's items and those of no app, oldest first, and leaves another app's to its worker", () => {
    const own = item({ scope: SCOPE });
    const everyones = item();
    const others = item({ scope: OTHER_SCOPE });
    const { items, undeliverable } = sortRecords([own, everyones, others], SCOPE, nothingUnwritten);
    expect(items).to.deep.equal([own, everyones]);
    expect(undeliverable).to.deep.equal([]);
  });

  it('sets aside a malformed record whatever its app, as rejected and malformed, and delivers the rest', () => {
    const unreadable = { ...item({ scope: OTHER_SCOPE }), notification: { title: 5 } } as unknown as OutboxItem;
    const readable = item();
    const { items, undeliverable } = sortRecords([unreadable, readable], SCOPE, nothingUnwritten);
    expect(items).to.deep.equal([readable]);
    expect(undeliverable).to.deep.equal([[unreadable, { reason: 'rejected', status: 0, problem: 'malformed' }]]);
  });

  it("drops another app's item only once no worker can still be sending it, and never one sent", () => {
    const abandoned = expiredSince(MAX_REQUEST_TIMEOUT_MS + MINUTE, { scope: OTHER_SCOPE });
    const perhapsInFlight = expiredSince(MAX_REQUEST_TIMEOUT_MS - MINUTE, { scope: OTHER_SCOPE });
    const sent = expiredSince(MAX_REQUEST_TIMEOUT_MS + MINUTE, { scope: OTHER_SCOPE, request: CALL, sentAt: Date.now() - 70 * MINUTE });
    const { items, undeliverable } = sortRecords([abandoned, perhapsInFlight, sent], SCOPE, nothingUnwritten);
    expect(items).to.deep.equal([]);
    expect(undeliverable).to.deep.equal([[abandoned, { reason: 'expired' }]]);
  });

  it('reads an item as this context knows it: what it could not write down overlaid, and settled ones gone', () => {
    const sentAt = Date.now();
    const sentUnwritten = item({ request: CALL });
    const settledUnremoved = item();
    const untouched = item();
    const changes: Unwritten = new Map([
      [sentUnwritten.id, { sentAt }],
      [settledUnremoved.id, null],
    ]);
    const { items } = sortRecords([sentUnwritten, settledUnremoved, untouched], SCOPE, changes);
    expect(items).to.deep.equal([{ ...sentUnwritten, sentAt }, untouched]);
  });
});

describe('whose owned items go, and when an item has expired', () => {
  it('lets owned items go only to the person a page said is signed in, while still the one declared', () => {
    expect(mayReceive({ owner: 'ana' }, 'ana')).to.equal('ana');
    expect(mayReceive({ owner: null }, null), 'a sign-out said and declared').to.equal(null);
    expect(mayReceive(undefined, 'ana'), 'no page said it since the worker started').to.equal(undefined);
    expect(mayReceive({ owner: 'ana' }, 'bo'), 'another declared since').to.equal(undefined);
    expect(mayReceive({ owner: 'ana' }, undefined), 'never declared').to.equal(undefined);
  });

  it("holds anyone's owned items but the one who may receive them, and never items of no owner", () => {
    const anas = item({ owner: 'ana' });
    expect(held(anas, 'ana')).to.equal(false);
    expect(held(anas, 'bo')).to.equal(true);
    expect(held(anas, null)).to.equal(true);
    expect(held(anas, undefined)).to.equal(true);
    expect(held(item(), undefined)).to.equal(false);
  });

  it('expires an item past its max-age (and margin) that was not sent; a sent request is shown however late', () => {
    expect(expired(expiredSince(1000))).to.equal(true);
    expect(expired(item())).to.equal(false);
    expect(expired(item({ expiresAt: undefined }))).to.equal(false);
    expect(expired(expiredSince(1000, { request: CALL, sentAt: Date.now() - 2 * MINUTE }))).to.equal(false);
    expect(expired(expiredSince(MINUTE), 2 * MINUTE)).to.equal(false);
    expect(expired(expiredSince(3 * MINUTE), 2 * MINUTE)).to.equal(true);
  });
});

describe('failureOf: what a dropped item leaves in the failures', () => {
  it('keeps what the item was, so that Retry now can queue it again as it was', () => {
    const queuedAt = Date.now() - 10 * MINUTE;
    const refused = item({ queuedAt, expiresAt: queuedAt + 3_600_000, scope: SCOPE, owner: 'ana', request: CALL });
    const before = Date.now();
    const failure = failureOf(refused, { reason: 'rejected', status: 422 });
    expect(failure.failedAt).to.be.within(before, Date.now());
    expect(failure).to.deep.equal({
      reason: 'rejected',
      status: 422,
      id: refused.id,
      failedAt: failure.failedAt,
      notification: refused.notification,
      request: CALL,
      scope: SCOPE,
      owner: 'ana',
      maxAge: 3600,
    });
  });

  it('keeps of a malformed record only a notification that can be shown, and names one without an id by its seq', () => {
    const why = { reason: 'rejected', status: 0, problem: 'malformed' } as const;
    const unreadable = { seq: 7, queuedAt: 'yesterday', notification: { title: 5 }, request: 'everything', owner: 'ana' } as unknown as OutboxItem;
    const showable = { ...item(), expiresAt: 'soon' } as unknown as OutboxItem;
    const [unreadableLeft, showableLeft] = [unreadable, showable].map((record) => {
      const { failedAt, ...left } = failureOf(record, why);
      expect(failedAt).to.be.a('number');
      return left;
    });
    expect(unreadableLeft).to.deep.equal({ ...why, id: 'malformed-7', notification: undefined });
    expect(showableLeft).to.deep.equal({ ...why, id: showable.id, notification: showable.notification });
  });
});

describe('the report', () => {
  it('says what several flushes did together', () => {
    const [shown, sent, retrying, refused] = [item(), item(), item(), item()];
    const one = emptyReport();
    one.delivered.push(shown);
    one.dropped.push(failureOf(refused, { reason: 'rejected', status: 400 }));
    const other = emptyReport();
    other.delivered.push(sent);
    other.kept.push({ item: retrying, error: 'later' });
    const merged = mergeReports([one, other]);
    expect(merged.delivered).to.deep.equal([shown, sent]);
    expect(merged.kept).to.deep.equal([{ item: retrying, error: 'later' }]);
    expect(merged.dropped.map(({ id }) => id)).to.deep.equal([refused.id]);
  });

  it('still answers to the former name of the kept items, `failed`, with the very same list', () => {
    const report = emptyReport();
    expect(report.failed).to.equal(report.kept);
    keep(item(), new Error('Not shown'), report);
    const merged = mergeReports([report, emptyReport()]);
    expect(merged.failed).to.equal(merged.kept);
    expect(merged.failed).to.have.length(1);
  });

  it('keeps an item for the next flush, and tells every page why', async () => {
    const heard: OutboxAnnouncement[] = [];
    const channel = new BroadcastChannel(OUTBOX_CHANNEL);
    channel.onmessage = ({ data }: MessageEvent<OutboxAnnouncement>) => heard.push(data);
    const report = emptyReport();
    const [notShown, retried] = [item(), item({ request: CALL })];
    const error = new Error('Not shown');
    keep(notShown, error, report);
    keep(retried, 'Retrying later', report, { type: 'retry', id: retried.id, retryAt: 1 });
    await waitUntil(() => heard.length == 2, 'the pages never heard of both');
    channel.close();
    expect(report.kept).to.deep.equal([
      { item: notShown, error },
      { item: retried, error: 'Retrying later' },
    ]);
    expect(heard).to.deep.equal([
      { type: 'delivery-failed', id: notShown.id, message: 'Error: Not shown' },
      { type: 'retry', id: retried.id, retryAt: 1 },
    ]);
  });
});
