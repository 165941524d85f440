import { waitUntil as waitUntilWithin } from '@open-wc/testing';

/**
 * open-wc's waitUntil with 10 s to wait rather than 1 s, unless told. It waits for an outcome, and
 * with three browsers side by side on two cores an outcome can take over a second to arrive (a
 * retry time the Firefox worker had not yet written down failed a run): a wrong outcome still
 * fails, later. Checks that something happens fast say their own timeout.
 */
export const waitUntil: typeof waitUntilWithin = (predicate, message, options = {}) =>
  waitUntilWithin(predicate, message, { timeout: 10_000, ...options });
