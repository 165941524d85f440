/**
 * The language an element speaks: its own `lang`, or the nearest one in the page; undefined for
 * none, and for a tag that is not BCP 47 (`en_US`, common in the wild), on which `Intl` throws: the
 * default language and format then apply.
 */
export function nearestLang(element: Element): string | undefined {
  try {
    return Intl.getCanonicalLocales(element.closest('[lang]')?.getAttribute('lang') || [])[0];
  } catch {
    return undefined;
  }
}
