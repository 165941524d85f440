/** Dutch. Importing this module registers it for `nl` and every `nl-…` tag. Quotes: ‘ ’, as Dutch has them. */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { pluralOf, registerTranslation } from './register.js';

const plural = pluralOf('nl');

const settings: Record<BrowserFamily, string> = {
  chromium: 'via het pictogram links in de adresbalk',
  firefox: 'via het pictogram links in de adresbalk',
  safari: 'in Safari › Instellingen › Websites › Berichtgeving',
  ios: 'in de app Instellingen › Berichtgeving',
  other: 'in de site-instellingen van de browser',
};

const dutch: SyncNotifyTranslation = {
  buttonLabel: 'Melding versturen',
  working: 'Melding in de wachtrij zetten…',
  queuedOnline: (title) => `‘${title}’ staat in de wachtrij en wordt nu verstuurd.`,
  queuedOffline: (title) => `‘${title}’ staat in de wachtrij en wordt verstuurd zodra je weer online bent.`,
  sent: (title) => `‘${title}’ is verstuurd.`,
  cancelled: (title) => `‘${title}’ is geannuleerd.`,
  pending: (count) => (plural(count) === 'one' ? `${count} melding wacht op verbinding.` : `${count} meldingen wachten op verbinding.`),
  summaryTitle: '{count} meldingen offline verstuurd',
  unsupported: 'Deze browser kan meldingen niet later versturen.',
  installRequired: 'Zet deze site op je beginscherm om hier meldingen te krijgen: tik op Deel en dan op ‘Zet op beginscherm’.',
  permissionDenied: (browser) => `Meldingen zijn geblokkeerd voor deze site. Sta ze toe ${settings[browser]}.`,
  permissionDismissed: 'Meldingen zijn niet toegestaan. Druk opnieuw op de knop om de vraag nog een keer te krijgen.',
  invalidInput: 'Deze knop is niet goed ingesteld, dus er is niets in de wachtrij gezet.',
  filesTooLarge: (megabytes) => `De bijgevoegde bestanden zijn te groot om te verzenden (samen hoogstens ${megabytes} MB), dus er is niets in de wachtrij gezet.`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'Je sessie is verlopen, dus het formulier is niet verstuurd. Log opnieuw in en open dan het formulier: wat je hebt ingevuld, is bewaard.',
      'shown-again': 'De server heeft niet geaccepteerd wat je hebt ingevuld. Het staat weer in het formulier: controleer het en verstuur het opnieuw.',
      refused: 'De server heeft het formulier niet geaccepteerd. Wat je hebt ingevuld, is bewaard: open het formulier opnieuw om het te versturen.',
      'no-answer': 'De server heeft niet op tijd geantwoord, dus het formulier is misschien niet aangekomen. Wat je hebt ingevuld, is bewaard: controleer het formulier en verstuur het dan opnieuw.',
    })[problem],
  keptForm: 'Wat je eerder in dit formulier hebt ingevuld, is niet verstuurd. Het is bewaard.',
  putBack: 'Terugzetten in het formulier',
  discardKept: 'Weggooien',
  restored: 'Wat je hebt ingevuld, staat weer in het formulier: controleer het en verstuur het.',
  noRoom: 'Wat op verzending wacht, neemt al alle ruimte in die deze site mag gebruiken, dus dit formulier is niet in de wachtrij gezet.',
  noServiceWorker: 'Deze pagina kan nog geen meldingen versturen, dus er is niets in de wachtrij gezet.',
  storageFailed: 'Dit apparaat kon de melding niet opslaan, dus er is niets in de wachtrij gezet. Probeer het opnieuw.',
  storageBlocked: 'Sluit de andere tabbladen van deze site en druk dan opnieuw op de knop.',
  deliveryFailed: 'De melding kon nog niet worden getoond. Ze blijft in de wachtrij.',
  rejected: (status) =>
    status ? `De server heeft het bericht geweigerd (HTTP ${status}), dus het wordt niet verstuurd.` : 'Het bericht kon niet worden verstuurd.',
  expired: 'Een melding wachtte te lang op een verbinding en is verwijderd.',
  outboxFull: 'Er wachten te veel meldingen, dus deze is niet in de wachtrij gezet.',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: 'Nog te versturen',
    empty: 'Er wacht niets op verzending.',
    waiting: 'Wacht op verbinding',
    retryingAt: (time) => `De server vroeg om te wachten: nieuwe poging om ${time}`,
    rejected: (status) => (status ? `Geweigerd door de server (HTTP ${status})` : 'Kon niet worden verstuurd'),
    expired: 'Wachtte te lang en is verwijderd',
    notAccepted: (problem) =>
      ({
        'sign-in': 'Niet verstuurd: je sessie was verlopen. Log opnieuw in en open dan het formulier',
        'shown-again': 'Niet geaccepteerd door de server: open het formulier om het te controleren',
        refused: 'Niet geaccepteerd door de server: open het formulier om het opnieuw te versturen',
        'no-answer': 'Geen antwoord op tijd: open het formulier om het te controleren en opnieuw te versturen',
      })[problem],
    openForm: 'Formulier openen',
    unreadable: 'Onleesbaar item',
    queuedAt: (time) => `in de wachtrij sinds ${time}`,
    cancel: 'Annuleren',
    retryNow: 'Nu opnieuw proberen',
    dismiss: 'Verwijderen',
    cancelled: (title) => `‘${title}’ is geannuleerd.`,
    sent: (title) => `‘${title}’ is verstuurd.`,
    dismissed: (title) => `‘${title}’ is verwijderd.`,
  },
};

registerTranslation('nl', dutch);
