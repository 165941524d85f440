/**
 * The worker half of the Background Sync typings (needs the WebWorker lib's ExtendableEvent).
 * https://wicg.github.io/background-sync/spec/#sync-event
 */
import '../shared/background-sync.js';

declare global {
  interface SyncEvent extends ExtendableEvent {
    readonly tag: string;
    /** True when the browser will not retry this sync again after a failure. */
    readonly lastChance: boolean;
  }

  interface ServiceWorkerGlobalScopeEventMap {
    sync: SyncEvent;
  }
}

export {};
