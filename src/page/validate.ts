/**
 * The click's input check: turns what an author wrote (attributes or a JS object) into a valid
 * {@link OutboxNotification} and, for API calls, a valid {@link OutboxApiCall}, or says what is wrong.
 */
import {
  API_CALL_FIELDS,
  NOTIFICATION_FIELDS,
  RETENTION_FIELDS,
  type Field,
  type FieldOf,
  type InputOf,
} from '../shared/input-fields.js';
import { MAX_ITEM_BYTES } from '../shared/limits.js';
import type { OutboxApiCall, OutboxNotification } from '../shared/outbox-schema.js';

/** Like {@link OutboxNotification}, but every field optional and unchecked. */
export type NotificationInput = InputOf<typeof NOTIFICATION_FIELDS>;

/** What an author may set for an API call made through the outbox. */
export interface ApiCallInput extends InputOf<typeof API_CALL_FIELDS> {
  headers?: Record<string, string> | null;
  /** Sent as `data` in the JSON body, beside the title and body. */
  data?: unknown;
  /**
   * A form to send instead of the JSON body: its fields as its `enctype` encodes them, to its
   * `action` with its `method` (POST), with no `endpoint`. The element sets it when inside one.
   */
  form?: HTMLFormElement | null;
}

/** Stands for a `data` attribute that is not JSON: refused at the click, never sent as `null`. */
export const INVALID_JSON = Symbol('invalid JSON');

export {
  MAX_BODY_LENGTH,
  MAX_FORM_FILE_BYTES,
  MAX_HEADER_BYTES,
  MAX_HEADERS,
  MAX_ITEM_BYTES,
  MAX_TITLE_LENGTH,
} from '../shared/limits.js';

/** Every field of the table, by the name the JS API and the element's property give it. */
type Fields = typeof NOTIFICATION_FIELDS & typeof RETENTION_FIELDS & typeof API_CALL_FIELDS;

/**
 * What is wrong with an author's input. `field` names the field by its property, as the JS API takes
 * it (`maxAge`, `allowCrossOrigin`), whether an attribute or code set it.
 */
export type InputProblem =
  | { kind: 'missing'; field: { [K in keyof Fields]: Fields[K] extends { required: true } ? K : never }[keyof Fields] }
  | { kind: 'too-long'; field: { [K in FieldOf<Fields, string>]: Fields[K] extends { max: number } ? K : never }[FieldOf<Fields, string>]; limit: number }
  | { kind: 'invalid-type'; field: FieldOf<Fields, string | boolean> | 'headers' | 'form'; expected: string }
  | { kind: 'invalid-number'; field: FieldOf<Fields, number>; value: unknown; max: number }
  /** `files`: a form's files together, over {@link MAX_FORM_FILE_BYTES}. */
  | { kind: 'too-large'; field: 'item' | 'headers' | 'files'; limit: number }
  | { kind: 'invalid-lang'; value: string }
  | { kind: 'invalid-header-value'; value: string }
  | { kind: 'invalid-url'; field: 'url' | 'icon' | 'badge' | 'endpoint' | 'action' | 'signInUrl' | 'successUrl'; value: string }
  | { kind: 'invalid-dir'; value: string }
  /**
   * An `endpoint` or a notification's `url` on another origin, not allowed by the author; a form's
   * `signInUrl` or `successUrl` on another origin, which the worker can never see it land on.
   */
  | { kind: 'cross-origin'; field: 'endpoint' | 'action' | 'url' | 'signInUrl' | 'successUrl'; value: string }
  | { kind: 'invalid-method'; value: string }
  | { kind: 'invalid-header'; value: string }
  | { kind: 'invalid-data' }
  /** An `endpoint`, on a page that did not load API calls (`sync-notify-api-button.js`). */
  | { kind: 'api-calls-off'; value: string };

export type Validation<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

/** A refusal: what is wrong with the input, and nothing kept of it. */
export const refuse = (problem: InputProblem): { ok: false; problem: InputProblem } => ({ ok: false, problem });

/**
 * The first field of `fields` (or of `only`) whose value in `input` is not what the table says:
 * first of another type than its own, then blank where it is required, text over its bound, or a
 * number that is no usable setting (NaN, 0, -5 and 1e13 are mistakes, not settings). Undefined
 * when every one is.
 */
export function misfit<F extends Record<string, Field>>(input: InputOf<F>, fields: F, only?: readonly (keyof F & string)[]): InputProblem | undefined {
  const names = only ?? Object.keys(fields);
  const values = input as Record<string, unknown>;
  const typeOf = (name: string) => fields[name].type ?? 'string';
  const mistyped = names.find((name) => values[name] != null && typeOf(name) != 'number' && typeof values[name] != typeOf(name));
  if (mistyped) return { kind: 'invalid-type', field: mistyped, expected: typeOf(mistyped) } as InputProblem;
  for (const name of names) {
    const { type, max, required } = fields[name];
    const value = values[name] as string | null | undefined;
    if (type == 'number') {
      if (value != null && !(typeof value == 'number' && value > 0 && value <= max!)) return { kind: 'invalid-number', field: name, value, max } as InputProblem;
      continue;
    }
    if (required && !value?.trim()) return { kind: 'missing', field: name } as InputProblem;
    if (max && typeof value == 'string' && value.length > max) return { kind: 'too-long', field: name, limit: max } as InputProblem;
  }
  return undefined;
}

export function absoluteUrl(value: string | null | undefined, baseUrl: string, scheme: RegExp): string | undefined {
  try {
    const url = new URL(value ?? '', baseUrl);
    return scheme.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The size of `value` as the outbox stores it, near enough: its JSON text in UTF-8. Counted by
 * TextEncoder, not a Blob: in Chromium each Blob is registered with the browser process, which
 * took 0.43 ms a call against 0.01 ms (npm run bench: a quarter of a click's time to stored).
 */
export const storedBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value) ?? '').length;

/**
 * Checks and normalises a notification. URLs become absolute against `baseUrl`
 * (the page's), since the worker would otherwise resolve them against its own script.
 */
export function validateNotification(input: NotificationInput, baseUrl: string, pageOrigin: string): Validation<OutboxNotification> {
  const problem = misfit(input, NOTIFICATION_FIELDS);
  if (problem) return refuse(problem);
  if (input.lang) {
    try {
      Intl.getCanonicalLocales(input.lang);
    } catch {
      return refuse({ kind: 'invalid-lang', value: input.lang });
    }
  }
  if (input.dir && !(NOTIFICATION_FIELDS.dir.oneOf as readonly string[]).includes(input.dir)) return refuse({ kind: 'invalid-dir', value: input.dir });
  const notification = {} as Record<string, unknown>;
  for (const field of Object.keys(NOTIFICATION_FIELDS) as (keyof OutboxNotification)[]) {
    let value = input[field];
    const { scheme } = NOTIFICATION_FIELDS[field] as Field;
    if (value && scheme) {
      const href = absoluteUrl(value as string, baseUrl, scheme);
      if (!href) return refuse({ kind: 'invalid-url', field: field as 'url', value: value as string });
      // A notification opens only what the site meant: its own pages, unless the author said otherwise.
      if (field == 'url' && new URL(href).origin != pageOrigin && !input.allowExternalUrl) {
        return refuse({ kind: 'cross-origin', field, value: href });
      }
      value = href;
    }
    // Unset options are left out; title and body are set (misfit said so).
    if (value) notification[field] = value;
  }
  return { ok: true, value: notification as unknown as OutboxNotification };
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
  /** Who queued it (`owner`): sent only while that owner is declared. */
  owner?: string;
  /** The failure whose form this sends again (`resendOf`): its id is the item's. */
  resendOf?: string;
}

/** The retention limits, as the element and the JS API take them. */
export type RetentionInput = InputOf<typeof RETENTION_FIELDS>;

/** Everything an author may set for one outbox item: the element's attributes, the JS API's object. */
export type OutboxInput = NotificationInput & ApiCallInput & RetentionInput;

/** Checks the notification, and the API call too when an endpoint or a form is given. */
export function validateOutboxInput(input: OutboxInput, baseUrl: string, pageOrigin: string): Validation<OutboxEntry> {
  const notification = validateNotification(input, baseUrl, pageOrigin);
  if (!notification.ok) return notification;
  const entry: OutboxEntry = { notification: notification.value };
  // The API call's own fields are checked by its check, which pages without API calls leave out.
  const problem = misfit(input, RETENTION_FIELDS) ?? misfit(input, { endpoint: API_CALL_FIELDS.endpoint });
  if (problem) return refuse(problem);
  for (const field of ['maxAge', 'maxItems', 'owner'] as const) if (input[field]) entry[field] = input[field] as never;
  if (input.endpoint || input.form) {
    if (!validateApiCall) return refuse({ kind: 'api-calls-off', value: input.endpoint ?? '' });
    const apiCall = validateApiCall(input, notification.value, baseUrl, pageOrigin);
    if (!apiCall.ok) return apiCall;
    entry.apiCall = apiCall.value;
    // Checked as text by the API-call check; only a form is sent again.
    if (input.resendOf && apiCall.value.contentType) entry.resendOf = input.resendOf;
  }
  if (storedBytes(entry) > MAX_ITEM_BYTES) return refuse({ kind: 'too-large', field: 'item', limit: MAX_ITEM_BYTES });
  return { ok: true, value: entry };
}
