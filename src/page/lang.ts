/** The language an element speaks: its own `lang`, or the nearest one in the page; undefined for none. */
export const nearestLang = (element: Element): string | undefined => element.closest('[lang]')?.getAttribute('lang') || undefined;
