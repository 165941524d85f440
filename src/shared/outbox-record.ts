/**
 * What a record read back from the outbox must look like before anything acts on it. The outbox is
 * a database other code shares (other versions of this library, plain-JavaScript callers, other
 * scripts of the origin, a half-written record): one record of the wrong shape must never stop
 * the queue. The worker moves such a record to the failures (problem `malformed`); pages leave it
 * out of what they list. One check for both wings, and the limits the page checks input against.
 */
import {
  IMAGE_SCHEME,
  LINK_SCHEME,
  MAX_REQUEST_TIMEOUT_MS,
  type OutboxApiCall,
  type OutboxFailure,
  type OutboxItem,
  type OutboxNotification,
} from './outbox-schema.js';

const isString = (value: unknown): value is string => typeof value == 'string';
const isNumber = (value: unknown): value is number => Number.isFinite(value);
const optional = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || check(value);
const optionalString = optional(isString);
const optionalNumber = optional(isNumber);
const optionalBoolean = optional((value) => typeof value == 'boolean');
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value == 'object';
const urlOf = (schemes: RegExp) => (value: unknown) => {
  try {
    return schemes.test(new URL(value as string).protocol);
  } catch {
    return false;
  }
};

const NOTIFICATION_FIELDS: Record<keyof OutboxNotification, (value: unknown) => boolean> = {
  title: (value) => isString(value) && !!value,
  body: isString,
  icon: optional(urlOf(IMAGE_SCHEME)),
  badge: optional(urlOf(IMAGE_SCHEME)),
  url: optional(urlOf(LINK_SCHEME)),
  allowExternalUrl: optionalBoolean,
  tag: optionalString,
  lang: optionalString,
  dir: optional((value) => value == 'auto' || value == 'ltr' || value == 'rtl'),
  requireInteraction: optionalBoolean,
  silent: optionalBoolean,
  summary: optionalString,
};

/**
 * A form's `contentType` and `form` are read only by the API-call worker, which refuses to send
 * what it cannot build from them (`unsendable`): checked there, they cost the other files nothing.
 */
const API_CALL_FIELDS: Record<Exclude<keyof OutboxApiCall, 'contentType' | 'form'>, (value: unknown) => boolean> = {
  url: urlOf(LINK_SCHEME),
  method: (value) => value == 'POST' || value == 'PUT' || value == 'PATCH',
  headers: (value) => isObject(value) && Object.values(value).every(isString),
  body: isString,
  formPage: optional(urlOf(LINK_SCHEME)),
  signInUrl: optional(urlOf(LINK_SCHEME)),
  successUrl: optional(urlOf(LINK_SCHEME)),
  resent: optionalBoolean,
  crossOrigin: optionalBoolean,
  timeout: optional((value) => isNumber(value) && value > 0 && value <= MAX_REQUEST_TIMEOUT_MS),
};

const ITEM_FIELDS: Partial<Record<keyof OutboxItem, (value: unknown) => boolean>> = {
  id: (value) => isString(value) && !!value,
  queuedAt: isNumber,
  scope: optionalString,
  owner: optionalString,
  expiresAt: optionalNumber,
  sentAt: optionalNumber,
  attempts: optionalNumber,
  retryAt: optionalNumber,
};

/** Whether every checked field of `record` passes its check. */
const passes = (record: unknown, fields: Record<string, (value: unknown) => boolean>): boolean =>
  isObject(record) && Object.entries(fields).every(([name, check]) => check(record[name]));

export const isNotification = (value: unknown): value is OutboxNotification => passes(value, NOTIFICATION_FIELDS);

/** Whether an item read back can be delivered as it is: the shape this library writes. */
export const isDeliverable = (record: unknown): record is OutboxItem =>
  passes(record, ITEM_FIELDS) &&
  isNotification((record as OutboxItem).notification) &&
  optional((request) => passes(request, API_CALL_FIELDS))((record as OutboxItem).request);

/** Whether a failure read back can be listed as it is; `notification` may be absent for a `malformed` one. */
export const isListableFailure = (record: unknown): record is OutboxFailure =>
  isObject(record) &&
  isString(record.id) &&
  isNumber(record.failedAt) &&
  optionalNumber(record.status) &&
  optional(isNotification)(record.notification) &&
  optional((request) => passes(request, API_CALL_FIELDS))(record.request);
