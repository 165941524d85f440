/**
 * Built-in translations are opt-in modules of this folder: importing one registers its language.
 * The lookup lives here rather than in the elements, whose files have no bytes to spare: the first
 * registration installs the global hook `syncNotifyTranslation`, which the button and the outbox
 * element ask for the sentences of their language (the nearest `lang`, as for the notification),
 * and fall back on English for any sentence it does not find.
 */
import type { TranslationHook, TranslationTable } from '../page/messages.js';

/**
 * The sentences registered for the language of `element`, sentence by sentence: its tag's
 * (`de-CH`), else its base language's (`de`), the outbox's table merged the same way; the element
 * takes English for any left.
 */
function lookup(element: Element): TranslationTable {
  // On a server (Lit SSR's shim) there is no page and no `closest`: the element's own `lang` only.
  const tag = (element.closest?.('[lang]') ?? element).getAttribute('lang')?.toLowerCase() ?? '';
  const { translations } = globalThis.syncNotifyTranslation!;
  const base = translations[tag.split('-')[0]];
  const exact = translations[tag];
  return { ...base, ...exact, outbox: { ...base?.outbox, ...exact?.outbox } };
}

/**
 * Registers the sentences of a language (a BCP 47 tag, any case: `de`, `pt-BR`): every element
 * whose language is that tag, or a tag of that base language, shows them; the outbox element's
 * sentences go under `outbox`. A partial table is fine: the missing sentences come from the base
 * language, then English. An element's `messages` property still overrides them.
 */
export function registerTranslation(lang: string, messages: TranslationTable): void {
  const hook = (globalThis.syncNotifyTranslation ??= Object.assign(lookup, {
    translations: Object.create(null) as TranslationHook['translations'],
  }));
  hook.translations[lang.toLowerCase()] = messages;
  // Elements already on the page speak it at once; any in other shadow roots at their next update.
  globalThis.document?.querySelectorAll?.('sync-notify-button, sync-notify-outbox').forEach((element) => {
    (element as Element & { requestUpdate?: () => void }).requestUpdate?.();
  });
}

/**
 * A translation's own plural rules, for the one sentence that counts (`pending`); a tag `Intl`
 * does not take (a table registered as `en_US`) gets the default language's.
 */
export const pluralOf = (lang: string) => {
  let rules: Intl.PluralRules;
  try {
    rules = new Intl.PluralRules(lang);
  } catch {
    rules = new Intl.PluralRules();
  }
  return (count: number) => rules.select(count);
};
