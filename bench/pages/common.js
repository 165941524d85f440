// What the bench pages share: a timeout, closing every notification, asking the bench worker.
const TIMEOUT_MS = 60_000;

export function withTimeout(promise, what, timeout = TIMEOUT_MS) {
  let timer;
  const expiry = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), timeout);
  });
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}

/** Empties the outbox, items and failures, under no lock: between runs. `changeOutbox`: the library's, from lib/page/outbox.js. */
export const emptyOutbox = (changeOutbox) =>
  changeOutbox((items, failures) => ({ outcome: undefined, removeItems: items, removeFailures: failures }));

export async function closeNotifications(registration) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const shown = await registration.getNotifications();
    if (!shown.length) return;
    for (const notification of shown) notification.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('notifications did not close');
}

/** Asks the bench worker something and resolves with its answer; also wakes a stopped worker. */
export function askWorker(registration, request) {
  const { port1, port2 } = new MessageChannel();
  const answer = new Promise((resolve, reject) => {
    port1.onmessage = ({ data }) => (data.ok ? resolve(data) : reject(new Error(data.message)));
  });
  registration.active.postMessage(request, [port2]);
  return withTimeout(answer, request.type);
}
