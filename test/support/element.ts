/** Helpers that read the element as a user does: its button and the text on screen. */
import { oneEvent } from '@open-wc/testing';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';

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
