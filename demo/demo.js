// The host page's own script: registers its service worker and logs what the element reports.
const log = document.querySelector('#log');
const connection = document.querySelector('#connection');

navigator.serviceWorker?.register('/demo/sw.js');

function record(text, kind = 'info') {
  const entry = document.createElement('li');
  entry.className = kind;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  entry.append(time, ` ${text}`);
  log.prepend(entry);
}

function showConnection() {
  connection.textContent = navigator.onLine ? '● Online' : '○ Offline';
  connection.dataset.online = String(navigator.onLine);
}
addEventListener('online', () => (showConnection(), record('Back online')));
addEventListener('offline', () => (showConnection(), record('Offline')));
showConnection();

document.addEventListener('sync-notify-queued', (event) =>
  record(`Queued “${event.detail.item.notification.title}” (${event.detail.item.id.slice(0, 8)})`),
);
document.addEventListener('sync-notify-delivered', (event) =>
  record(`Sent (${event.detail.id.slice(0, 8)})`, 'sent'),
);
document.addEventListener('sync-notify-error', (event) => record(`${event.detail.reason}: ${event.detail.message}`, 'error'));
