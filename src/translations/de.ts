/** German. Importing this module registers it for `de` and every `de-…` tag. */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { pluralOf, registerTranslation } from './register.js';

const plural = pluralOf('de');

const settings: Record<BrowserFamily, string> = {
  chromium: 'über das Symbol links in der Adressleiste',
  firefox: 'über das Symbol links in der Adressleiste',
  safari: 'unter Safari › Einstellungen › Websites › Mitteilungen',
  ios: 'in der App „Einstellungen“ › Mitteilungen',
  other: 'in den Website-Einstellungen des Browsers',
};

const german: SyncNotifyTranslation = {
  buttonLabel: 'Benachrichtigung senden',
  working: 'Benachrichtigung wird in die Warteschlange gestellt\u00a0…',
  queuedOnline: (title) => `„${title}“ ist in der Warteschlange und wird jetzt gesendet.`,
  queuedOffline: (title) => `„${title}“ ist in der Warteschlange und wird gesendet, sobald Sie wieder online sind.`,
  sent: (title) => `„${title}“ wurde gesendet.`,
  cancelled: (title) => `„${title}“ wurde abgebrochen.`,
  pending: (count) =>
    plural(count) === 'one'
      ? `${count} Benachrichtigung wartet auf eine Verbindung.`
      : `${count} Benachrichtigungen warten auf eine Verbindung.`,
  // Never fewer than two: a summary stands for several.
  summaryTitle: '{count} offline gesendete Benachrichtigungen',
  unsupported: 'Dieser Browser kann Benachrichtigungen nicht später senden.',
  installRequired:
    'Um hier Benachrichtigungen zu erhalten, fügen Sie diese Website zum Home-Bildschirm hinzu: Tippen Sie auf „Teilen“ und dann auf „Zum Home-Bildschirm“.',
  permissionDenied: (browser) => `Benachrichtigungen sind für diese Website blockiert. Erlauben Sie sie ${settings[browser]}.`,
  permissionDismissed: 'Benachrichtigungen wurden nicht erlaubt. Drücken Sie die Schaltfläche erneut, um noch einmal gefragt zu werden.',
  invalidInput: 'Diese Schaltfläche ist nicht richtig eingerichtet, daher wurde nichts in die Warteschlange gestellt.',
  filesTooLarge: (megabytes) => `Die angehängten Dateien sind zu groß zum Senden (zusammen höchstens ${megabytes} MB), daher wurde nichts in die Warteschlange gestellt.`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'Ihre Sitzung ist abgelaufen, daher wurde das Formular nicht gesendet. Melden Sie sich erneut an und öffnen Sie dann das Formular: Ihre Eingaben bleiben erhalten.',
      'shown-again': 'Der Server hat Ihre Eingaben nicht angenommen. Sie stehen wieder im Formular: Prüfen Sie sie und senden Sie das Formular erneut.',
      refused: 'Der Server hat das Formular nicht angenommen. Ihre Eingaben bleiben erhalten: Öffnen Sie das Formular erneut, um es zu senden.',
      'no-answer': 'Der Server hat nicht rechtzeitig geantwortet, daher ist das Formular vielleicht nicht angekommen. Ihre Eingaben bleiben erhalten: Prüfen Sie das Formular und senden Sie es dann erneut.',
    })[problem],
  keptForm: 'Ihre früheren Eingaben in diesem Formular wurden nicht gesendet. Sie bleiben erhalten.',
  putBack: 'Wieder ins Formular einfügen',
  discardKept: 'Verwerfen',
  restored: 'Ihre Eingaben stehen wieder im Formular: Prüfen Sie sie und senden Sie das Formular ab.',
  noRoom: 'Was auf den Versand wartet, belegt schon den ganzen Speicherplatz, den diese Website nutzen darf, daher wurde dieses Formular nicht in die Warteschlange gestellt.',
  noServiceWorker: 'Von dieser Seite können noch keine Benachrichtigungen gesendet werden, daher wurde nichts in die Warteschlange gestellt.',
  storageFailed:
    'Dieses Gerät konnte die Benachrichtigung nicht speichern, daher wurde nichts in die Warteschlange gestellt. Bitte versuchen Sie es erneut.',
  storageBlocked: 'Schließen Sie die anderen Tabs dieser Website und drücken Sie dann die Schaltfläche erneut.',
  deliveryFailed: 'Die Benachrichtigung konnte noch nicht angezeigt werden. Sie bleibt in der Warteschlange.',
  rejected: (status) =>
    status
      ? `Der Server hat die Nachricht abgelehnt (HTTP ${status}), daher wird sie nicht gesendet.`
      : 'Die Nachricht konnte nicht gesendet werden.',
  expired: 'Eine Benachrichtigung hat zu lange auf eine Verbindung gewartet und wurde verworfen.',
  outboxFull: 'Es warten zu viele Benachrichtigungen, daher wurde diese nicht in die Warteschlange gestellt.',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: 'Noch nicht gesendet',
    empty: 'Es wartet nichts auf den Versand.',
    waiting: 'Wartet auf eine Verbindung',
    retryingAt: (time) => `Der Server hat um Aufschub gebeten: neuer Versuch um ${time}`,
    rejected: (status) => (status ? `Vom Server abgelehnt (HTTP ${status})` : 'Konnte nicht gesendet werden'),
    expired: 'Hat zu lange gewartet und wurde verworfen',
    notAccepted: (problem) =>
      ({
        'sign-in': 'Nicht gesendet: Ihre Sitzung war abgelaufen. Melden Sie sich erneut an und öffnen Sie dann das Formular',
        'shown-again': 'Vom Server nicht angenommen: Öffnen Sie das Formular, um die Eingaben zu prüfen',
        refused: 'Vom Server nicht angenommen: Öffnen Sie das Formular, um es erneut zu senden',
        'no-answer': 'Keine rechtzeitige Antwort: Öffnen Sie das Formular, um es zu prüfen und erneut zu senden',
      })[problem],
    openForm: 'Formular öffnen',
    unreadable: 'Unlesbarer Eintrag',
    queuedAt: (time) => `eingereiht um ${time}`,
    cancel: 'Abbrechen',
    retryNow: 'Jetzt erneut versuchen',
    dismiss: 'Entfernen',
    cancelled: (title) => `„${title}“ wurde abgebrochen.`,
    sent: (title) => `„${title}“ wurde gesendet.`,
    dismissed: (title) => `„${title}“ wurde entfernt.`,
  },
};

registerTranslation('de', german);
