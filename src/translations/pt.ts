/**
 * Portuguese, as written in Brazil (the iPhone's labels are Brazil's). Importing this module
 * registers it for `pt` and every `pt-…` tag; register a `pt-PT` table for Portugal's wording.
 */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { pluralOf, registerTranslation } from './register.js';

const plural = pluralOf('pt');

const settings: Record<BrowserFamily, string> = {
  chromium: 'pelo ícone à esquerda da barra de endereço',
  firefox: 'pelo ícone à esquerda da barra de endereço',
  safari: 'em Safari › Ajustes › Sites › Notificações',
  ios: 'no app Ajustes › Notificações',
  other: 'nas configurações de sites do navegador',
};

const portuguese: SyncNotifyTranslation = {
  buttonLabel: 'Enviar notificação',
  working: 'Colocando a notificação na fila…',
  queuedOnline: (title) => `Notificação “${title}” na fila: enviando agora.`,
  queuedOffline: (title) => `Notificação “${title}” na fila: será enviada quando a conexão voltar.`,
  sent: (title) => `Notificação “${title}” enviada.`,
  cancelled: (title) => `Notificação “${title}” cancelada.`,
  pending: (count) =>
    plural(count) === 'one' ? `${count} notificação aguardando conexão.` : `${count} notificações aguardando conexão.`,
  summaryTitle: '{count} notificações enviadas sem conexão',
  unsupported: 'Este navegador não consegue enviar notificações mais tarde.',
  installRequired:
    'Para receber notificações aqui, adicione este site à Tela de Início: toque em Compartilhar e depois em “Adicionar à Tela de Início”.',
  permissionDenied: (browser) => `As notificações estão bloqueadas para este site. Permita-as ${settings[browser]}.`,
  permissionDismissed: 'As notificações não foram permitidas. Pressione o botão de novo para ver a pergunta outra vez.',
  invalidInput: 'Este botão não está configurado corretamente, então nada foi colocado na fila.',
  filesTooLarge: (megabytes) => `Os arquivos anexados são grandes demais para enviar (no máximo ${megabytes} MB no total), então nada foi colocado na fila.`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'Sua sessão expirou, então o formulário não foi enviado. Faça login de novo e depois abra o formulário: o que você digitou foi mantido.',
      'shown-again': 'O servidor não aceitou o que você digitou. Está de volta ao formulário: confira e envie de novo.',
      refused: 'O servidor não aceitou o formulário. O que você digitou foi mantido: abra o formulário de novo para enviá-lo.',
      'no-answer': 'O servidor não respondeu a tempo, então o formulário pode não ter chegado. O que você digitou foi mantido: confira o formulário e depois envie de novo.',
    })[problem],
  keptForm: 'O que você digitou antes neste formulário não foi enviado. Ele foi mantido.',
  putBack: 'Colocar de volta no formulário',
  discardKept: 'Descartar',
  restored: 'O que você digitou está de volta ao formulário: confira e envie.',
  noRoom: 'O que aguarda envio já ocupa todo o espaço que este site pode usar, então este formulário não foi colocado na fila.',
  noServiceWorker: 'Esta página ainda não pode enviar notificações, então nada foi colocado na fila.',
  storageFailed: 'Este dispositivo não conseguiu salvar a notificação, então nada foi colocado na fila. Tente novamente.',
  storageBlocked: 'Feche as outras abas deste site e pressione o botão de novo.',
  deliveryFailed: 'Ainda não foi possível mostrar a notificação. Ela continua na fila.',
  rejected: (status) =>
    status ? `O servidor recusou a mensagem (HTTP ${status}), então ela não será enviada.` : 'Não foi possível enviar a mensagem.',
  expired: 'Uma notificação esperou demais por uma conexão e foi descartada.',
  outboxFull: 'Há notificações demais aguardando, então esta não foi colocada na fila.',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: 'Aguardando envio',
    empty: 'Nenhuma notificação aguardando envio.',
    waiting: 'Aguardando conexão',
    // A colon before the time: “às” would be wrong at one o’clock (“à 1:05”).
    retryingAt: (time) => `O servidor pediu para esperar. Nova tentativa: ${time}`,
    rejected: (status) => (status ? `Recusada pelo servidor (HTTP ${status})` : 'Não foi possível enviar'),
    expired: 'Esperou demais e foi descartada',
    notAccepted: (problem) =>
      ({
        'sign-in': 'Não enviada: sua sessão tinha expirado. Faça login de novo e depois abra o formulário',
        'shown-again': 'Não aceita pelo servidor: abra o formulário para conferir',
        refused: 'Não aceita pelo servidor: abra o formulário para enviar de novo',
        'no-answer': 'Sem resposta a tempo: abra o formulário para conferir e enviar de novo',
      })[problem],
    openForm: 'Abrir o formulário',
    unreadable: 'Item ilegível',
    queuedAt: (time) => `na fila desde ${time}`,
    cancel: 'Cancelar',
    retryNow: 'Tentar agora',
    dismiss: 'Descartar',
    cancelled: (title) => `Notificação “${title}” cancelada.`,
    sent: (title) => `Notificação “${title}” enviada.`,
    dismissed: (title) => `Notificação “${title}” descartada.`,
  },
};

registerTranslation('pt', portuguese);
