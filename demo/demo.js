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

// The chat: the typed text becomes the element's body; the server's list refreshes as messages land.
const chatText = document.querySelector('#chat-text');
const chatSend = document.querySelector('#chat-send');
const serverMessages = document.querySelector('#server-messages');

chatText.addEventListener('input', () => (chatSend.body = chatText.value));
document.querySelector('#chat-form').addEventListener('submit', (event) => {
  event.preventDefault();
  chatSend.shadowRoot.querySelector('button').click();
});
chatSend.addEventListener('sync-notify-queued', () => {
  chatText.value = '';
  chatSend.body = '';
});

async function showServerMessages() {
  if (!navigator.onLine) return;
  const response = await fetch('/demo/api/messages').catch(() => undefined);
  if (!response?.ok) return;
  serverMessages.replaceChildren(
    ...(await response.json()).map(({ text, receivedAt }) => {
      const entry = document.createElement('li');
      const time = document.createElement('time');
      time.textContent = new Date(receivedAt).toLocaleTimeString();
      entry.append(time, ` ${text}`);
      return entry;
    }),
  );
}
chatSend.addEventListener('sync-notify-delivered', showServerMessages);
addEventListener('online', showServerMessages);
showServerMessages();

// The contact form needs no script: this only shows what its server received.
const contactMessages = document.querySelector('#contact-messages');

async function showContactMessages() {
  if (!navigator.onLine) return;
  const response = await fetch('/demo/api/contact').catch(() => undefined);
  if (!response?.ok) return;
  contactMessages.replaceChildren(
    ...(await response.json()).map(({ name, email, message, receivedAt }) => {
      const entry = document.createElement('li');
      const time = document.createElement('time');
      time.textContent = new Date(receivedAt).toLocaleTimeString();
      entry.append(time, ` ${name || email}: ${message}`);
      return entry;
    }),
  );
}
document.querySelector('#contact sync-notify-button').addEventListener('sync-notify-delivered', showContactMessages);
addEventListener('online', showContactMessages);
showContactMessages();
