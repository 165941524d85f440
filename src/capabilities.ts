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
