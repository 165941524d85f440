/**
 * What an item's API call must look like when it is read back to be sent or listed: every field
 * of the shape this library writes, within the bounds the page checks input against, headers by
 * the rule the page applies (shared/headers.ts). Imported for its effect by the files that send
 * or list API calls (the API-call worker, the element with API calls, the outbox element): the
 * files that only notify do without it (shared/outbox-record.ts).
 */
import { isSafeHeader } from './headers.js';
import { MAX_HEADER_BYTES, MAX_HEADERS, MAX_ITEM_BYTES, MAX_REQUEST_TIMEOUT_MS } from './limits.js';
import { checkApiCallsWith, isBoolean, isNumber, isObject, isString, optional, passes, text, urlOf, type Check } from './outbox-record.js';
import { LINK_SCHEME, METHODS, type OutboxApiCall } from './outbox-schema.js';

/** An API call's own headers: safe names only (shared/headers.ts), as many and as long as the door lets through. */
const headers: Check = (value) =>
  isObject(value) &&
  Object.keys(value).length <= MAX_HEADERS &&
  Object.entries(value).every(([name, header]) => isSafeHeader(name) && isString(header)) &&
  Object.entries(value).join().length <= MAX_HEADER_BYTES;

/**
 * A form's `contentType` and `form` are read only by the API-call worker, which refuses to send
 * what it cannot build from them (`unsendable`), its files over their bound included: checked
 * there, they cost the other files nothing.
 */
const API_CALL_FIELDS: Record<Exclude<keyof OutboxApiCall, 'contentType' | 'form'>, Check> = {
  url: urlOf(LINK_SCHEME),
  method: (value) => (METHODS as readonly unknown[]).includes(value),
  headers,
  body: text(MAX_ITEM_BYTES),
  formPage: optional(urlOf(LINK_SCHEME)),
  signInUrl: optional(urlOf(LINK_SCHEME)),
  successUrl: optional(urlOf(LINK_SCHEME)),
  resent: optional(isBoolean),
  crossOrigin: optional(isBoolean),
  timeout: optional((value) => isNumber(value) && value > 0 && value <= MAX_REQUEST_TIMEOUT_MS),
};

checkApiCallsWith((value, now) => passes(value, API_CALL_FIELDS, now));
