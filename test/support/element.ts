/** Helpers that read the element as a user does: its button and the text on screen. */
import { oneEvent } from '@open-wc/testing';
import type { SyncNotifyButton, SyncNotifyErrorDetail } from '../../src/sync-notify-button.js';

export function buttonOf(element: SyncNotifyButton): HTMLButtonElement {
  return element.shadowRoot!.querySelector('button')!;
}

export function statusText(element: SyncNotifyButton): string {
  return element.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
}

export function errorText(element: SyncNotifyButton): string {
  return element.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim();
}

/** Clicks as a user would and resolves with the item the element stored. */
export async function clickAndWaitQueued(element: SyncNotifyButton) {
  const queued = oneEvent(element, 'sync-notify-queued');
  buttonOf(element).click();
  return (await queued).detail.item;
}

/** Clicks as a user would and resolves with the `sync-notify-error` that the click came to. */
export async function clickAndWaitError(element: SyncNotifyButton): Promise<SyncNotifyErrorDetail> {
  const error = oneEvent(element, 'sync-notify-error');
  buttonOf(element).click();
  return (await error).detail;
}
