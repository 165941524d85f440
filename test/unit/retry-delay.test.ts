/** The backoff and `Retry-After` policy (src/sw/send-api-call.ts): each form of the header, and the bounds. */
import { expect } from '@open-wc/testing';
import { MAX_RETRY_DELAY_MS, retryDelay } from '../../src/sw/send-api-call.js';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const HOUR = 60 * 60 * 1000;

/** Every delay `retryDelay` gives over many draws (it adds up to 50 % jitter). */
const draws = (attempts: number, header: string | null) => Array.from({ length: 200 }, () => retryDelay(attempts, header, NOW));

const within = (delays: number[], low: number, high: number) => {
  expect(Math.min(...delays)).to.be.at.least(low);
  expect(Math.max(...delays)).to.be.at.most(high);
};

describe('retryDelay', () => {
  it('backs off exponentially from 1 s, with up to 50 % jitter, without a header', () => {
    within(draws(0, null), 1000, 1500);
    within(draws(1, null), 2000, 3000);
    within(draws(4, null), 16_000, 24_000);
    // The jitter spreads clients that failed together: not every draw is the same.
    expect(new Set(draws(2, null)).size).to.be.above(100);
  });

  it('waits the seconds a Retry-After asks, when longer than the backoff', () => {
    expect(retryDelay(0, '120', NOW)).to.equal(120_000);
  });

  it('waits until the HTTP date a Retry-After names', () => {
    expect(retryDelay(0, 'Mon, 30 Nov 2026 12:05:00 GMT', NOW)).to.equal(5 * 60 * 1000);
  });

  it('never waits less than the backoff: Retry-After 0, a past date, or a shorter ask', () => {
    within(draws(0, '0'), 1000, 1500);
    within(draws(3, '2'), 8000, 12_000);
    within(draws(0, 'Sun, 29 Nov 2026 12:00:00 GMT'), 1000, 1500);
  });

  it('ignores a header it cannot read', () => {
    for (const header of ['soon', '-5', '1.5', '']) within(draws(1, header), 2000, 3000);
  });

  it('never waits more than an hour, whatever the header or the attempts', () => {
    expect(MAX_RETRY_DELAY_MS).to.equal(HOUR);
    expect(retryDelay(0, String(30 * 24 * 60 * 60), NOW)).to.equal(HOUR);
    expect(retryDelay(0, 'Fri, 01 Jan 2027 00:00:00 GMT', NOW)).to.equal(HOUR);
    expect(retryDelay(40, null, NOW)).to.equal(HOUR);
  });
});
