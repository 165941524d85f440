/**
 * The one-line integration for sites that queue API calls as well (`endpoint`):
 * `importScripts('…/sync-notify-api-sw.js')`. Everything `sync-notify-sw.js` does, plus sending.
 */
// First: a worker that starts delivers at once, and must know how to send by then.
import './api-calls.js';
import './auto.js';
