/**
 * What both elements (`<sync-notify-button>`, `<sync-notify-outbox>`) do alike: speak their
 * language, and tell the page. Kept tiny: the button's files have no bytes to spare.
 */

import type { Failure } from './failure.js';

/**
 * What a controller of the button hears of its presses (the form submitter): told by the element
 * itself, before its event, so that the page's listeners find what the controller did.
 */
export interface PressListener {
  /** The press's item is stored, with this id. */
  queued?(id: string): void;
  /** A press, or the delivery of its item, failed. */
  failed?(failure: Failure): void;
}

/**
 * An element's sentences, each from the author's `messages`, else from the translation registered
 * for the element's language (the modules of translations/ install the hook, which finds the
 * language), else English. `part`: the translation's table for an element other than the button
 * (the outbox element's sentences are under `outbox`).
 */
export const sentencesOf = <T extends object>(element: Element & { messages: Partial<T> }, english: T, part?: 'outbox'): T => ({
  ...english,
  ...((part ? globalThis.syncNotifyTranslation?.(element)?.[part] : globalThis.syncNotifyTranslation?.(element)) as Partial<T> | undefined),
  ...element.messages,
});

/** Dispatches one of the elements' events (typed in `HTMLElementEventMap`), out of its shadow root to the page. */
export function emit<K extends keyof HTMLElementEventMap>(
  element: Element,
  type: K,
  detail: HTMLElementEventMap[K] extends CustomEvent<infer Detail> ? Detail : never,
): void {
  element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
