/** A page of the host site in a real private window (private-window.mjs), as a test drives it. */
import { executeServerCommand } from '@web/test-runner-commands';
import type { BrowserPermission } from './browser.js';

/** What the host heard and the person sees in the window (test/fixtures/private-window.html). */
export interface PrivateWindowSeen {
  heard: { type: string; detail: { id?: string; persistent?: boolean; reason?: string } }[];
  state: string;
  reason: string | null;
  status: string;
  alert: string;
}

/** What the window keeps. */
export interface PrivateWindowKept {
  waiting: number;
  /** Titles of this library's notifications on screen. */
  shown: string[];
  persisted: boolean;
  /** The library's pending Background Sync tags, where there is Background Sync. */
  syncTags: string[];
  /** Whether the window found a service worker registered before its page registered one. */
  foundWorker: boolean;
}

export interface PrivateWindow {
  offline(offline: boolean): Promise<void>;
  /** Presses the element's button: a real click. */
  press(): Promise<void>;
  seen(): Promise<PrivateWindowSeen>;
  /** `seen()` once the element fired `type`. */
  after(type: 'sync-notify-queued' | 'sync-notify-delivered' | 'sync-notify-error'): Promise<PrivateWindowSeen>;
  kept(): Promise<PrivateWindowKept>;
  /** Ends the private session. */
  close(): Promise<void>;
}

const command = <T>(payload: object) => executeServerCommand<T, object>('sync-notify:private-window', payload) as Promise<T>;

/** Opens the fixture page in a new private window; `permissions` replace the origin's there. */
export async function openPrivateWindow(permissions?: BrowserPermission[]): Promise<PrivateWindow> {
  const { id } = await command<{ id: number }>({
    action: 'open',
    path: '/test/fixtures/private-window.html',
    permissions,
  });
  const call = <T>(name: string, ...args: unknown[]) => command<T>({ action: 'call', id, name, args });
  return {
    offline: async (offline) => void (await command({ action: 'offline', id, offline })),
    press: async () => void (await command({ action: 'click', id, selector: 'sync-notify-button >>> button' })),
    seen: () => call('seen'),
    after: (type) => call('after', type),
    kept: () => call('kept'),
    close: async () => void (await command({ action: 'close', id })),
  };
}
