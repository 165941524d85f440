/**
 * The sentences of `<sync-notify-outbox>`, in English: a table of their own, so that the button's
 * file does not carry them. A translation carries them under its `outbox` key (`TranslationTable`);
 * replace any through the outbox element's `messages` property.
 */
import type { NotAcceptedProblem } from '../shared/outbox-schema.js';

export interface SyncNotifyOutboxMessages {
  /** The list's accessible name. */
  label: string;
  /** Nothing waits and nothing failed. */
  empty: string;
  waiting: string;
  /** An API call the server asked to wait for; `time` is when it is tried again. */
  retryingAt: (time: string) => string;
  /** `status` 0: the worker refused to send it (a redirect, another origin, a request that cannot be built). */
  rejected: (status: number) => string;
  expired: string;
  /**
   * A form the server did not accept, kept with what was typed: its session ended (`sign-in`), its
   * validation showed the form again (`shown-again`), it refused the form (`refused`), or it did not
   * answer an upload in time (`no-answer`).
   */
  notAccepted: (problem: NotAcceptedProblem) => string;
  /** The link to the page of a form the server did not accept, where it can be sent again. */
  openForm: string;
  /** The title shown for a record that could not be read (malformed, set aside by the worker). */
  unreadable: string;
  queuedAt: (time: string) => string;
  cancel: string;
  retryNow: string;
  dismiss: string;
  /** Said politely when an item leaves the list. */
  cancelled: (title: string) => string;
  sent: (title: string) => string;
  dismissed: (title: string) => string;
}

export const englishOutboxMessages: SyncNotifyOutboxMessages = {
  label: 'Waiting to be sent',
  empty: 'Nothing is waiting to be sent.',
  waiting: 'Waiting for a connection',
  retryingAt: (time) => `The server asked to wait: trying again at ${time}`,
  rejected: (status) => (status ? `Refused by the server (HTTP ${status})` : 'Could not be sent'),
  expired: 'Waited too long and was dropped',
  notAccepted: (problem) =>
    ({
      'sign-in': 'Not sent: your session had ended. Sign in again, then open its form',
      'shown-again': 'Not accepted by the server: open its form to check it',
      refused: 'Not accepted by the server: open its form to send it again',
      'no-answer': 'No answer in time: open its form to check it and send it again',
    })[problem],
  openForm: 'Open the form',
  unreadable: 'Unreadable item',
  queuedAt: (time) => `queued at ${time}`,
  cancel: 'Cancel',
  retryNow: 'Retry now',
  dismiss: 'Dismiss',
  cancelled: (title) => `“${title}” cancelled.`,
  sent: (title) => `“${title}” sent.`,
  dismissed: (title) => `“${title}” dismissed.`,
};
