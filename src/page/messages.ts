/**
 * Every sentence the element shows, in one typed English table, and the one lookup that turns a
 * failure into its sentence. Other languages are opt-in modules (src/translations/), which
 * register through the hook typed here; authors replace any sentence through the element's
 * `messages` property (another tone, a language not shipped).
 */
import { browserFamily, type BrowserFamily } from './browser-family.js';
import type { NotAcceptedProblem } from '../shared/outbox-schema.js';
import type { Failure, SyncNotifyErrorReason } from './failure.js';
import type { SyncNotifyFormMessages } from './form-messages.js';
import type { SyncNotifyOutboxMessages } from './outbox-messages.js';

export interface SyncNotifyMessages {
  /** Fallback button label when the default slot is empty. */
  buttonLabel: string;
  working: string;
  queuedOnline: (title: string) => string;
  queuedOffline: (title: string) => string;
  sent: (title: string) => string;
  /** The item was taken back (`cancel`, or `clearOutbox` at sign-out) before it was sent. */
  cancelled: (title: string) => string;
  /** Appended to the status while items wait, e.g. "2 waiting for connection." */
  pending: (count: number) => string;
  /** Title of the one notification shown for several in summary mode; `{count}` is replaced. */
  summaryTitle: string;
  // One sentence per failure reason, named after it.
  unsupported: string;
  /** iPhone and iPad: notifications need the site on the Home Screen. */
  installRequired: string;
  /** Where the person at the keyboard allows notifications again, in the browser they have. */
  permissionDenied: (browser: BrowserFamily) => string;
  permissionDismissed: string;
  invalidInput: string;
  /**
   * A form's files are over the limit of what waits in the outbox (in MB). Its English is in the
   * element with forms (sync-notify-api-button.js), so the plain element's file does not carry it.
   */
  filesTooLarge?: (megabytes: number) => string;
  /**
   * A form the server did not accept, kept with what was typed: its session ended (`sign-in`), its
   * validation showed the form again (`shown-again`), it refused the form (`refused`), or it did
   * not answer an upload in time (`no-answer`). These and the five below are the element with
   * forms' (English in it, as for `filesTooLarge`).
   */
  notAccepted?: (problem: NotAcceptedProblem) => string;
  /** A form sent earlier from this form that the server did not accept, found when the page opens. */
  keptForm?: string;
  /** The button that puts what was typed back into the form. */
  putBack?: string;
  /** The button that discards it. */
  discardKept?: string;
  /** What was typed is back in the form. */
  restored?: string;
  /** A form refused at the press: what waits already takes the outbox's whole byte budget (`outbox-full`, problem `bytes`). */
  noRoom?: string;
  noServiceWorker: string;
  storageFailed: string;
  /** An older tab keeps the outbox open at an older version, and did not let go in time. */
  storageBlocked: string;
  deliveryFailed: string;
  /** The server refused the queued request with this HTTP status (0: the worker refused it). */
  rejected: (status: number) => string;
  expired: string;
  outboxFull: string;
}

export const englishMessages: SyncNotifyMessages = {
  buttonLabel: 'Send notification',
  working: 'Queuing the notification…',
  queuedOnline: (title) => `“${title}” queued — sending now.`,
  queuedOffline: (title) => `“${title}” queued — will be sent when you are back online.`,
  sent: (title) => `“${title}” sent.`,
  cancelled: (title) => `“${title}” cancelled.`,
  pending: (count) => `${count} waiting for connection.`,
  summaryTitle: '{count} notifications sent while offline',
  // What is missing goes to the console: "IndexedDB" means nothing to most people.
  unsupported: 'This browser cannot send notifications later.',
  installRequired: 'To get notifications here, add this site to your Home Screen: tap Share, then “Add to Home Screen”.',
  permissionDenied: (browser) =>
    `Notifications are blocked for this site. Allow them ${
      // Chromium and Firefox alike: the site's icon in the address bar.
      (
        {
          safari: 'in Safari › Settings › Websites › Notifications',
          ios: 'in the Settings app › Notifications',
          other: "in the browser's site settings",
        } as Partial<Record<BrowserFamily, string>>
      )[browser] ?? 'under the icon at the left of the address bar'
    }.`,
  permissionDismissed: 'Notifications were not allowed. Press the button again to be asked once more.',
  // A setup mistake: the person at the keyboard cannot fix it; the console says what to fix.
  invalidInput: 'This button is not set up correctly, so nothing was queued.',
  noServiceWorker: 'Notifications cannot be sent from this page yet, so nothing was queued.',
  storageFailed: 'This device could not save the notification, so nothing was queued. Please try again.',
  storageBlocked: 'Close the other tabs of this site, then press the button again.',
  deliveryFailed: 'The notification could not be shown yet. It stays queued.',
  rejected: (status) =>
    status ? `The server refused the message (HTTP ${status}), so it will not be sent.` : 'The message could not be sent.',
  expired: 'A notification waited too long for a connection and was dropped.',
  outboxFull: 'Too many notifications are waiting, so this one was not queued.',
};

/**
 * A language's sentences as `registerTranslation` takes them: the button's, and under `outbox`
 * those of `<sync-notify-outbox>` (a table of their own: both have `sent`, `cancelled`, `expired`).
 * Any part of either: the rest comes from the base language, then English.
 */
export type TranslationTable = Partial<SyncNotifyMessages> & { outbox?: Partial<SyncNotifyOutboxMessages> };

/** A complete translation, as each built-in module has it: every sentence of both elements, forms' too. */
export type SyncNotifyTranslation = SyncNotifyMessages & SyncNotifyFormMessages & { outbox: SyncNotifyOutboxMessages };

/** What the modules of `translations/` install (`registerTranslation`), and the elements ask. */
export interface TranslationHook {
  /** The registered sentences for an element's language: its tag's, else its base language's (`outbox` merged too). */
  (element: Element): TranslationTable | undefined;
  /** Registered translations, by lower-case language tag. */
  translations: Record<string, TranslationTable>;
}

declare global {
  /**
   * One global, not a module's state: a translation loaded by a script tag reaches the elements of
   * any bundle, in any order. Absent until a translation registers: then the elements speak English.
   */
  var syncNotifyTranslation: TranslationHook | undefined;
}

/** `permission-denied` → `permissionDenied`: a reason's sentence is named after it. */
type MessageKey<Reason extends string> = Reason extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<MessageKey<Tail>>}` : Reason;

/**
 * The sentence for a failure, from `text` (the element's sentences: `messages`, translation,
 * English). A form's failures (`not-accepted`, files too large) are the element with forms' to say.
 */
export function describeFailure(failure: Failure, text: SyncNotifyMessages): string {
  if (failure.reason === 'rejected') return text.rejected(failure.status);
  if (failure.reason === 'permission-denied') return text.permissionDenied(browserFamily());
  const key = failure.reason.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase());
  return text[key as MessageKey<Exclude<SyncNotifyErrorReason, 'rejected' | 'permission-denied' | 'not-accepted'>>];
}
