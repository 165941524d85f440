/** Helpers that read the element as a user does: its button and the text on screen. */
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
