/**
 * `@customElement` as Lit's, made safe for a page that loads this library twice (a CDN script tag
 * and a bundled npm copy, two micro-frontends): the first definition stays, the second neither
 * throws nor breaks the page, and the console says once which copies met.
 */
import { VERSION } from '../version.js';

interface LoadedCopies {
  first: string;
  warned?: boolean;
}

/** Shared by every copy on the page, whichever bundle it came in. */
const COPIES = Symbol.for('sync-notify-button.copies');

export const customElement =
  (tagName: string) =>
  (element: CustomElementConstructor): void => {
    const copies = ((globalThis as { [COPIES]?: LoadedCopies })[COPIES] ??= { first: VERSION });
    if (!customElements.get(tagName)) return customElements.define(tagName, element);
    if (copies.warned) return;
    copies.warned = true;
    console.warn(
      `<${tagName}>: sync-notify-button was loaded twice on this page (${copies.first}, then ${VERSION}); the first copy is used. Load one copy: the script tag or the npm package.`,
    );
  };
