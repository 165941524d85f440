/**
 * Korean. Importing this module registers it for `ko` and every `ko-…` tag. Korean counts without
 * plural forms (개); titles are followed by a noun (알림), never by a particle whose form would
 * depend on the title's last syllable (을/를).
 */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { registerTranslation } from './register.js';

const settings: Record<BrowserFamily, string> = {
  chromium: '주소창 왼쪽의 아이콘에서',
  firefox: '주소창 왼쪽의 아이콘에서',
  safari: 'Safari › 설정 › 웹 사이트 › 알림에서',
  ios: '설정 앱 › 알림에서',
  other: '브라우저의 사이트 설정에서',
};

const korean: SyncNotifyTranslation = {
  buttonLabel: '알림 보내기',
  working: '알림을 대기열에 추가하는 중…',
  queuedOnline: (title) => `“${title}” 알림을 대기열에 추가했습니다. 지금 보내는 중입니다.`,
  queuedOffline: (title) => `“${title}” 알림을 대기열에 추가했습니다. 다시 온라인 상태가 되면 보냅니다.`,
  sent: (title) => `“${title}” 알림을 보냈습니다.`,
  cancelled: (title) => `“${title}” 알림을 취소했습니다.`,
  pending: (count) => `알림 ${count}개가 연결을 기다리는 중입니다.`,
  summaryTitle: '오프라인 중 보낸 알림 {count}개',
  unsupported: '이 브라우저에서는 알림을 나중에 보낼 수 없습니다.',
  installRequired: '여기서 알림을 받으려면 이 사이트를 홈 화면에 추가하세요. 공유를 탭한 다음 “홈 화면에 추가”를 탭하세요.',
  permissionDenied: (browser) => `이 사이트의 알림이 차단되어 있습니다. ${settings[browser]} 허용하세요.`,
  permissionDismissed: '알림이 허용되지 않았습니다. 다시 확인하려면 버튼을 한 번 더 누르세요.',
  invalidInput: '이 버튼이 올바르게 설정되지 않아 아무것도 대기열에 추가되지 않았습니다.',
  filesTooLarge: (megabytes) => `첨부 파일이 너무 커서 보낼 수 없어(합계 최대 ${megabytes}MB) 아무것도 대기열에 추가되지 않았습니다.`,
  notAccepted: (problem) =>
    ({
      'sign-in': '세션이 만료되어 양식을 보내지 못했습니다. 다시 로그인한 다음 양식을 여세요. 입력한 내용은 보관되어 있습니다.',
      'shown-again': '서버가 입력한 내용을 받아들이지 않았습니다. 내용을 양식에 다시 채웠으니 확인한 다음 다시 보내세요.',
      refused: '서버가 양식을 받아들이지 않았습니다. 입력한 내용은 보관되어 있으니 양식을 다시 열어 보내세요.',
      'no-answer': '서버가 제시간에 응답하지 않아 양식이 전달되지 않았을 수 있습니다. 입력한 내용은 보관되어 있으니 양식을 확인한 다음 다시 보내세요.',
    })[problem],
  keptForm: '이전에 이 양식에 입력한 내용은 보내지 못했지만 보관되어 있습니다.',
  putBack: '양식에 다시 넣기',
  discardKept: '버리기',
  restored: '입력한 내용을 양식에 다시 채웠습니다. 확인한 다음 보내세요.',
  noRoom: '전송을 기다리는 항목이 이 사이트가 쓸 수 있는 공간을 이미 모두 차지하고 있어 이 양식은 대기열에 추가되지 않았습니다.',
  noServiceWorker: '이 페이지에서는 아직 알림을 보낼 수 없어 아무것도 대기열에 추가되지 않았습니다.',
  storageFailed: '이 기기에 알림을 저장하지 못해 아무것도 대기열에 추가되지 않았습니다. 다시 시도하세요.',
  storageBlocked: '이 사이트의 다른 탭을 닫은 다음 버튼을 다시 누르세요.',
  deliveryFailed: '알림을 아직 표시하지 못했습니다. 대기열에 그대로 있습니다.',
  rejected: (status) => (status ? `서버가 메시지를 거부했으므로(HTTP ${status}) 보내지 않습니다.` : '메시지를 보내지 못했습니다.'),
  expired: '알림 하나가 연결을 너무 오래 기다려 삭제되었습니다.',
  outboxFull: '기다리는 알림이 너무 많아 이 알림은 대기열에 추가되지 않았습니다.',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: '전송 대기 중',
    empty: '전송을 기다리는 알림이 없습니다.',
    waiting: '연결을 기다리는 중',
    retryingAt: (time) => `서버 요청으로 대기 중(${time}에 다시 시도)`,
    rejected: (status) => (status ? `서버에서 거부됨(HTTP ${status})` : '보내지 못함'),
    expired: '너무 오래 기다려 삭제됨',
    notAccepted: (problem) =>
      ({
        'sign-in': '세션이 만료되어 보내지 못함. 다시 로그인한 다음 양식을 여세요',
        'shown-again': '서버에서 받아들이지 않음. 양식을 열어 확인하세요',
        refused: '서버에서 받아들이지 않음. 양식을 열어 다시 보내세요',
        'no-answer': '제시간에 응답 없음. 양식을 열어 확인한 다음 다시 보내세요',
      })[problem],
    openForm: '양식 열기',
    unreadable: '읽을 수 없는 항목',
    queuedAt: (time) => `${time}에 대기열에 추가됨`,
    cancel: '취소',
    retryNow: '지금 다시 시도',
    dismiss: '삭제',
    cancelled: (title) => `“${title}” 알림을 취소했습니다.`,
    sent: (title) => `“${title}” 알림을 보냈습니다.`,
    dismissed: (title) => `“${title}” 알림을 삭제했습니다.`,
  },
};

registerTranslation('ko', korean);
