/**
 * Built-in translations are opt-in modules of this folder: importing one registers its language.
 * The lookup lives here rather than in the element, whose file has no bytes to spare: the first
 * registration installs the global hook `syncNotifyTranslation`, which the element asks for the
 * sentences of its language (the nearest `lang`, as for the notification), and falls back on
 * English for any sentence it does not find.
 */
import type { SyncNotifyMessages, TranslationHook } from '../page/messages.js';

/**
 * The sentences registered for the language of `element`, sentence by sentence: its tag's
 * (`de-CH`), else its base language's (`de`); the element takes English for any left.
 */
function lookup(element: Element): Partial<SyncNotifyMessages> {
  // On a server (Lit SSR's shim) there is no page and no `closest`: the element's own `lang` only.
  const tag = (element.closest?.('[lang]') ?? element).getAttribute('lang')?.toLowerCase() ?? '';
  const { translations } = globalThis.syncNotifyTranslation!;
  return { ...translations[tag.split('-')[0]], ...translations[tag] };
}

/**
 * Registers the sentences of a language (a BCP 47 tag, any case: `de`, `pt-BR`): every element
 * whose language is that tag, or a tag of that base language, shows them. A partial table is
 * fine: the missing sentences stay English. An element's `messages` property still overrides them.
 */
export function registerTranslation(lang: string, messages: Partial<SyncNotifyMessages>): void {
  const hook = (globalThis.syncNotifyTranslation ??= Object.assign(lookup, {
    translations: Object.create(null) as TranslationHook['translations'],
  }));
  hook.translations[lang.toLowerCase()] = messages;
  // Elements already on the page speak it at once; any in other shadow roots at their next update.
  globalThis.document?.querySelectorAll?.('sync-notify-button').forEach((element) => {
    (element as Element & { requestUpdate?: () => void }).requestUpdate?.();
  });
}

/** A translation's own plural rules, for the one sentence that counts (`pending`). */
export const pluralOf = (lang: string) => {
  const rules = new Intl.PluralRules(lang);
  return (count: number) => rules.select(count);
};
