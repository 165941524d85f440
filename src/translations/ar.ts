/**
 * Arabic, written right to left. Importing this module registers it for `ar` and every `ar-…` tag.
 * The page sets the direction (`dir="rtl"`), which the element's text inherits. A title or an
 * HTTP status in a sentence is isolated (U+2068 … U+2069), so a left-to-right title keeps its
 * place and its punctuation; « » mirror by themselves. Counted nouns take six forms.
 */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { registerTranslation } from './register.js';

// Not `pluralOf`: every `Intl` takes `ar`, so its fallback would only cost this file bytes (the
// longest translation, at its 2.1 KB gzip budget; so too the table lookups below).
const plural = new Intl.PluralRules('ar');

const isolate = (text: string) => `\u2068${text}\u2069`;
const quoted = (text: string) => `«${isolate(text)}»`;

// The address bar's icon is at its start: on the right where the browser itself is in Arabic.
// Chromium and Firefox alike: the site's icon in the address bar (permissionDenied's default).
const settings: Partial<Record<BrowserFamily, string>> = {
  safari: 'من Safari › الإعدادات › مواقع الويب › الإشعارات',
  ios: 'من تطبيق الإعدادات › الإشعارات',
  other: 'من إعدادات المواقع في المتصفح',
};

const arabic: SyncNotifyTranslation = {
  buttonLabel: 'إرسال الإشعار',
  working: 'جارٍ وضع الإشعار في قائمة الانتظار…',
  queuedOnline: (title) => `أُضيف ${quoted(title)} إلى قائمة الانتظار، وجارٍ إرساله الآن.`,
  queuedOffline: (title) => `أُضيف ${quoted(title)} إلى قائمة الانتظار، وسيُرسَل عند عودة الاتصال.`,
  sent: (title) => `أُرسل ${quoted(title)}.`,
  cancelled: (title) => `أُلغي ${quoted(title)}.`,
  pending: (count) =>
    `${
      ({
        zero: 'لا إشعارات',
        one: 'إشعار واحد',
        two: 'إشعاران',
        few: `${count} إشعارات`, // 3–10, 103–110…
        many: `${count} إشعارًا`, // 11–99, 111–199…
      })[plural.select(count) as string] ?? `${count} إشعار` // 100–102, 200–202…
    } في انتظار الاتصال.`,
  // "Label: number" agrees with any count.
  summaryTitle: 'إشعارات أُرسلت دون اتصال: {count}',
  unsupported: 'لا يمكن لهذا المتصفح إرسال الإشعارات لاحقًا.',
  installRequired: 'لتلقي الإشعارات هنا، أضف هذا الموقع إلى الشاشة الرئيسية: اضغط على «مشاركة» ثم على «إضافة إلى الشاشة الرئيسية».',
  permissionDenied: (browser) => `الإشعارات محظورة لهذا الموقع. اسمح بها ${settings[browser] ?? 'من الرمز المجاور لعنوان الموقع في شريط العناوين'}.`,
  permissionDismissed: 'لم يُسمح بالإشعارات. اضغط على الزر مرة أخرى ليُطرح السؤال من جديد.',
  invalidInput: 'لم يُضبط هذا الزر بشكل صحيح، لذا لم يُضف شيء إلى قائمة الانتظار.',
  filesTooLarge: (megabytes) => `الملفات المرفقة أكبر من أن تُرسل (${megabytes} ميغابايت كحد أقصى معًا)، لذا لم يُضف شيء إلى قائمة الانتظار.`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'انتهت جلستك، لذا لم يُرسَل النموذج. سجّل الدخول مرة أخرى، ثم افتح النموذج: ما كتبته محفوظ.',
      'shown-again': 'لم يقبل الخادم ما كتبته. أُعيد إلى النموذج: راجعه وأرسله مرة أخرى.',
      refused: 'لم يقبل الخادم النموذج. ما كتبته محفوظ: افتح النموذج مرة أخرى لإرساله.',
      'no-answer': 'لم يردّ الخادم في الوقت المحدد، وربما لم يصله النموذج. ما كتبته محفوظ: راجعه وأرسله مرة أخرى.',
    })[problem],
  keptForm: 'لم يُرسَل ما كتبته سابقًا في هذا النموذج، وهو محفوظ.',
  putBack: 'إعادته إلى النموذج',
  discardKept: 'حذفه',
  restored: 'أُعيد ما كتبته إلى النموذج: راجعه وأرسله.',
  noRoom: 'ما في انتظار الإرسال يملأ مساحة الموقع، لذا لم يُضف هذا النموذج إلى قائمة الانتظار.',
  noServiceWorker: 'لا يمكن إرسال الإشعارات من هذه الصفحة بعد، لذا لم يُضف شيء إلى قائمة الانتظار.',
  storageFailed: 'تعذّر على هذا الجهاز حفظ الإشعار، لذا لم يُضف شيء إلى قائمة الانتظار. يُرجى المحاولة مرة أخرى.',
  storageBlocked: 'أغلق علامات التبويب الأخرى لهذا الموقع، ثم اضغط على الزر مرة أخرى.',
  deliveryFailed: 'تعذّر عرض الإشعار حتى الآن. سيبقى في قائمة الانتظار.',
  rejected: (status) => (status ? `رفض الخادم الرسالة (${isolate(`HTTP ${status}`)})، لذا لن تُرسَل.` : 'تعذّر إرسال الرسالة.'),
  expired: 'انتظر أحد الإشعارات الاتصال مدة طويلة جدًا فحُذف.',
  outboxFull: 'هناك إشعارات كثيرة جدًا في الانتظار، لذا لم يُضف هذا الإشعار إلى قائمة الانتظار.',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: 'في انتظار الإرسال',
    empty: 'لا إشعارات في انتظار الإرسال.',
    waiting: 'في انتظار الاتصال',
    retryingAt: (time) => `طلب الخادم الانتظار: إعادة المحاولة الساعة ${isolate(time)}`,
    rejected: (status) => (status ? `رفضه الخادم (${isolate(`HTTP ${status}`)})` : 'تعذّر إرساله'),
    expired: 'انتظر مدة طويلة جدًا فحُذف',
    notAccepted: (problem) =>
      ({
        'sign-in': 'لم يُرسَل: انتهت جلستك. سجّل الدخول مرة أخرى، ثم افتح النموذج',
        'shown-again': 'لم يقبله الخادم: افتح النموذج لمراجعته',
        refused: 'لم يقبله الخادم: افتح النموذج لإرساله مرة أخرى',
        'no-answer': 'لم يردّ الخادم في الوقت المحدد: افتح النموذج لمراجعته وإرساله مرة أخرى',
      })[problem],
    openForm: 'فتح النموذج',
    unreadable: 'عنصر غير مقروء',
    queuedAt: (time) => `في قائمة الانتظار منذ ${isolate(time)}`,
    cancel: 'إلغاء',
    retryNow: 'إعادة المحاولة الآن',
    dismiss: 'إزالة',
    cancelled: (title) => `أُلغي ${quoted(title)}.`,
    sent: (title) => `أُرسل ${quoted(title)}.`,
    dismissed: (title) => `أُزيل ${quoted(title)}.`,
  },
};

registerTranslation('ar', arabic);
