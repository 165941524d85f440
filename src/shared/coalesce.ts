/**
 * Wraps `task` so that calls made while it runs share one more run, started once it ends: at most
 * one run in flight and one waiting. Every caller gets a run that started after its call, so a
 * burst of triggers (a reconnect delivering 100 items, 100 announcements) costs two runs, and the
 * last one sees every change.
 */
export function coalesce<T>(task: () => Promise<T>): () => Promise<T> {
  let running: Promise<unknown> = Promise.resolve();
  let waiting: Promise<T> | undefined;
  const start = () => {
    waiting = undefined;
    return (running = task());
  };
  return () => (waiting ??= running.then(start, start));
}
