/**
 * The sentences only the element with forms shows, in English: kept out of `messages.ts` so that
 * the plain element's file does not carry them. Translations have them beside the others.
 */
import type { SyncNotifyMessages } from './messages.js';

export const englishFormMessages: Required<Pick<SyncNotifyMessages, 'filesTooLarge'>> = {
  filesTooLarge: (megabytes) => `The attached files are too large to send (${megabytes} MB at most together), so nothing was queued.`,
};
