/**
 * Chinese, simplified. Importing this module registers it for `zh` and so for every `zh-…` tag
 * (`zh-CN`, `zh-Hans`, `zh-SG`; also `zh-TW` and `zh-Hant`, unless a traditional table is
 * registered for them). Chinese counts without plural forms (条).
 */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { registerTranslation } from './register.js';

const settings: Record<BrowserFamily, string> = {
  chromium: '通过地址栏左侧的图标',
  firefox: '通过地址栏左侧的图标',
  safari: '在 Safari › 设置 › 网站 › 通知中',
  ios: '在“设置”App › 通知中',
  other: '在浏览器的网站设置中',
};

const chinese: SyncNotifyTranslation = {
  buttonLabel: '发送通知',
  working: '正在将通知加入队列…',
  queuedOnline: (title) => `“${title}”已加入队列，正在发送。`,
  queuedOffline: (title) => `“${title}”已加入队列，恢复联网后发送。`,
  sent: (title) => `“${title}”已发送。`,
  cancelled: (title) => `“${title}”已取消。`,
  pending: (count) => `${count} 条通知正在等待网络连接。`,
  summaryTitle: '离线时发送的 {count} 条通知',
  unsupported: '此浏览器无法稍后发送通知。',
  installRequired: '要在此接收通知，请将此网站添加到主屏幕：轻点“共享”，然后轻点“添加到主屏幕”。',
  permissionDenied: (browser) => `此网站的通知已被屏蔽。请${settings[browser]}允许通知。`,
  permissionDismissed: '未允许通知。再次按下按钮即可重新询问。',
  invalidInput: '此按钮设置有误，因此没有任何内容加入队列。',
  filesTooLarge: (megabytes) => `附件太大，无法发送（合计最多 ${megabytes} MB），因此没有任何内容加入队列。`,
  notAccepted: (problem) =>
    ({
      'sign-in': '登录已过期，因此表单未发送。请重新登录，然后打开表单：输入的内容已保留。',
      'shown-again': '服务器未接受输入的内容。内容已放回表单中：请检查后再次发送。',
      refused: '服务器未接受此表单。输入的内容已保留：请重新打开表单进行发送。',
      'no-answer': '服务器未及时响应，因此表单可能未送达。输入的内容已保留：请检查表单，然后再次发送。',
    })[problem],
  keptForm: '之前在此表单中输入的内容未发送，已保留。',
  putBack: '放回表单',
  discardKept: '丢弃',
  restored: '输入的内容已放回表单中：请检查后发送。',
  noRoom: '待发送的内容已占满此网站可用的全部空间，因此此表单未加入队列。',
  noServiceWorker: '此页面暂时无法发送通知，因此没有任何内容加入队列。',
  storageFailed: '此设备无法保存通知，因此没有任何内容加入队列。请重试。',
  storageBlocked: '请关闭此网站的其他标签页，然后再次按下按钮。',
  deliveryFailed: '通知暂时无法显示，仍保留在队列中。',
  rejected: (status) => (status ? `服务器拒绝了此消息（HTTP ${status}），因此不会发送。` : '消息无法发送。'),
  expired: '一条通知等待网络连接的时间过长，已被丢弃。',
  outboxFull: '等待中的通知过多，因此此通知未加入队列。',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: '待发送',
    empty: '没有待发送的通知。',
    waiting: '正在等待网络连接',
    retryingAt: (time) => `服务器要求等待，将于 ${time} 重试`,
    rejected: (status) => (status ? `被服务器拒绝（HTTP ${status}）` : '无法发送'),
    expired: '等待时间过长，已被丢弃',
    notAccepted: (problem) =>
      ({
        'sign-in': '未发送：登录已过期。请重新登录，然后打开其表单',
        'shown-again': '服务器未接受：请打开其表单进行检查',
        refused: '服务器未接受：请打开其表单再次发送',
        'no-answer': '服务器未及时响应：请打开其表单检查并再次发送',
      })[problem],
    openForm: '打开表单',
    unreadable: '无法读取的项目',
    queuedAt: (time) => `${time} 加入队列`,
    cancel: '取消',
    retryNow: '立即重试',
    dismiss: '移除',
    cancelled: (title) => `“${title}”已取消。`,
    sent: (title) => `“${title}”已发送。`,
    dismissed: (title) => `“${title}”已移除。`,
  },
};

registerTranslation('zh', chinese);
