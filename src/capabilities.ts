/** What the browser can do, and the notification permission: one typed answer each. */

/** A feature the widget cannot work without. */
export type Capability = 'secure-context' | 'service-worker' | 'notifications' | 'indexeddb';

export interface SupportReport {
  /** Empty when everything needed is there. */
  missing: Capability[];
  /** Background Sync is optional: without it the outbox is flushed on reconnect instead. */
  backgroundSync: boolean;
}

/** Reading some of these throws instead of returning undefined (e.g. in a sandboxed frame). */
function isPresent(read: () => unknown): boolean {
  try {
    return read() != null;
  } catch {
    return false;
  }
}

export function detectSupport(scope: Window & typeof globalThis = window): SupportReport {
  // An opaque origin (a sandboxed frame, a data: URL) may expose the objects, but can use neither.
  const hasOrigin = scope.origin !== 'null';
  const checks: [Capability, () => unknown][] = [
    ['secure-context', () => scope.isSecureContext || undefined],
    ['service-worker', () => (hasOrigin ? scope.navigator.serviceWorker : undefined)],
    ['notifications', () => scope.Notification],
    ['indexeddb', () => (hasOrigin ? scope.indexedDB : undefined)],
  ];
  return {
    missing: checks.filter(([, read]) => !isPresent(read)).map(([capability]) => capability),
    backgroundSync: isPresent(() => scope.SyncManager),
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
