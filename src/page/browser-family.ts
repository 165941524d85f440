/**
 * Which browser the person uses, where the button's sentences depend on it: where the browser keeps
 * a site's notification setting, and whether it gives notifications only from the Home Screen. Apart
 * from capabilities.ts, whose checks every page file runs: only the button's files carry this.
 */

/** iPhone and iPad (whose Safari says "Macintosh", but has a touch screen). */
const isAppleMobile = ({ userAgent, maxTouchPoints }: Navigator) => /iPhone|iPad|iPod|Macintosh/.test(userAgent) && maxTouchPoints > 1;

/**
 * Safari on iPhone and iPad (16.4+) gives notifications only to a site added to the Home Screen:
 * in a tab, `Notification` is missing though service workers are there
 * (https://webkit.org/blog/13878/web-push-for-web-apps-on-ios-and-ipados/).
 */
export const needsHomeScreen = ({ navigator }: Window = window): boolean =>
  isAppleMobile(navigator) && !(navigator as { standalone?: boolean }).standalone;

/** Where a browser keeps a site's notification setting; `other` for any it does not know. */
export type BrowserFamily = 'chromium' | 'firefox' | 'safari' | 'ios' | 'other';

export function browserFamily(navigator: Navigator = window.navigator): BrowserFamily {
  const { userAgent } = navigator;
  if (isAppleMobile(navigator)) return 'ios';
  if (/Firefox\//.test(userAgent)) return 'firefox';
  if (/Chrom(e|ium)\//.test(userAgent)) return 'chromium';
  return /Macintosh.*Version\/.*Safari\//.test(userAgent) ? 'safari' : 'other';
}
