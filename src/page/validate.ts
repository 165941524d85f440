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
  | { kind: 'invalid-data' };

export type Validation<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

const METHODS: readonly string[] = ['POST', 'PUT', 'PATCH'] satisfies OutboxApiCall['method'][];

/**
 * Headers an author may add: none that carries credentials or steers routing. Content-Type and
 * Idempotency-Key are the library's own.
 */
const SAFE_HEADER = /^(accept|accept-language|content-language|x-[a-z0-9-]+)$/i;

/** A header value fetch() accepts: Latin-1 without CR, LF or NUL (Fetch: "header value"). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** A usable limit: a positive, finite number (NaN, 0 and -5 are mistakes, not settings). */
export const isPositive = (value: unknown): value is number => typeof value === 'number' && value > 0 && value < Infinity;

const DIRECTIONS: readonly string[] = ['auto', 'ltr', 'rtl'] satisfies NotificationDirection[];
const URL_SCHEMES: Record<'url' | 'icon' | 'badge', readonly string[]> = {
  url: ['http:', 'https:'],
  icon: ['http:', 'https:', 'data:', 'blob:'],
  badge: ['http:', 'https:', 'data:', 'blob:'],
};

function absoluteUrl(value: string | null | undefined, baseUrl: string, schemes: readonly string[]): string | undefined {
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
  const title = input.title ?? '';
  const body = input.body ?? '';
  if (!title.trim()) return { ok: false, problem: { kind: 'missing', field: 'title' } };
  if (!body.trim()) return { ok: false, problem: { kind: 'missing', field: 'body' } };
  if (title.length > MAX_TITLE_LENGTH) return { ok: false, problem: { kind: 'too-long', field: 'title', limit: MAX_TITLE_LENGTH } };
  if (body.length > MAX_BODY_LENGTH) return { ok: false, problem: { kind: 'too-long', field: 'body', limit: MAX_BODY_LENGTH } };

  const notification: OutboxNotification = { title, body };
  for (const field of ['url', 'icon', 'badge'] as const) {
    const value = input[field];
    if (!value) continue;
    const href = absoluteUrl(value, baseUrl, URL_SCHEMES[field]);
    if (!href) return { ok: false, problem: { kind: 'invalid-url', field, value } };
    notification[field] = href;
  }
  if (input.dir) {
    if (!DIRECTIONS.includes(input.dir)) return { ok: false, problem: { kind: 'invalid-dir', value: input.dir } };
    notification.dir = input.dir as NotificationDirection;
  }
  if (input.tag) notification.tag = input.tag;
  if (input.lang) notification.lang = input.lang;
  if (input.requireInteraction) notification.requireInteraction = true;
  if (input.silent) notification.silent = true;
  if (input.summary) notification.summary = input.summary;
  return { ok: true, value: notification };
}

/**
 * Checks an API call: an http(s) endpoint of the page's own origin unless the author allowed
 * others, a method that sends a body, and only safe-listed headers.
 */
export function validateApiCall(
  input: ApiCallInput,
  notification: OutboxNotification,
  baseUrl: string,
  pageOrigin: string,
): Validation<OutboxApiCall> {
  const url = absoluteUrl(input.endpoint, baseUrl, URL_SCHEMES.url);
  if (!url) return { ok: false, problem: { kind: 'invalid-url', field: 'endpoint', value: input.endpoint ?? '' } };
  const crossOrigin = new URL(url).origin !== pageOrigin;
  if (crossOrigin && !input.allowCrossOrigin) return { ok: false, problem: { kind: 'cross-origin', value: url } };
  const method = (input.method || 'POST').toUpperCase();
  if (!METHODS.includes(method)) return { ok: false, problem: { kind: 'invalid-method', value: method } };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (!SAFE_HEADER.test(name)) return { ok: false, problem: { kind: 'invalid-header', value: name } };
    // What fetch() would refuse when the worker sends it, which would block every later call.
    if (!HEADER_VALUE.test(String(value))) return { ok: false, problem: { kind: 'invalid-header-value', value: name } };
    headers[name.toLowerCase()] = String(value);
  }
  if (input.data === INVALID_JSON) return { ok: false, problem: { kind: 'invalid-data' } };
  let body: string;
  try {
    body = JSON.stringify({ title: notification.title, body: notification.body, data: input.data ?? null });
  } catch {
    return { ok: false, problem: { kind: 'invalid-data' } };
  }
  const call: OutboxApiCall = { url, method: method as OutboxApiCall['method'], headers, body };
  if (crossOrigin) call.crossOrigin = true;
  if (input.requestTimeout != null) {
    if (!isPositive(input.requestTimeout)) {
      return { ok: false, problem: { kind: 'invalid-number', field: 'request-timeout', value: input.requestTimeout } };
    }
    call.timeout = input.requestTimeout * 1000;
  }
  return { ok: true, value: call };
}

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
    if (!isPositive(value)) return { ok: false, problem: { kind: 'invalid-number', field, value } };
    entry[field === 'max-age' ? 'maxAge' : 'maxItems'] = value;
  }
  if (!input.endpoint) return { ok: true, value: entry };
  const apiCall = validateApiCall(input, notification.value, baseUrl, pageOrigin);
  if (!apiCall.ok) return apiCall;
  return { ok: true, value: { ...entry, apiCall: apiCall.value } };
}
