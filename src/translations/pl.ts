/**
 * Polish. Importing this module registers it for `pl` and every `pl-…` tag. Counted nouns take
 * three forms: 1 powiadomienie, 2–4 (22–24…) powiadomienia, 5–21 (25…) powiadomień.
 */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { pluralOf, registerTranslation } from './register.js';

const plural = pluralOf('pl');

const settings: Record<BrowserFamily, string> = {
  chromium: 'za pomocą ikony po lewej stronie paska adresu',
  firefox: 'za pomocą ikony po lewej stronie paska adresu',
  safari: 'w Safari › Ustawienia › Witryny › Powiadomienia',
  ios: 'w aplikacji Ustawienia › Powiadomienia',
  other: 'w ustawieniach witryn przeglądarki',
};

const waiting = {
  one: 'powiadomienie czeka',
  few: 'powiadomienia czekają',
  many: 'powiadomień czeka',
} as const;

const polish: SyncNotifyTranslation = {
  buttonLabel: 'Wyślij powiadomienie',
  working: 'Dodawanie powiadomienia do kolejki…',
  queuedOnline: (title) => `Dodano „${title}” do kolejki – trwa wysyłanie.`,
  queuedOffline: (title) => `Dodano „${title}” do kolejki – wysyłka po odzyskaniu połączenia.`,
  sent: (title) => `Wysłano „${title}”.`,
  cancelled: (title) => `Anulowano „${title}”.`,
  // `other` is for fractions, which a count never is.
  pending: (count) => `${count} ${waiting[plural(count) as keyof typeof waiting] ?? waiting.many} na połączenie.`,
  // "Label: number" agrees with any count; "{count} powiadomienia" would not (5 powiadomień).
  summaryTitle: 'Powiadomienia wysłane offline: {count}',
  unsupported: 'Ta przeglądarka nie może wysyłać powiadomień później.',
  installRequired:
    'Aby otrzymywać tu powiadomienia, dodaj tę witrynę do ekranu początkowego: stuknij Udostępnij, a potem „Do ekranu początkowego”.',
  permissionDenied: (browser) => `Powiadomienia są zablokowane dla tej witryny. Zezwól na nie ${settings[browser]}.`,
  permissionDismissed: 'Nie zezwolono na powiadomienia. Naciśnij przycisk ponownie, aby zobaczyć pytanie jeszcze raz.',
  invalidInput: 'Ten przycisk nie jest poprawnie skonfigurowany, więc nic nie dodano do kolejki.',
  filesTooLarge: (megabytes) => `Załączone pliki są za duże, by je wysłać (łącznie najwyżej ${megabytes} MB), więc nic nie dodano do kolejki.`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'Sesja wygasła, więc formularz nie został wysłany. Zaloguj się ponownie, a potem otwórz formularz: wpisane dane zostały zachowane.',
      'shown-again': 'Serwer nie przyjął wpisanych danych. Są z powrotem w formularzu: sprawdź je i wyślij ponownie.',
      refused: 'Serwer nie przyjął formularza. Wpisane dane zostały zachowane: otwórz formularz ponownie, aby go wysłać.',
      'no-answer': 'Serwer nie odpowiedział na czas, więc formularz mógł nie dotrzeć. Wpisane dane zostały zachowane: sprawdź formularz, a potem wyślij go ponownie.',
    })[problem],
  keptForm: 'Dane wpisane wcześniej w tym formularzu nie zostały wysłane. Zostały zachowane.',
  putBack: 'Przywróć do formularza',
  discardKept: 'Odrzuć',
  restored: 'Wpisane dane są z powrotem w formularzu: sprawdź je i wyślij.',
  noRoom: 'To, co czeka na wysłanie, zajmuje już całe miejsce, z którego może korzystać ta witryna, więc tego formularza nie dodano do kolejki.',
  noServiceWorker: 'Ta strona nie może jeszcze wysyłać powiadomień, więc nic nie dodano do kolejki.',
  storageFailed: 'To urządzenie nie mogło zapisać powiadomienia, więc nic nie dodano do kolejki. Spróbuj ponownie.',
  storageBlocked: 'Zamknij pozostałe karty tej witryny, a potem ponownie naciśnij przycisk.',
  deliveryFailed: 'Nie udało się jeszcze wyświetlić powiadomienia. Pozostaje w kolejce.',
  rejected: (status) =>
    status ? `Serwer odrzucił wiadomość (HTTP ${status}), więc nie zostanie wysłana.` : 'Nie udało się wysłać wiadomości.',
  expired: 'Powiadomienie zbyt długo czekało na połączenie i zostało usunięte.',
  outboxFull: 'Zbyt wiele powiadomień czeka, więc tego nie dodano do kolejki.',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: 'Oczekujące na wysłanie',
    empty: 'Nic nie czeka na wysłanie.',
    waiting: 'Czeka na połączenie',
    retryingAt: (time) => `Serwer poprosił o odczekanie: ponowna próba o ${time}`,
    rejected: (status) => (status ? `Odrzucone przez serwer (HTTP ${status})` : 'Nie udało się wysłać'),
    expired: 'Czekało zbyt długo i zostało usunięte',
    notAccepted: (problem) =>
      ({
        'sign-in': 'Nie wysłano: sesja wygasła. Zaloguj się ponownie, a potem otwórz formularz',
        'shown-again': 'Nieprzyjęte przez serwer: otwórz formularz, aby je sprawdzić',
        refused: 'Nieprzyjęte przez serwer: otwórz formularz, aby wysłać je ponownie',
        'no-answer': 'Brak odpowiedzi na czas: otwórz formularz, aby je sprawdzić i wysłać ponownie',
      })[problem],
    openForm: 'Otwórz formularz',
    unreadable: 'Nieczytelny element',
    queuedAt: (time) => `w kolejce od ${time}`,
    cancel: 'Anuluj',
    retryNow: 'Ponów teraz',
    dismiss: 'Usuń',
    cancelled: (title) => `Anulowano „${title}”.`,
    sent: (title) => `Wysłano „${title}”.`,
    dismissed: (title) => `Usunięto „${title}”.`,
  },
};

registerTranslation('pl', polish);
