/**
 * French. Importing this module registers it for `fr` and every `fr-…` tag. Spacing as French
 * typography has it: a narrow no-break space inside « » (U+202F), a no-break space before a colon.
 */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { pluralOf, registerTranslation } from './register.js';

const plural = pluralOf('fr');

const quoted = (text: string) => `«\u202f${text}\u202f»`;

const settings: Record<BrowserFamily, string> = {
  chromium: 'depuis l’icône à gauche de la barre d’adresse',
  firefox: 'depuis l’icône à gauche de la barre d’adresse',
  safari: 'dans Safari › Réglages › Sites web › Notifications',
  ios: 'dans l’app Réglages › Notifications',
  other: 'dans les paramètres des sites du navigateur',
};

const french: SyncNotifyTranslation = {
  buttonLabel: 'Envoyer la notification',
  working: 'Mise en file d’attente de la notification…',
  queuedOnline: (title) => `Notification ${quoted(title)} en file d’attente, envoi en cours.`,
  queuedOffline: (title) => `Notification ${quoted(title)} en file d’attente, envoi dès que vous serez de nouveau en ligne.`,
  sent: (title) => `Notification ${quoted(title)} envoyée.`,
  cancelled: (title) => `Notification ${quoted(title)} annulée.`,
  // French counts 0 and 1 as singular, and has a `many` form (a million) that reads as the plural.
  pending: (count) =>
    plural(count) === 'one' ? `${count} notification en attente de connexion.` : `${count} notifications en attente de connexion.`,
  summaryTitle: '{count} notifications envoyées hors connexion',
  unsupported: 'Ce navigateur ne peut pas envoyer de notifications plus tard.',
  installRequired: `Pour recevoir des notifications ici, ajoutez ce site à votre écran d’accueil\u00a0: touchez Partager, puis ${quoted('Sur l’écran d’accueil')}.`,
  permissionDenied: (browser) => `Les notifications sont bloquées pour ce site. Autorisez-les ${settings[browser]}.`,
  permissionDismissed: 'Les notifications n’ont pas été autorisées. Appuyez de nouveau sur le bouton pour que la question vous soit reposée.',
  invalidInput: 'Ce bouton n’est pas configuré correctement, rien n’a donc été mis en file d’attente.',
  filesTooLarge: (megabytes) => `Les fichiers joints sont trop volumineux pour être envoyés (${megabytes} Mo au plus au total), rien n’a donc été mis en file d’attente.`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'Votre session a expiré, le formulaire n’a donc pas été envoyé. Reconnectez-vous, puis ouvrez le formulaire\u00a0: votre saisie est conservée.',
      'shown-again': 'Le serveur n’a pas accepté votre saisie. Elle est de nouveau dans le formulaire\u00a0: vérifiez-la et envoyez-la de nouveau.',
      refused: 'Le serveur n’a pas accepté le formulaire. Votre saisie est conservée\u00a0: ouvrez de nouveau le formulaire pour l’envoyer.',
      'no-answer': 'Le serveur n’a pas répondu à temps, le formulaire n’est donc peut-être pas arrivé. Votre saisie est conservée\u00a0: vérifiez le formulaire, puis envoyez-le de nouveau.',
    })[problem],
  keptForm: 'Votre saisie précédente dans ce formulaire n’a pas été envoyée. Elle est conservée.',
  putBack: 'Remettre dans le formulaire',
  discardKept: 'Supprimer',
  restored: 'Votre saisie est de nouveau dans le formulaire\u00a0: vérifiez-la et envoyez-la.',
  noRoom: 'Ce qui attend d’être envoyé occupe déjà toute la place que ce site peut utiliser, ce formulaire n’a donc pas été mis en file d’attente.',
  noServiceWorker: 'Cette page ne peut pas encore envoyer de notifications, rien n’a donc été mis en file d’attente.',
  storageFailed: 'Cet appareil n’a pas pu enregistrer la notification, rien n’a donc été mis en file d’attente. Veuillez réessayer.',
  storageBlocked: 'Fermez les autres onglets de ce site, puis appuyez de nouveau sur le bouton.',
  deliveryFailed: 'La notification n’a pas encore pu être affichée. Elle reste en file d’attente.',
  rejected: (status) =>
    status ? `Le serveur a refusé le message (HTTP ${status}), il ne sera donc pas envoyé.` : 'Le message n’a pas pu être envoyé.',
  expired: 'Une notification a attendu une connexion trop longtemps et a été supprimée.',
  outboxFull: 'Trop de notifications sont en attente, celle-ci n’a donc pas été mise en file d’attente.',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: 'En attente d’envoi',
    empty: 'Rien n’est en attente d’envoi.',
    waiting: 'En attente de connexion',
    retryingAt: (time) => `Le serveur a demandé d’attendre\u00a0: nouvel essai à ${time}`,
    rejected: (status) => (status ? `Refus du serveur (HTTP ${status})` : 'Envoi impossible'),
    expired: 'Attente trop longue, envoi abandonné',
    notAccepted: (problem) =>
      ({
        'sign-in': 'Envoi non effectué\u00a0: votre session avait expiré. Reconnectez-vous, puis ouvrez le formulaire',
        'shown-again': 'Envoi non accepté par le serveur\u00a0: ouvrez le formulaire pour vérifier la saisie',
        refused: 'Envoi non accepté par le serveur\u00a0: ouvrez le formulaire pour l’envoyer de nouveau',
        'no-answer': 'Pas de réponse à temps\u00a0: ouvrez le formulaire pour le vérifier et l’envoyer de nouveau',
      })[problem],
    openForm: 'Ouvrir le formulaire',
    unreadable: 'Élément illisible',
    queuedAt: (time) => `en file d’attente depuis ${time}`,
    cancel: 'Annuler',
    retryNow: 'Réessayer maintenant',
    dismiss: 'Retirer',
    cancelled: (title) => `Notification ${quoted(title)} annulée.`,
    sent: (title) => `Notification ${quoted(title)} envoyée.`,
    dismissed: (title) => `Notification ${quoted(title)} retirée.`,
  },
};

registerTranslation('fr', french);
