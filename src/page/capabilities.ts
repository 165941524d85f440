/** What the browser can do, and the notification permission: one typed answer each. */

/** A feature the widget cannot work without. */
export type Capability = 'secure-context' | 'service-worker' | 'notifications' | 'indexeddb';

export interface SupportReport {
  /** Empty when everything needed is there. */
  missing: Capability[];
}

/** `in` rather than reading: some of these getters throw (e.g. in a sandboxed frame). */
export function detectSupport(scope: Window & typeof globalThis = window): SupportReport {
  // An opaque origin (a sandboxed frame, a data: URL) may expose the objects, but can use neither.
  const hasOrigin = scope.origin !== 'null';
  const present: Record<Capability, boolean> = {
    'secure-context': scope.isSecureContext,
    'service-worker': hasOrigin && 'serviceWorker' in scope.navigator,
    notifications: 'Notification' in scope,
    indexeddb: hasOrigin && 'indexedDB' in scope,
  };
  return {
    missing: (Object.keys(present) as Capability[]).filter((capability) => !present[capability]),
  };
}

export type PermissionOutcome = 'granted' | 'denied' | 'dismissed';

/**
 * Asks for the notification permission. Call it synchronously from the click handler, before
 * any other `await`: Safari honours `requestPermission()` only within the user gesture.
 */
export function requestNotificationPermission(
  scope: Window & typeof globalThis = window,
): Promise<PermissionOutcome> {
  // Read once: every read of Notification.permission is a synchronous round trip to the browser.
  const current = scope.Notification.permission;
  const answer = current === 'default' ? scope.Notification.requestPermission() : Promise.resolve(current);
  return answer.then((permission) => (permission === 'default' ? 'dismissed' : permission));
}

/** How long the click waits for the browser's answer: Firefox asks the person, who may answer late. */
const PERSIST_ANSWER_MS = 250;

/**
 * Whether the outbox survives the browser's storage clean-up; with `ask`, asks for it first.
 * Chromium and Safari decide at once and without a prompt; Firefox shows its own prompt, whose
 * late answer still counts for later items.
 */
export async function keepStorage(ask: boolean): Promise<boolean> {
  const { storage } = navigator;
  const persisted = await storage.persisted();
  if (persisted || !ask) return persisted;
  const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, PERSIST_ANSWER_MS, false));
  return Promise.race([storage.persist(), timeout]).catch(() => false);
}
