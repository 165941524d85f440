/** Italian. Importing this module registers it for `it` and every `it-…` tag. */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { pluralOf, registerTranslation } from './register.js';

const plural = pluralOf('it');

const settings: Record<BrowserFamily, string> = {
  chromium: 'dall’icona a sinistra della barra degli indirizzi',
  firefox: 'dall’icona a sinistra della barra degli indirizzi',
  safari: 'in Safari › Impostazioni › Siti web › Notifiche',
  ios: 'nell’app Impostazioni › Notifiche',
  other: 'nelle impostazioni dei siti del browser',
};

const italian: SyncNotifyTranslation = {
  buttonLabel: 'Invia notifica',
  working: 'Messa in coda della notifica…',
  queuedOnline: (title) => `Notifica «${title}» in coda: invio in corso.`,
  queuedOffline: (title) => `Notifica «${title}» in coda: verrà inviata quando sarai di nuovo online.`,
  sent: (title) => `Notifica «${title}» inviata.`,
  cancelled: (title) => `Notifica «${title}» annullata.`,
  pending: (count) =>
    plural(count) === 'one' ? `${count} notifica in attesa di connessione.` : `${count} notifiche in attesa di connessione.`,
  summaryTitle: '{count} notifiche inviate offline',
  unsupported: 'Questo browser non può inviare notifiche in un secondo momento.',
  installRequired: 'Per ricevere notifiche qui, aggiungi questo sito alla schermata Home: tocca Condividi, poi «Aggiungi alla schermata Home».',
  permissionDenied: (browser) => `Le notifiche sono bloccate per questo sito. Consentile ${settings[browser]}.`,
  permissionDismissed: 'Le notifiche non sono state consentite. Premi di nuovo il pulsante per ricevere ancora la richiesta.',
  invalidInput: 'Questo pulsante non è configurato correttamente, quindi non è stato messo in coda nulla.',
  filesTooLarge: (megabytes) => `I file allegati sono troppo grandi da inviare (al massimo ${megabytes} MB in tutto), quindi non è stato messo in coda nulla.`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'La sessione è scaduta, quindi il modulo non è stato inviato. Accedi di nuovo, poi apri il modulo: quello che hai scritto è conservato.',
      'shown-again': 'Il server non ha accettato quello che hai scritto. È di nuovo nel modulo: controllalo e invialo di nuovo.',
      refused: 'Il server non ha accettato il modulo. Quello che hai scritto è conservato: apri di nuovo il modulo per inviarlo.',
      'no-answer': 'Il server non ha risposto in tempo, quindi il modulo potrebbe non essere arrivato. Quello che hai scritto è conservato: controlla il modulo, poi invialo di nuovo.',
    })[problem],
  keptForm: 'Quello che hai scritto prima in questo modulo non è stato inviato. È conservato.',
  putBack: 'Rimettilo nel modulo',
  discardKept: 'Scartalo',
  restored: 'Quello che hai scritto è di nuovo nel modulo: controllalo e invialo.',
  noRoom: 'Ciò che attende l’invio occupa già tutto lo spazio che questo sito può usare, quindi questo modulo non è stato messo in coda.',
  noServiceWorker: 'Questa pagina non può ancora inviare notifiche, quindi non è stato messo in coda nulla.',
  storageFailed: 'Questo dispositivo non è riuscito a salvare la notifica, quindi non è stato messo in coda nulla. Riprova.',
  storageBlocked: 'Chiudi le altre schede di questo sito, poi premi di nuovo il pulsante.',
  deliveryFailed: 'Non è stato ancora possibile mostrare la notifica. Resta in coda.',
  rejected: (status) =>
    status ? `Il server ha rifiutato il messaggio (HTTP ${status}), quindi non verrà inviato.` : 'Non è stato possibile inviare il messaggio.',
  expired: 'Una notifica ha atteso troppo a lungo una connessione ed è stata eliminata.',
  outboxFull: 'Ci sono troppe notifiche in attesa, quindi questa non è stata messa in coda.',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: 'In attesa di invio',
    empty: 'Nessuna notifica in attesa di invio.',
    waiting: 'In attesa di connessione',
    retryingAt: (time) => `Il server ha chiesto di attendere: nuovo tentativo alle ore ${time}`,
    rejected: (status) => (status ? `Rifiutata dal server (HTTP ${status})` : 'Invio non riuscito'),
    expired: 'Ha atteso troppo ed è stata eliminata',
    notAccepted: (problem) =>
      ({
        'sign-in': 'Non inviata: la sessione era scaduta. Accedi di nuovo, poi apri il suo modulo',
        'shown-again': 'Non accettata dal server: apri il suo modulo per controllarla',
        refused: 'Non accettata dal server: apri il suo modulo per inviarla di nuovo',
        'no-answer': 'Nessuna risposta in tempo: apri il suo modulo per controllarla e inviarla di nuovo',
      })[problem],
    openForm: 'Apri il modulo',
    unreadable: 'Elemento illeggibile',
    queuedAt: (time) => `in coda dalle ore ${time}`,
    cancel: 'Annulla',
    retryNow: 'Riprova ora',
    dismiss: 'Rimuovi',
    cancelled: (title) => `Notifica «${title}» annullata.`,
    sent: (title) => `Notifica «${title}» inviata.`,
    dismissed: (title) => `Notifica «${title}» rimossa.`,
  },
};

registerTranslation('it', italian);
