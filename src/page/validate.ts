/**
 * The click's input check: turns what an author wrote (attributes or a JS object) into a valid
 * {@link OutboxNotification} and, for API calls, a valid {@link OutboxApiCall}, or says what is wrong.
 */
import { MAX_BODY_LENGTH, MAX_ITEM_BYTES, MAX_TITLE_LENGTH, NUMBER_LIMITS } from '../shared/limits.js';
import { IMAGE_SCHEME, LINK_SCHEME, type OutboxApiCall, type OutboxNotification } from '../shared/outbox-schema.js';

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
  /**
   * A form to send instead of the JSON body: its fields as its `enctype` encodes them, to its
   * `action` with its `method` (POST), with no `endpoint`. The element sets it when inside one.
   */
  form?: HTMLFormElement | null;
  /**
   * A form's sign-in page, where the default rule does not know it: a form whose post lands there
   * was not accepted (the person is asked to sign in again). On the page's origin.
   */
  signInUrl?: string | null;
  /**
   * The page a form's post lands on when the server took it, where the default rule misjudges it
   * (a success page that shows the form again, say): landing there is sent. On the page's origin.
   */
  successUrl?: string | null;
  /**
   * The id of a form the server did not accept (a failure, `not-accepted`) that this form sends
   * again, with what the page holds now (fresh hidden fields, such as a CSRF token): the new item
   * takes its id, so its Idempotency-Key stays the same, and the failure is removed as it is queued.
   */
  resendOf?: string | null;
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
  NUMBER_LIMITS,
} from '../shared/limits.js';

/** The fields an author sets as text; a JS caller's number or object there is refused, never stored. */
type TextField =
  | 'title'
  | 'body'
  | 'icon'
  | 'badge'
  | 'url'
  | 'tag'
  | 'lang'
  | 'summary'
  | 'dir'
  | 'endpoint'
  | 'method'
  | 'owner'
  | 'signInUrl'
  | 'successUrl'
  | 'resendOf';

export type InputProblem =
  | { kind: 'missing'; field: 'title' | 'body' }
  | { kind: 'too-long'; field: 'title' | 'body' | 'tag' | 'summary' | 'owner'; limit: number }
  | { kind: 'invalid-type'; field: TextField | FlagField | 'headers' | 'form'; expected: string }
  | { kind: 'invalid-number'; field: keyof typeof NUMBER_LIMITS; value: unknown; max: number }
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
 * A usable setting: a positive number within its bound (NaN, 0, -5 and 1e13 are mistakes, not
 * settings); `undefined` when it is one, else the refusal.
 */
export function checkNumber(field: keyof typeof NUMBER_LIMITS, value: unknown): InputProblem | undefined {
  const max = NUMBER_LIMITS[field];
  return typeof value === 'number' && value > 0 && value <= max ? undefined : { kind: 'invalid-number', field, value, max };
}

/** The fields an author sets as flags. */
type FlagField = 'requireInteraction' | 'silent' | 'allowCrossOrigin' | 'allowExternalUrl';

/** The first of `fields` that holds something other than `expected` (text by default), or undefined. */
export function wrongType<F extends TextField | FlagField>(
  input: Partial<Record<F, unknown>>,
  fields: readonly F[],
  expected: 'string' | 'boolean' = 'string',
): InputProblem | undefined {
  const field = fields.find((name) => input[name] != null && typeof input[name] !== expected);
  return field && { kind: 'invalid-type', field, expected };
}

const DIRECTIONS: readonly string[] = ['auto', 'ltr', 'rtl'] satisfies NotificationDirection[];
export const URL_SCHEMES = { url: LINK_SCHEME, icon: IMAGE_SCHEME, badge: IMAGE_SCHEME, endpoint: LINK_SCHEME };

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
  const mistyped =
    wrongType(input, ['title', 'body', 'icon', 'badge', 'url', 'tag', 'lang', 'summary', 'dir']) ??
    wrongType(input, ['requireInteraction', 'silent', 'allowExternalUrl'], 'boolean');
  if (mistyped) return refuse(mistyped);
  const notification: OutboxNotification = { title: input.title ?? '', body: input.body ?? '' };
  for (const [field, limit] of [['title', MAX_TITLE_LENGTH], ['body', MAX_BODY_LENGTH]] as const) {
    if (!notification[field].trim()) return refuse({ kind: 'missing', field });
    if (notification[field].length > limit) return refuse({ kind: 'too-long', field, limit });
  }
  for (const field of ['tag', 'summary'] as const) {
    if ((input[field]?.length ?? 0) > MAX_TITLE_LENGTH) return refuse({ kind: 'too-long', field, limit: MAX_TITLE_LENGTH });
  }
  if (input.lang) {
    try {
      Intl.getCanonicalLocales(input.lang);
    } catch {
      return refuse({ kind: 'invalid-lang', value: input.lang });
    }
  }
  for (const field of ['url', 'icon', 'badge'] as const) {
    const value = input[field];
    if (!value) continue;
    const href = absoluteUrl(value, baseUrl, URL_SCHEMES[field]);
    if (!href) return refuse({ kind: 'invalid-url', field, value });
    // A notification opens only what the site meant: its own pages, unless the author said otherwise.
    if (field == 'url' && new URL(href).origin != pageOrigin && !input.allowExternalUrl) {
      return refuse({ kind: 'cross-origin', field, value: href });
    }
    notification[field] = href;
  }
  if (input.dir) {
    if (!DIRECTIONS.includes(input.dir)) return refuse({ kind: 'invalid-dir', value: input.dir });
    notification.dir = input.dir as NotificationDirection;
  }
  for (const field of ['tag', 'lang', 'summary'] as const) if (input[field]) notification[field] = input[field];
  for (const field of ['requireInteraction', 'silent', 'allowExternalUrl'] as const) if (input[field]) notification[field] = true;
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
  /** Who queued it (`owner`): sent only while that owner is declared. */
  owner?: string;
  /** The failure whose form this sends again (`resendOf`): its id is the item's. */
  resendOf?: string;
}

/** The retention limits, as the element and the JS API take them. */
export interface RetentionInput {
  maxAge?: number | null;
  maxItems?: number | null;
  /** Who is signed in (an id the site chooses): the item is sent only while this owner is declared (`setOwner`). */
  owner?: string | null;
}

/** Everything an author may set for one outbox item: the element's attributes, the JS API's object. */
export type OutboxInput = NotificationInput & ApiCallInput & RetentionInput;

/** Checks the notification, and the API call too when an endpoint or a form is given. */
export function validateOutboxInput(input: OutboxInput, baseUrl: string, pageOrigin: string): Validation<OutboxEntry> {
  const notification = validateNotification(input, baseUrl, pageOrigin);
  if (!notification.ok) return notification;
  const entry: OutboxEntry = { notification: notification.value };
  for (const [field, value] of [['max-age', input.maxAge], ['max-items', input.maxItems]] as const) {
    if (value == null) continue;
    const problem = checkNumber(field, value);
    if (problem) return refuse(problem);
    entry[field === 'max-age' ? 'maxAge' : 'maxItems'] = value as number;
  }
  const mistyped = wrongType(input, ['endpoint', 'owner']);
  if (mistyped) return refuse(mistyped);
  if (input.owner) {
    if (input.owner.length > MAX_TITLE_LENGTH) return refuse({ kind: 'too-long', field: 'owner', limit: MAX_TITLE_LENGTH });
    entry.owner = input.owner;
  }
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
