/**
 * The click's input check: turns what an author wrote (attributes or a JS object) into a valid
 * {@link OutboxNotification} and, for API calls, a valid {@link OutboxApiCall}, or says what is wrong.
 */
import type { OutboxApiCall, OutboxNotification } from '../shared/outbox-schema.js';

/** Like {@link OutboxNotification}, but every field optional and unchecked. */
export type NotificationInput = {
  [K in Exclude<keyof OutboxNotification, 'dir'>]?: OutboxNotification[K] | null;
} & { dir?: string | null };

/** What an author may set for an API call made through the outbox. */
export interface ApiCallInput {
  endpoint?: string | null;
  method?: string | null;
  headers?: Record<string, string> | null;
  /** Sent as `data` in the JSON body, beside the title and body. */
  data?: unknown;
  allowCrossOrigin?: boolean;
  /** Seconds an attempt may take before it is abandoned and retried later. Default 30. */
  requestTimeout?: number | null;
}

/** Stands for a `data` attribute that is not JSON: refused at the click, never sent as `null`. */
export const INVALID_JSON = Symbol('invalid JSON');

/** The longest title and body accepted, in characters: more is no notification any system shows whole. */
export const MAX_TITLE_LENGTH = 250;
export const MAX_BODY_LENGTH = 2000;

export type InputProblem =
  | { kind: 'missing'; field: 'title' | 'body' }
  | { kind: 'too-long'; field: 'title' | 'body'; limit: number }
  | { kind: 'invalid-number'; field: 'max-age' | 'max-items' | 'request-timeout'; value: unknown }
  | { kind: 'invalid-header-value'; value: string }
  | { kind: 'invalid-url'; field: 'url' | 'icon' | 'badge' | 'endpoint'; value: string }
  | { kind: 'invalid-dir'; value: string }
  | { kind: 'cross-origin'; value: string }
  | { kind: 'invalid-method'; value: string }
  | { kind: 'invalid-header'; value: string }
  | { kind: 'invalid-data' }
  /** An `endpoint`, on a page that did not load API calls (`sync-notify-api-button.js`). */
  | { kind: 'api-calls-off'; value: string };

export type Validation<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

/** A refusal: what is wrong with the input, and nothing kept of it. */
export const refuse = (problem: InputProblem): { ok: false; problem: InputProblem } => ({ ok: false, problem });

/** A usable limit: a positive, finite number (NaN, 0 and -5 are mistakes, not settings). */
export const isPositive = (value: unknown): value is number => typeof value === 'number' && value > 0 && value < Infinity;

const DIRECTIONS: readonly string[] = ['auto', 'ltr', 'rtl'] satisfies NotificationDirection[];
export const URL_SCHEMES: Record<'url' | 'icon' | 'badge', readonly string[]> = {
  url: ['http:', 'https:'],
  icon: ['http:', 'https:', 'data:', 'blob:'],
  badge: ['http:', 'https:', 'data:', 'blob:'],
};

export function absoluteUrl(value: string | null | undefined, baseUrl: string, schemes: readonly string[]): string | undefined {
  try {
    const url = new URL(value ?? '', baseUrl);
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks and normalises a notification. URLs become absolute against `baseUrl`
 * (the page's), since the worker would otherwise resolve them against its own script.
 */
export function validateNotification(input: NotificationInput, baseUrl: string): Validation<OutboxNotification> {
  const notification: OutboxNotification = { title: input.title ?? '', body: input.body ?? '' };
  for (const [field, limit] of [['title', MAX_TITLE_LENGTH], ['body', MAX_BODY_LENGTH]] as const) {
    if (!notification[field].trim()) return refuse({ kind: 'missing', field });
    if (notification[field].length > limit) return refuse({ kind: 'too-long', field, limit });
  }
  for (const field of ['url', 'icon', 'badge'] as const) {
    const value = input[field];
    if (!value) continue;
    const href = absoluteUrl(value, baseUrl, URL_SCHEMES[field]);
    if (!href) return refuse({ kind: 'invalid-url', field, value });
    notification[field] = href;
  }
  if (input.dir) {
    if (!DIRECTIONS.includes(input.dir)) return refuse({ kind: 'invalid-dir', value: input.dir });
    notification.dir = input.dir as NotificationDirection;
  }
  for (const field of ['tag', 'lang', 'summary'] as const) if (input[field]) notification[field] = input[field];
  for (const field of ['requireInteraction', 'silent'] as const) if (input[field]) notification[field] = true;
  return { ok: true, value: notification };
}

/** Checks an API call; present once API calls are switched on (api-calls.ts). */
export type ApiCallValidator = (
  input: ApiCallInput,
  notification: OutboxNotification,
  baseUrl: string,
  pageOrigin: string,
) => Validation<OutboxApiCall>;

let validateApiCall: ApiCallValidator | undefined;

export const enableApiCallInput = (validator: ApiCallValidator): void => {
  validateApiCall = validator;
};

/** A checked outbox entry: the notification, and the API call it confirms when there is one. */
export interface OutboxEntry {
  notification: OutboxNotification;
  apiCall?: OutboxApiCall;
  /** Seconds the item may wait. */
  maxAge?: number;
  /** Items the outbox may hold. */
  maxItems?: number;
}

/** The retention limits, as the element and the JS API take them. */
export interface RetentionInput {
  maxAge?: number | null;
  maxItems?: number | null;
}

/** Everything an author may set for one outbox item: the element's attributes, the JS API's object. */
export type OutboxInput = NotificationInput & ApiCallInput & RetentionInput;

/** Checks the notification, and the API call too when an endpoint is given. */
export function validateOutboxInput(input: OutboxInput, baseUrl: string, pageOrigin: string): Validation<OutboxEntry> {
  const notification = validateNotification(input, baseUrl);
  if (!notification.ok) return notification;
  const entry: OutboxEntry = { notification: notification.value };
  for (const [field, value] of [['max-age', input.maxAge], ['max-items', input.maxItems]] as const) {
    if (value == null) continue;
    if (!isPositive(value)) return refuse({ kind: 'invalid-number', field, value });
    entry[field === 'max-age' ? 'maxAge' : 'maxItems'] = value;
  }
  if (!input.endpoint) return { ok: true, value: entry };
  if (!validateApiCall) return refuse({ kind: 'api-calls-off', value: input.endpoint });
  const apiCall = validateApiCall(input, notification.value, baseUrl, pageOrigin);
  if (!apiCall.ok) return apiCall;
  return { ok: true, value: { ...entry, apiCall: apiCall.value } };
}
