/**
 * Hebrew, written right to left. Importing this module registers it for `he` and every `he-…`
 * tag. The page sets the direction (`dir="rtl"`), which the element's text inherits. A title or
 * an HTTP status in a sentence is isolated (U+2068 … U+2069), so a left-to-right title keeps its
 * place and its punctuation. Quotes: ” ”, as Hebrew has them.
 */
import type { BrowserFamily } from '../page/browser-family.js';
import type { SyncNotifyTranslation } from '../page/messages.js';
import { pluralOf, registerTranslation } from './register.js';

const plural = pluralOf('he');

const isolate = (text: string) => `\u2068${text}\u2069`;
const quoted = (text: string) => `”${isolate(text)}”`;

// The address bar's icon is at its start: on the right where the browser itself is in Hebrew.
const settings: Record<BrowserFamily, string> = {
  chromium: 'דרך הסמל שליד כתובת האתר בשורת הכתובת',
  firefox: 'דרך הסמל שליד כתובת האתר בשורת הכתובת',
  safari: 'ב־Safari › הגדרות › אתרים › עדכונים',
  ios: 'באפליקציה ”הגדרות” › עדכונים',
  other: 'בהגדרות האתרים של הדפדפן',
};

const hebrew: SyncNotifyTranslation = {
  buttonLabel: 'שליחת התראה',
  working: 'ההתראה נכנסת לתור…',
  queuedOnline: (title) => `ההתראה ${quoted(title)} נוספה לתור ונשלחת עכשיו.`,
  queuedOffline: (title) => `ההתראה ${quoted(title)} נוספה לתור ותישלח כשהחיבור יחזור.`,
  sent: (title) => `ההתראה ${quoted(title)} נשלחה.`,
  cancelled: (title) => `ההתראה ${quoted(title)} בוטלה.`,
  pending: (count) => {
    const form = plural(count);
    if (form === 'one') return 'התראה אחת ממתינה לחיבור.';
    return form === 'two' ? 'שתי התראות ממתינות לחיבור.' : `${count} התראות ממתינות לחיבור.`;
  },
  summaryTitle: '{count} התראות שנשלחו ללא חיבור',
  unsupported: 'הדפדפן הזה לא יכול לשלוח התראות מאוחר יותר.',
  installRequired: 'כדי לקבל כאן התראות, יש להוסיף את האתר למסך הבית: מקישים על ”שיתוף” ואז על ”הוספה למסך הבית”.',
  permissionDenied: (browser) => `ההתראות חסומות באתר הזה. אפשר לאשר אותן ${settings[browser]}.`,
  permissionDismissed: 'ההתראות לא אושרו. אפשר ללחוץ שוב על הכפתור כדי שהשאלה תוצג שוב.',
  invalidInput: 'הכפתור הזה לא מוגדר נכון, ולכן שום דבר לא נוסף לתור.',
  filesTooLarge: (megabytes) => `הקבצים המצורפים גדולים מדי לשליחה (עד ${megabytes} MB יחד), ולכן שום דבר לא נוסף לתור.`,
  notAccepted: (problem) =>
    ({
      'sign-in': 'פג תוקף ההתחברות, ולכן הטופס לא נשלח. יש להתחבר שוב ואז לפתוח את הטופס: מה שהוקלד נשמר.',
      'shown-again': 'השרת לא קיבל את מה שהוקלד. הוא חזר לטופס: יש לבדוק אותו ולשלוח שוב.',
      refused: 'השרת לא קיבל את הטופס. מה שהוקלד נשמר: יש לפתוח שוב את הטופס כדי לשלוח אותו.',
      'no-answer': 'השרת לא ענה בזמן, ולכן ייתכן שהטופס לא הגיע. מה שהוקלד נשמר: יש לבדוק את הטופס ואז לשלוח אותו שוב.',
    })[problem],
  keptForm: 'מה שהוקלד קודם בטופס הזה לא נשלח. הוא נשמר.',
  putBack: 'החזרה לטופס',
  discardKept: 'מחיקה',
  restored: 'מה שהוקלד חזר לטופס: יש לבדוק אותו ולשלוח.',
  noRoom: 'מה שממתין לשליחה כבר תופס את כל המקום שהאתר הזה רשאי להשתמש בו, ולכן הטופס הזה לא נוסף לתור.',
  noServiceWorker: 'עדיין אי אפשר לשלוח התראות מהדף הזה, ולכן שום דבר לא נוסף לתור.',
  storageFailed: 'המכשיר לא הצליח לשמור את ההתראה, ולכן שום דבר לא נוסף לתור. כדאי לנסות שוב.',
  storageBlocked: 'יש לסגור את שאר הכרטיסיות של האתר הזה ואז ללחוץ שוב על הכפתור.',
  deliveryFailed: 'עדיין לא ניתן היה להציג את ההתראה. היא נשארת בתור.',
  rejected: (status) => (status ? `השרת דחה את ההודעה (${isolate(`HTTP ${status}`)}), ולכן היא לא תישלח.` : 'לא ניתן היה לשלוח את ההודעה.'),
  expired: 'התראה המתינה לחיבור זמן רב מדי ונמחקה.',
  outboxFull: 'יותר מדי התראות ממתינות, ולכן ההתראה הזו לא נוספה לתור.',
  // <sync-notify-outbox>, whose sentences are a table of their own.
  outbox: {
    label: 'התראות שממתינות לשליחה',
    empty: 'אין התראות שממתינות לשליחה.',
    waiting: 'ממתינה לחיבור',
    retryingAt: (time) => `השרת ביקש להמתין: ניסיון נוסף בשעה ${isolate(time)}`,
    rejected: (status) => (status ? `השרת דחה אותה (${isolate(`HTTP ${status}`)})` : 'לא ניתן היה לשלוח אותה'),
    expired: 'המתינה זמן רב מדי ונמחקה',
    notAccepted: (problem) =>
      ({
        'sign-in': 'לא נשלחה: פג תוקף ההתחברות. יש להתחבר שוב ואז לפתוח את הטופס שלה',
        'shown-again': 'השרת לא קיבל אותה: יש לפתוח את הטופס שלה כדי לבדוק אותה',
        refused: 'השרת לא קיבל אותה: יש לפתוח את הטופס שלה כדי לשלוח אותה שוב',
        'no-answer': 'לא התקבלה תשובה בזמן: יש לפתוח את הטופס שלה כדי לבדוק אותה ולשלוח אותה שוב',
      })[problem],
    openForm: 'פתיחת הטופס',
    unreadable: 'פריט שלא ניתן לקרוא',
    queuedAt: (time) => `נוספה לתור בשעה ${isolate(time)}`,
    cancel: 'ביטול',
    retryNow: 'לנסות שוב עכשיו',
    dismiss: 'הסרה',
    cancelled: (title) => `ההתראה ${quoted(title)} בוטלה.`,
    sent: (title) => `ההתראה ${quoted(title)} נשלחה.`,
    dismissed: (title) => `ההתראה ${quoted(title)} הוסרה.`,
  },
};

registerTranslation('he', hebrew);
