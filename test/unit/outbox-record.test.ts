/**
 * The check of what is read back (src/shared/outbox-record.ts, api-call-record.ts) field by field:
 * every value this library writes passes, and one just past any bound, or of a time no version
 * writes, does not. And the header rule both checks share (src/shared/headers.ts).
 */
import { expect } from '@open-wc/testing';
import '../../src/shared/api-call-record.js';
import { isSafeHeader } from '../../src/shared/headers.js';
import { CLOCK_SKEW_MS, MAX_BODY_LENGTH, MAX_RETRY_DELAY_MS, MAX_SHOW_ATTEMPTS, MAX_TITLE_LENGTH, roomOf } from '../../src/shared/limits.js';
import { isDeliverable, isListableFailure } from '../../src/shared/outbox-record.js';

const DAY = 86_400_000;

function item(change: Record<string, unknown> = {}) {
  const now = Date.now();
  return { seq: 1, id: 'a', queuedAt: now, expiresAt: now + DAY, notification: { title: 't', body: 'b' }, ...change };
}

const call = (change: Record<string, unknown> = {}) => ({ url: `${location.origin}/api`, method: 'POST', headers: {}, body: '{}', ...change });

describe('the record check, on what is read back', () => {
  it('passes every field at its bound, as this library writes it', () => {
    const now = Date.now();
    const full = item({
      owner: 'o'.repeat(MAX_TITLE_LENGTH),
      scope: `${location.origin}/`,
      expiresAt: now + 30 * DAY,
      retryAt: now + MAX_RETRY_DELAY_MS,
      attempts: 1000,
      shows: MAX_SHOW_ATTEMPTS,
      sentAt: now,
      notification: { title: 't'.repeat(MAX_TITLE_LENGTH), body: 'b'.repeat(MAX_BODY_LENGTH), tag: 'x', dir: 'rtl', silent: true },
      request: call({ headers: { 'x-request-id': '1' }, timeout: 600_000 }),
    });
    expect(isDeliverable(full)).to.equal(true);
  });

  for (const [what, change] of [
    ['a title one past its bound', { notification: { title: 't'.repeat(MAX_TITLE_LENGTH + 1), body: 'b' } }],
    ['an empty title', { notification: { title: '', body: 'b' } }],
    ['a body one past its bound', { notification: { title: 't', body: 'b'.repeat(MAX_BODY_LENGTH + 1) } }],
    ['queued after the year 275,000', { queuedAt: 1e16 }],
    ['queued before 2024', { queuedAt: 1 }],
    ['queued more than a day ahead', { queuedAt: Date.now() + CLOCK_SKEW_MS + 60_000 }],
    ['expiring more than 30 days after it was queued', { expiresAt: Date.now() + 31 * DAY }],
    ['a retry beyond the longest wait', { retryAt: 1e300 }],
    ['a retry an hour and a day ahead and more', { retryAt: Date.now() + MAX_RETRY_DELAY_MS + CLOCK_SKEW_MS + 60_000 }],
    ['attempts not a whole number', { attempts: 1.5 }],
    ['more failed shows than it ever makes', { shows: MAX_SHOW_ATTEMPTS + 1 }],
    ['a scope that is no URL', { scope: 'app1' }],
    ['a credential header', { request: call({ headers: { Authorization: 'Bearer x' } }) }],
    ['a routing header', { request: call({ headers: { 'x-forwarded-host': 'elsewhere' } }) }],
    ['seventeen headers', { request: call({ headers: Object.fromEntries(Array.from({ length: 17 }, (_, n) => [`x-h${n}`, 'v'])) }) }],
    ['a body past the item size', { request: call({ body: 'x'.repeat(65_537) }) }],
  ] as const) {
    it(`sets aside ${what}`, () => expect(isDeliverable(item(change))).to.equal(false));
  }

  it('lists a failure within its bounds, and sets aside one failed at a time no version writes', () => {
    const failure = { id: 'f', reason: 'rejected', status: 409, failedAt: Date.now(), notification: { title: 't', body: 'b' } };
    expect(isListableFailure(failure)).to.equal(true);
    expect(isListableFailure({ ...failure, failedAt: 1e16 })).to.equal(false);
    expect(isListableFailure({ ...failure, status: 1e6 })).to.equal(false);
    expect(isListableFailure({ ...failure, request: call({ headers: { cookie: 'a=b' } }) })).to.equal(false);
  });
});

describe('the header rule', () => {
  it('lets through Accept, the languages and X- headers that are neither credentials nor routing', () => {
    for (const name of ['Accept', 'accept-language', 'Content-Language', 'X-Request-Id', 'X-Keyboard-Layout', 'X-Client-Version', 'X-Trace']) {
      expect(isSafeHeader(name), name).to.equal(true);
    }
  });

  it('refuses credentials, routing, and anything else', () => {
    for (const name of [
      'Authorization',
      'Cookie',
      'X-Api-Key',
      'X-Auth-Token',
      'X-CSRF-Token',
      'x-xsrf-token',
      'X-Amz-Security-Token',
      'X-Session-Id',
      'X-Client-IP',
      'X-Original-Forwarded-For',
      'X-Envoy-Original-Path',
      'X-Middleware-Subrequest',
      'X-Forwarded-Host',
      'X-HTTP-Method-Override',
      'Content-Type',
      'Idempotency-Key',
      'Origin',
    ]) {
      expect(isSafeHeader(name), name).to.equal(false);
    }
  });
});

describe('roomOf', () => {
  it('counts text a byte a character and files by their size, and stops where no record of this library goes', () => {
    expect(roomOf({ a: 'xyz', b: [new Blob([new Uint8Array(1000)]), 'qq'] })).to.equal(1005);
    const deep: Record<string, unknown> = {};
    let level = deep;
    for (let n = 0; n < 100; n++) level = level.next = {};
    expect(roomOf(deep)).to.be.below(100);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(roomOf(cycle), 'a cycle, as structured clone keeps one').to.be.a('number');
  });
});
