/**
 * Background Sync typings that TypeScript's DOM and WebWorker libs still lack.
 * https://wicg.github.io/background-sync/spec/
 */

declare global {
  interface SyncManager {
    register(tag: string): Promise<void>;
    getTags(): Promise<string[]>;
  }

  var SyncManager: { prototype: SyncManager; new (): never } | undefined;

  interface ServiceWorkerRegistration {
    /** Absent in browsers without Background Sync (Firefox, Safari). */
    readonly sync?: SyncManager;
  }
}

export {};
