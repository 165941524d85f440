/** Japanese. Importing this module registers it for `ja` and every `ja-…` tag. Japanese counts without plural forms (件). */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { registerTranslation } from './register.js';

const settings: Record<BrowserFamily, string> = {
  chromium: 'アドレスバーの左にあるアイコンから',
  firefox: 'アドレスバーの左にあるアイコンから',
  safari: 'Safari › 設定 › Webサイト › 通知で',
  ios: '設定アプリ › 通知で',
  other: 'ブラウザのサイト設定で',
};

const japanese: SyncNotifyTranslation = {
  buttonLabel: '通知を送信',
  working: '通知をキューに追加しています…',
  queuedOnline: (title) => `「${title}」をキューに追加しました。今すぐ送信します。`,
  queuedOffline: (title) => `「${title}」をキューに追加しました。オンラインに戻ったら送信します。`,
  sent: (title) => `「${title}」を送信しました。`,
  cancelled: (title) => `「${title}」をキャンセルしました。`,
  pending: (count) => `${count}件が接続を待っています。`,
  summaryTitle: 'オフライン中に送信した{count}件の通知',
  unsupported: 'このブラウザでは、通知を後で送信できません。',
  installRequired: 'ここで通知を受け取るには、このサイトをホーム画面に追加してください。「共有」をタップし、「ホーム画面に追加」をタップします。',
  permissionDenied: (browser) => `このサイトの通知はブロックされています。${settings[browser]}許可してください。`,
  permissionDismissed: '通知は許可されませんでした。もう一度確認するには、ボタンをもう一度押してください。',
  invalidInput: 'このボタンは正しく設定されていないため、何もキューに追加されませんでした。',
  filesTooLarge: (megabytes) => `添付ファイルが大きすぎて送信できないため（合計${megabytes} MBまで）、何もキューに追加されませんでした。`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'セッションが切れたため、フォームは送信されませんでした。もう一度ログインしてから、フォームを開いてください。入力した内容は保存されています。',
      'shown-again': 'サーバーが入力内容を受け付けませんでした。内容はフォームに戻してあります。確認して、もう一度送信してください。',
      refused: 'サーバーがフォームを受け付けませんでした。入力した内容は保存されています。フォームをもう一度開いて送信してください。',
      'no-answer': 'サーバーが時間内に応答しなかったため、フォームが届いていない可能性があります。入力した内容は保存されています。フォームを確認してから、もう一度送信してください。',
    })[problem],
  keptForm: '以前このフォームに入力した内容は送信されませんでしたが、保存されています。',
  putBack: 'フォームに戻す',
  discardKept: '破棄',
  restored: '入力した内容をフォームに戻しました。確認して送信してください。',
  noRoom: '送信待ちのデータがこのサイトで使える容量をすでに使い切っているため、このフォームはキューに追加されませんでした。',
  noServiceWorker: 'このページからはまだ通知を送信できないため、何もキューに追加されませんでした。',
  storageFailed: 'このデバイスに通知を保存できなかったため、何もキューに追加されませんでした。もう一度お試しください。',
  storageBlocked: 'このサイトのほかのタブを閉じてから、もう一度ボタンを押してください。',
  deliveryFailed: '通知をまだ表示できませんでした。キューに残っています。',
  rejected: (status) =>
    status ? `サーバーがメッセージを拒否したため（HTTP ${status}）、送信されません。` : 'メッセージを送信できませんでした。',
  expired: '接続を長く待ちすぎたため、通知が1件削除されました。',
  outboxFull: '待機中の通知が多すぎるため、この通知はキューに追加されませんでした。',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: '送信待ち',
    empty: '送信待ちの通知はありません。',
    waiting: '接続を待っています',
    retryingAt: (time) => `サーバーの要求で待機中（${time}に再試行）`,
    rejected: (status) => (status ? `サーバーに拒否されました（HTTP ${status}）` : '送信できませんでした'),
    expired: '待ち時間が長すぎたため削除されました',
    notAccepted: (problem) =>
      ({
        'sign-in': 'セッションが切れていたため送信されませんでした。もう一度ログインしてから、フォームを開いてください',
        'shown-again': 'サーバーに受け付けられませんでした。フォームを開いて確認してください',
        refused: 'サーバーに受け付けられませんでした。フォームを開いてもう一度送信してください',
        'no-answer': '時間内に応答がありませんでした。フォームを開いて確認し、もう一度送信してください',
      })[problem],
    openForm: 'フォームを開く',
    unreadable: '読み取れない項目',
    queuedAt: (time) => `${time}にキューに追加`,
    cancel: 'キャンセル',
    retryNow: '今すぐ再試行',
    dismiss: '削除',
    cancelled: (title) => `「${title}」をキャンセルしました。`,
    sent: (title) => `「${title}」を送信しました。`,
    dismissed: (title) => `「${title}」を削除しました。`,
  },
};

registerTranslation('ja', japanese);
