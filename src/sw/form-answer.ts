/**
 * Whether a server accepted a form, read from its answer as a person would read the page it shows:
 * a form is "sent" only when the server meant to take it. Real sites answer a form they did not
 * take with their sign-in page (the session ended), with the same form shown again as typed (their
 * validation), or with a refusal (a stale CSRF token). The rule is pure: the worker reads the
 * answer (send-api-call.ts), this judges it.
 */
import type { NotAcceptedProblem, OutboxApiCall } from '../shared/outbox-schema.js';

/** A form's answer, as far as the rule needs it. */
export interface FormAnswer {
  status: number;
  /** Whether fetch followed one or more redirects to get here. */
  redirected: boolean;
  /** Where the answer came from, after any redirect. */
  url: string;
  /** The page, when the answer is HTML; empty otherwise. */
  html: string;
}

export type FormVerdict = 'sent' | 'retry' | NotAcceptedProblem;

/**
 * "Sign in first": 401 (HTTP authentication; Devise for non-navigational requests), 419 (Laravel:
 * the session that issued the CSRF token is gone), 440 (IIS: the session timed out).
 */
const SIGN_IN_STATUSES = [401, 419, 440];

/**
 * "Not now" rather than "no": tried again later, a form as any API call (RFC 9110 §15.5.9,
 * RFC 8470, RFC 6585, and every 5xx).
 */
export const saysNotNow = (status: number): boolean => status >= 500 || [408, 425, 429].includes(status);

/**
 * A path segment that names a sign-in page: Django's `/accounts/login/`, Laravel's, Spring's,
 * Symfony's and Flask's `/login`, Devise's `/users/sign_in`, Phoenix's `/users/log_in` and
 * `/users/log-in`, ASP.NET's `/Account/Login`, WordPress's `/wp-login.php`, Drupal's `/user/login`,
 * Auth.js's `/api/auth/signin`, oauth2-proxy's `/oauth2/sign_in`, Easy Auth's `/.auth/login/aad`.
 */
const SIGN_IN_SEGMENT = /^(log|sign)[-_]?(in|on)$|^wp-login$/i;

/** Paths that name a sign-in page by two segments: Rails 8's `/session/new`, oauth2-proxy's `/oauth2/start`. */
const SIGN_IN_PATH = /\/sessions?\/new\/?$|\/oauth2\/start\/?$/i;

/**
 * Query parameters by which a sign-in page is told where to go back to once the person signed in:
 * `next` (Django, Flask-Login), `ReturnUrl` (ASP.NET), `redirect_to` (WordPress), `destination`
 * (Drupal), `callbackUrl` (Auth.js), `rd` (oauth2-proxy), `return_to`, `returnTo`, `redirect`.
 */
const RETURN_PARAMETER = /^(next|return_?(url|to)|returnto|redirect(_?to)?|destination|callback_?url|rd|continue)$/i;

/**
 * Marks that frameworks and their form kits put on a field only once their validation refused it:
 * Django's `errorlist`, Rails' `field_with_errors`, Bootstrap's `is-invalid` and `has-error`,
 * `aria-invalid="true"`. Not Bootstrap's `invalid-feedback`, which many pages carry always.
 */
const ERROR_MARK = /\b(errorlist|field_with_errors|is-invalid|has-error)\b|aria-invalid\s*=\s*["']?true/i;

const sameDocument = (a: URL, b: URL) => a.origin == b.origin && a.pathname == b.pathname;

/** Whether `page` is a sign-in page: the author's, or by its path, or by naming the form's page to return to. */
export function isSignInPage(page: URL, call: Pick<OutboxApiCall, 'url' | 'formPage' | 'signInUrl'>): boolean {
  if (call.signInUrl) return sameDocument(page, new URL(call.signInUrl));
  const segments = page.pathname.split('/').map((segment) => segment.replace(/\.\w+$/, ''));
  if (segments.some((segment) => SIGN_IN_SEGMENT.test(segment)) || SIGN_IN_PATH.test(page.pathname)) return true;
  const formPages = [call.url, call.formPage].flatMap((url) => (url ? [new URL(url)] : []));
  return [...page.searchParams].some(([name, value]) => {
    if (!RETURN_PARAMETER.test(name)) return false;
    const back = urlOf(value, page.href);
    return !!back && formPages.some((formPage) => sameDocument(back, formPage));
  });
}

/** A URL, or undefined where `value` is none (`URL.parse` is too recent for the browsers this supports). */
function urlOf(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/** The named references a page may write in a field's value; any other character comes as itself or by number. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

const decodeHtml = (text: string) =>
  text.replace(/&(?:#x([\da-f]+)|#(\d+)|(\w+));/gi, (reference, hex?: string, decimal?: string, name?: string) =>
    hex || decimal ? String.fromCodePoint(parseInt((hex ?? decimal)!, hex ? 16 : 10)) : (ENTITIES[name!.toLowerCase()] ?? reference),
  );

/** The attributes of one start tag's text (`name="a" value='b' required`), names lower-cased, values decoded. */
function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, quoted, singleQuoted, bare] of tag.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attributes[name.toLowerCase()] ??= decodeHtml(quoted ?? singleQuoted ?? bare ?? '');
  }
  return attributes;
}

/** Newlines as a form submits them (CRLF), whatever the page holds. */
const crlf = (text: string) => text.replace(/\r\n?|\n/g, '\r\n');

/** Inputs whose value is the page's, not typed: a box ticked shows the same value as one left empty. */
const NOT_TYPED = /^(hidden|checkbox|radio|submit|button|image|reset|file)$/i;

/**
 * What a form in a page shows as typed: `name=value` of its text inputs and textareas (whose first
 * newline is not part of the value, per HTML).
 */
function typedIn(formContent: string): Set<string> {
  const shown = new Set<string>();
  for (const [, textareaTag, text, inputTag] of formContent.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea\s*>|<input\b([^>]*)>/gi)) {
    const field = attributesOf(textareaTag ?? inputTag);
    if (inputTag && NOT_TYPED.test(field.type ?? '')) continue;
    const value = textareaTag ? decodeHtml(text).replace(/^\r?\n/, '') : field.value;
    if (field.name && value) shown.add(`${field.name}=${crlf(value)}`);
  }
  return shown;
}

/** The forms of a page: each one's method, where it posts to (its page, without an action), and its markup. */
function* formsIn(html: string, pageUrl: string): Generator<{ method: string; target?: URL; content: string }> {
  for (const [, startTag, content] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form\s*>/gi)) {
    const form = attributesOf(startTag);
    yield { method: form.method?.toLowerCase() ?? 'get', target: urlOf(form.action || pageUrl, pageUrl), content };
  }
}

/**
 * Whether `html` shows the form that was sent again, to be corrected: a POST form to the same
 * action (a form without one posts to its own page) that holds what the person typed, or marks a
 * field invalid. A page that shows the same form empty (a "thanks" above a fresh form) does not.
 */
export function showsFormAgain(html: string, pageUrl: string, call: Pick<OutboxApiCall, 'url'>, typed: [string, string][]): boolean {
  const action = new URL(call.url);
  for (const { method, target, content } of formsIn(html, pageUrl)) {
    if (method != 'post' || !target || !sameDocument(target, action)) continue;
    if (ERROR_MARK.test(content)) return true;
    const shown = typedIn(content);
    if (typed.some(([name, value]) => value.trim() && shown.has(`${name}=${crlf(value)}`))) return true;
  }
  return false;
}

/** Whether a refusal's page offers to sign in (oauth2-proxy answers 403 with its sign-in button, at the form's own URL). */
const offersSignIn = (html: string, pageUrl: string, call: Pick<OutboxApiCall, 'url' | 'formPage' | 'signInUrl'>) =>
  [...formsIn(html, pageUrl)].some(({ target }) => target && isSignInPage(target, call));

/**
 * What a form's answer means (docs/api-calls.md#what-counts-as-sent): in order, the author's
 * success page; a sign-in page reached by redirect, 401, 419 or 440, or a refusal that offers to
 * sign in; "not now" (408, 425, 429, 5xx); the same form shown again; any other 2xx, sent (a
 * redirect after POST lands on one); any other answer, refused.
 */
export function judgeFormAnswer(answer: FormAnswer, call: OutboxApiCall, typed: [string, string][]): FormVerdict {
  const { status, url, html } = answer;
  const landed = new URL(url);
  const ok = status >= 200 && status < 300;
  if (call.successUrl && sameDocument(landed, new URL(call.successUrl))) return 'sent';
  if ((answer.redirected && isSignInPage(landed, call)) || SIGN_IN_STATUSES.includes(status)) return 'sign-in';
  if (saysNotNow(status)) return 'retry';
  if (!ok && offersSignIn(html, url, call)) return 'sign-in';
  if (showsFormAgain(html, url, call, typed)) return 'shown-again';
  return ok ? 'sent' : 'refused';
}
