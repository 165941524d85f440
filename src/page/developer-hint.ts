/**
 * What the console tells the developer when a press fails for the site's setup. Apart from
 * failure.ts, which every page file uses: only the button's files carry these sentences.
 */
import type { Failure } from './failure.js';

/**
 * For the console: what the developer must fix, where a failure comes from the site's setup. The
 * problem object names the field by its property and the value (`{ kind: 'invalid-number', field:
 * 'maxAge', value: -5 }`).
 */
export function developerHint(failure: Failure): unknown[] | undefined {
  switch (failure.reason) {
    case 'unsupported':
      return ['this browser lacks', failure.missing];
    case 'invalid-input':
      return failure.problem.kind === 'api-calls-off'
        ? ['"endpoint" needs API calls: load sync-notify-api-button.js instead of sync-notify-button.js.']
        : ['the input is refused, nothing was queued:', failure.problem];
    case 'no-service-worker':
      return ["no service worker is registered for this page's scope: register one that imports sync-notify-sw.js."];
    case 'rejected':
      // Status 0: the worker refused to send, e.g. 'redirect' (point "endpoint" at the final URL).
      return failure.problem && ['the worker refused to send the queued request:', failure.problem];
    case 'delivery-failed':
      return failure.problem && ["the page's service worker does not deliver: add importScripts('/sync-notify-sw.js') (or import) to it."];
  }
  return undefined;
}
