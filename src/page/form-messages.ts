/**
 * The sentences only the element with forms shows, in English: kept out of `messages.ts` so that
 * the plain element's file does not carry them. Translations have them beside the others.
 */
import type { SyncNotifyMessages } from './messages.js';

export type SyncNotifyFormMessages = Required<Pick<SyncNotifyMessages, 'filesTooLarge' | 'notAccepted' | 'keptForm' | 'putBack' | 'discardKept' | 'restored' | 'noRoom'>>;

export const englishFormMessages: SyncNotifyFormMessages = {
  filesTooLarge: (megabytes) => `The attached files are too large to send (${megabytes} MB at most together), so nothing was queued.`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'Your session has ended, so the form was not sent. Sign in again, then open the form: what you typed is kept.',
      'shown-again': 'The server did not accept what was typed. It is back in the form: check it and send it again.',
      refused: 'The server did not accept the form. What you typed is kept: open the form again to send it.',
      'no-answer': 'The server did not answer in time, so the form may not have arrived. What you typed is kept: check the form, then send it again.',
    })[problem],
  noRoom: 'What waits to be sent already takes all the room this site may use, so this form was not queued.',
  keptForm: 'What you typed in this form earlier was not sent. It is kept.',
  putBack: 'Put it back in the form',
  discardKept: 'Discard it',
  restored: 'What you typed is back in the form: check it and send it.',
};
