/**
 * What a record read back from the outbox must look like before anything acts on it. The outbox is
 * a database other code shares (other versions of this library, plain-JavaScript callers, other
 * scripts of the origin, a half-written record): one record of the wrong shape, or holding a value
 * no version of this library writes, must never stop the queue. The worker moves such a record to
 * the failures (problem `malformed`); pages leave it out of what they list. One check for both
 * wings, against the bounds the page checks input against (shared/limits.ts, which the field table
 * in shared/input-fields.ts reads): every field of the shape this library writes, each with its type
 * and bounds, dates among them. Written out, not read from the table at run time: the table and a
 * reader of it would take the workers past their size budgets (by about a tenth of a kilobyte).
 */
import {
  CLOCK_SKEW_MS,
  EARLIEST_TIME,
  MAX_AGE_MS,
  MAX_BODY_LENGTH,
  MAX_RETRY_DELAY_MS,
  MAX_SEND_ATTEMPTS,
  MAX_SHOW_ATTEMPTS,
  MAX_TITLE_LENGTH,
} from './limits.js';
import { DIRECTIONS, IMAGE_SCHEME, LINK_SCHEME, type OutboxFailure, type OutboxItem, type OutboxNotification } from './outbox-schema.js';

/** A check of one field's value, given the time it is read at (dates are bounded by it). */
export type Check = (value: unknown, now: number) => boolean;

export const isString = (value: unknown): value is string => typeof value == 'string';
export const isNumber = (value: unknown): value is number => Number.isFinite(value);
export const optional = (check: Check): Check => (value, now) => value === undefined || check(value, now);
export const isBoolean: Check = (value) => typeof value == 'boolean';
export const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value == 'object';
/** Text of at most `max` characters; `required`: not empty. */
export const text = (max: number, required = false): Check => (value) => isString(value) && value.length <= max && (!required || !!value);
/** A whole number from 0 to `max`. */
const count = (max: number): Check => (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
/** A time this library could have written: since its first year, and not further ahead than `ahead` (and a clock's drift). */
const time = (ahead = 0): Check => (value, now) => isNumber(value) && value >= EARLIEST_TIME && value <= now + ahead + CLOCK_SKEW_MS;
export const urlOf =
  (schemes: RegExp): Check =>
  (value) => {
    try {
      return schemes.test(new URL(value as string).protocol);
    } catch {
      return false;
    }
  };

/** Every member of a notification this library writes, and only these are read: another is not passed on. */
const NOTIFICATION_FIELDS: Record<keyof OutboxNotification, Check> = {
  title: text(MAX_TITLE_LENGTH, true),
  body: text(MAX_BODY_LENGTH),
  // A `data:` image counts against the item's size.
  icon: optional(urlOf(IMAGE_SCHEME)),
  badge: optional(urlOf(IMAGE_SCHEME)),
  url: optional(urlOf(LINK_SCHEME)),
  allowExternalUrl: optional(isBoolean),
  tag: optional(text(MAX_TITLE_LENGTH)),
  lang: optional(text(MAX_TITLE_LENGTH)),
  dir: optional((value) => (DIRECTIONS as readonly unknown[]).includes(value)),
  requireInteraction: optional(isBoolean),
  silent: optional(isBoolean),
  summary: optional(text(MAX_TITLE_LENGTH)),
};

const ITEM_FIELDS: Partial<Record<keyof OutboxItem, Check>> = {
  id: text(MAX_TITLE_LENGTH, true),
  queuedAt: time(),
  scope: optional(urlOf(LINK_SCHEME)),
  owner: optional(text(MAX_TITLE_LENGTH)),
  expiresAt: optional(time(MAX_AGE_MS)),
  sentAt: optional(time()),
  attempts: optional(count(MAX_SEND_ATTEMPTS)),
  shows: optional(count(MAX_SHOW_ATTEMPTS)),
  // Never further than the longest wait this library honours: one beyond would hold its endpoint for good.
  retryAt: optional(time(MAX_RETRY_DELAY_MS)),
};

/** Whether every checked field of `record` passes its check, read at `now`. */
export const passes = (record: unknown, fields: Record<string, Check>, now: number): record is Record<string, unknown> =>
  isObject(record) && Object.entries(fields).every(([name, check]) => check(record[name], now));

export const isNotification = (value: unknown): value is OutboxNotification => passes(value, NOTIFICATION_FIELDS, Date.now());

/**
 * How an item's API call is checked: in full where calls are sent or listed (api-call-record.ts
 * installs it, imported by the API-call files); elsewhere (the worker and element that only
 * notify) an object is enough, an unsent call waiting for the worker that sends it.
 */
let isApiCall: Check = (value) => isObject(value);

export const checkApiCallsWith = (check: Check): void => {
  isApiCall = check;
};

/** Whether an item read back can be delivered as it is: the shape this library writes, within its bounds, now. */
export const isDeliverable = (record: unknown): record is OutboxItem =>
  passes(record, ITEM_FIELDS, Date.now()) &&
  // No longer than the longest max-age after it was queued.
  (record.expiresAt === undefined || (record.expiresAt as number) <= (record.queuedAt as number) + MAX_AGE_MS) &&
  isNotification(record.notification) &&
  optional(isApiCall)(record.request, Date.now());

const FAILURE_FIELDS: Partial<Record<keyof OutboxFailure, Check>> = {
  id: text(MAX_TITLE_LENGTH, true),
  failedAt: time(),
  status: optional(count(999)),
  notification: optional(isNotification),
  request: optional((value, now) => isApiCall(value, now)),
  scope: optional(urlOf(LINK_SCHEME)),
  owner: optional(text(MAX_TITLE_LENGTH)),
  maxAge: optional((value) => isNumber(value) && value > 0 && value <= MAX_AGE_MS / 1000),
};

/** Whether a failure read back can be listed as it is; `notification` may be absent for a `malformed` one. */
export const isListableFailure = (record: unknown): record is OutboxFailure => passes(record, FAILURE_FIELDS, Date.now());
