/**
 * Imported for its effect: the worker sends queued API calls too (`endpoint`). Part of
 * `sync-notify-api-sw.js`; hosts composing their own worker import `sync-notify-button/sw/api-calls`.
 */
import '../shared/api-call-record.js';
import { enableApiCalls } from './deliver.js';
import { sendWaiting } from './send-api-calls.js';

enableApiCalls(sendWaiting);
