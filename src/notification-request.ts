/** Turns what an author wrote (attributes or a JS object) into a valid {@link NotificationRequest}. */
import type { NotificationRequest } from './outbox.js';

/** Like {@link NotificationRequest}, but every field optional and unchecked. */
export type NotificationInput = {
  [K in Exclude<keyof NotificationRequest, 'dir'>]?: NotificationRequest[K] | null;
} & { dir?: string | null };

export type InputProblem =
  | { kind: 'missing'; field: 'title' | 'body' }
  | { kind: 'invalid-url'; field: 'url' | 'icon' | 'badge'; value: string }
  | { kind: 'invalid-dir'; value: string };

export type Validation =
  | { ok: true; request: NotificationRequest }
  | { ok: false; problem: InputProblem };

const DIRECTIONS: readonly string[] = ['auto', 'ltr', 'rtl'] satisfies NotificationDirection[];
const URL_SCHEMES: Record<'url' | 'icon' | 'badge', readonly string[]> = {
  url: ['http:', 'https:'],
  icon: ['http:', 'https:', 'data:', 'blob:'],
  badge: ['http:', 'https:', 'data:', 'blob:'],
};

function absoluteUrl(value: string, baseUrl: string, schemes: readonly string[]): string | undefined {
  try {
    const url = new URL(value, baseUrl);
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks and normalises a notification. URLs become absolute against `baseUrl`
 * (the page's), since the worker would otherwise resolve them against its own script.
 */
export function validateNotification(input: NotificationInput, baseUrl: string): Validation {
  const title = input.title ?? '';
  const body = input.body ?? '';
  if (!title.trim()) return { ok: false, problem: { kind: 'missing', field: 'title' } };
  if (!body.trim()) return { ok: false, problem: { kind: 'missing', field: 'body' } };

  const request: NotificationRequest = { title, body };
  for (const field of ['url', 'icon', 'badge'] as const) {
    const value = input[field];
    if (!value) continue;
    const href = absoluteUrl(value, baseUrl, URL_SCHEMES[field]);
    if (!href) return { ok: false, problem: { kind: 'invalid-url', field, value } };
    request[field] = href;
  }
  if (input.dir) {
    if (!DIRECTIONS.includes(input.dir)) return { ok: false, problem: { kind: 'invalid-dir', value: input.dir } };
    request.dir = input.dir as NotificationDirection;
  }
  if (input.tag) request.tag = input.tag;
  if (input.lang) request.lang = input.lang;
  if (input.requireInteraction) request.requireInteraction = true;
  if (input.silent) request.silent = true;
  if (input.summary) request.summary = input.summary;
  return { ok: true, request };
}
