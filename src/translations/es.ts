/** Spanish. Importing this module registers it for `es` and every `es-…` tag. Quotes: « », as the RAE prefers. */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { pluralOf, registerTranslation } from './register.js';

const plural = pluralOf('es');

const settings: Record<BrowserFamily, string> = {
  chromium: 'desde el icono a la izquierda de la barra de direcciones',
  firefox: 'desde el icono a la izquierda de la barra de direcciones',
  safari: 'en Safari › Ajustes › Sitios web › Notificaciones',
  ios: 'en la app Ajustes › Notificaciones',
  other: 'en la configuración de sitios del navegador',
};

const spanish: SyncNotifyTranslation = {
  buttonLabel: 'Enviar notificación',
  working: 'Poniendo la notificación en cola…',
  queuedOnline: (title) => `«${title}» está en cola y se está enviando.`,
  queuedOffline: (title) => `«${title}» está en cola y se enviará cuando vuelva la conexión.`,
  sent: (title) => `«${title}» se ha enviado.`,
  cancelled: (title) => `«${title}» se ha cancelado.`,
  pending: (count) =>
    plural(count) === 'one' ? `${count} notificación en espera de conexión.` : `${count} notificaciones en espera de conexión.`,
  summaryTitle: '{count} notificaciones enviadas sin conexión',
  unsupported: 'Este navegador no puede enviar notificaciones más tarde.',
  installRequired: 'Para recibir notificaciones aquí, añade este sitio a tu pantalla de inicio: toca Compartir y luego «Añadir a pantalla de inicio».',
  permissionDenied: (browser) => `Las notificaciones están bloqueadas para este sitio. Permítelas ${settings[browser]}.`,
  permissionDismissed: 'No se permitieron las notificaciones. Pulsa el botón otra vez para que se vuelva a preguntar.',
  invalidInput: 'Este botón no está bien configurado, así que no se puso nada en cola.',
  filesTooLarge: (megabytes) => `Los archivos adjuntos son demasiado grandes para enviarlos (${megabytes} MB como máximo en total), así que no se puso nada en cola.`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'Tu sesión ha caducado, así que el formulario no se envió. Vuelve a iniciar sesión y luego abre el formulario: lo que escribiste se conserva.',
      'shown-again': 'El servidor no aceptó lo que escribiste. Vuelve a estar en el formulario: revísalo y envíalo de nuevo.',
      refused: 'El servidor no aceptó el formulario. Lo que escribiste se conserva: abre el formulario otra vez para enviarlo.',
      'no-answer': 'El servidor no respondió a tiempo, así que puede que el formulario no haya llegado. Lo que escribiste se conserva: revisa el formulario y luego envíalo de nuevo.',
    })[problem],
  keptForm: 'Lo que escribiste antes en este formulario no se ha enviado. Se conserva.',
  putBack: 'Devolverlo al formulario',
  discardKept: 'Descartarlo',
  restored: 'Lo que escribiste vuelve a estar en el formulario: revísalo y envíalo.',
  noRoom: 'Lo que espera para enviarse ya ocupa todo el espacio que este sitio puede usar, así que este formulario no se puso en cola.',
  noServiceWorker: 'Esta página aún no puede enviar notificaciones, así que no se puso nada en cola.',
  storageFailed: 'Este dispositivo no pudo guardar la notificación, así que no se puso nada en cola. Inténtalo de nuevo.',
  storageBlocked: 'Cierra las demás pestañas de este sitio y vuelve a pulsar el botón.',
  deliveryFailed: 'La notificación aún no se pudo mostrar. Sigue en cola.',
  rejected: (status) =>
    status ? `El servidor rechazó el mensaje (HTTP ${status}), así que no se enviará.` : 'No se pudo enviar el mensaje.',
  expired: 'Una notificación llevaba demasiado tiempo esperando conexión y se descartó.',
  outboxFull: 'Hay demasiadas notificaciones en espera, así que esta no se puso en cola.',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: 'Pendiente de envío',
    empty: 'No hay nada pendiente de envío.',
    waiting: 'Esperando conexión',
    // A colon before the time: «a las» would be wrong at one o’clock («a la 1:05»).
    retryingAt: (time) => `El servidor pidió esperar. Nuevo intento: ${time}`,
    rejected: (status) => (status ? `El servidor rechazó el envío (HTTP ${status})` : 'No se pudo enviar'),
    expired: 'Esperó demasiado y se descartó',
    notAccepted: (problem) =>
      ({
        'sign-in': 'No se envió: tu sesión había caducado. Vuelve a iniciar sesión y luego abre su formulario',
        'shown-again': 'El servidor no lo aceptó: abre su formulario para revisarlo',
        refused: 'El servidor no lo aceptó: abre su formulario para volver a enviarlo',
        'no-answer': 'Sin respuesta a tiempo: abre su formulario para revisarlo y volver a enviarlo',
      })[problem],
    openForm: 'Abrir el formulario',
    unreadable: 'Elemento ilegible',
    queuedAt: (time) => `en cola desde ${time}`,
    cancel: 'Cancelar',
    retryNow: 'Reintentar ahora',
    dismiss: 'Descartar',
    cancelled: (title) => `«${title}» se ha cancelado.`,
    sent: (title) => `«${title}» se ha enviado.`,
    dismissed: (title) => `«${title}» se ha descartado.`,
  },
};

registerTranslation('es', spanish);
