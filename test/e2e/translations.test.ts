/**
 * The built-in translations, as a page in each language meets them: the element speaks the
 * language of its nearest `lang`, falls back sentence by sentence (its tag, its base language,
 * English), keeps the author's `messages` on top, counts with each language's plural rules, and
 * reads right to left in Arabic and Hebrew. The outbox element too, from each translation's
 * `outbox` table. Also the script-tag files of dist/translations/.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/sync-notify-button.js';
import type { SyncNotifyButton } from '../../src/sync-notify-button.js';
import '../../src/sync-notify-outbox.js';
import type { SyncNotifyOutbox } from '../../src/sync-notify-outbox.js';
import '../../src/translations/ar.js';
import '../../src/translations/de.js';
import '../../src/translations/es.js';
import '../../src/translations/fr.js';
import '../../src/translations/he.js';
import '../../src/translations/it.js';
import '../../src/translations/ja.js';
import '../../src/translations/ko.js';
import '../../src/translations/nl.js';
import '../../src/translations/pl.js';
import '../../src/translations/pt.js';
import '../../src/translations/zh.js';
import { registerTranslation } from '../../src/translations/register.js';
import { browserFamily, type BrowserFamily } from '../../src/page/browser-family.js';
import { englishMessages, type SyncNotifyMessages, type SyncNotifyTranslation } from '../../src/page/messages.js';
import { englishOutboxMessages, type SyncNotifyOutboxMessages } from '../../src/page/outbox-messages.js';
import { englishFormMessages } from '../../src/page/form-messages.js';
import type { NotAcceptedProblem } from '../../src/shared/outbox-schema.js';
import { queueNotification } from '../../src/page/queue.js';
import { resetOrigin, setOffline, setPermissions, useHostWorker } from '../support/browser.js';
import { buttonOf, clickAndWaitError, errorText, statusText } from '../support/element.js';

const LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ja', 'zh', 'ko', 'ar', 'he'] as const;
type Language = (typeof LANGUAGES)[number];

/** A built-in translation, as its module registered it: complete, as `SyncNotifyMessages` requires. */
const translation = (lang: Language) => globalThis.syncNotifyTranslation!.translations[lang] as SyncNotifyMessages;

/** A built-in translation's sentences for the outbox element: complete, as `SyncNotifyTranslation` requires. */
const outboxTranslation = (lang: Language) => (globalThis.syncNotifyTranslation!.translations[lang] as SyncNotifyTranslation).outbox;

const FAMILIES: BrowserFamily[] = ['chromium', 'firefox', 'safari', 'ios', 'other'];

/**
 * Why a server did not accept a form: each has its sentence, in the button's table and the outbox's.
 * Every one of them (`satisfies`): a problem added to the type fails here until it is listed.
 */
const PROBLEMS = Object.keys({ 'sign-in': 0, 'shown-again': 0, refused: 0, 'no-answer': 0 } satisfies Record<NotAcceptedProblem, 0>) as NotAcceptedProblem[];

/** Every sentence of a table, functions called with arguments that reach each of their branches. */
function sentencesOf(messages: SyncNotifyMessages): Record<string, string> {
  const sentences: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') sentences[key] = value;
  }
  for (const key of ['queuedOnline', 'queuedOffline', 'sent'] as const) sentences[key] = messages[key]('Order 12');
  for (const count of [1, 2, 3, 5, 11, 22, 100]) sentences[`pending(${count})`] = messages.pending(count);
  for (const family of FAMILIES) sentences[`permissionDenied(${family})`] = messages.permissionDenied(family);
  sentences['rejected(404)'] = messages.rejected(404);
  sentences['rejected(0)'] = messages.rejected(0);
  if (messages.filesTooLarge) sentences['filesTooLarge(10)'] = messages.filesTooLarge(10);
  if (messages.notAccepted) for (const problem of PROBLEMS) sentences[`notAccepted(${problem})`] = messages.notAccepted(problem);
  return sentences;
}

/** Every sentence of an outbox table, functions called with arguments that reach each of their branches. */
function outboxSentencesOf(messages: SyncNotifyOutboxMessages): Record<string, string> {
  const sentences: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') sentences[key] = value;
  }
  for (const key of ['cancelled', 'sent', 'dismissed'] as const) sentences[key] = messages[key]('Order 12');
  for (const key of ['retryingAt', 'queuedAt'] as const) sentences[key] = messages[key]('10:45');
  sentences['rejected(409)'] = messages.rejected(409);
  sentences['rejected(0)'] = messages.rejected(0);
  for (const problem of PROBLEMS) sentences[`notAccepted(${problem})`] = messages.notAccepted(problem);
  return sentences;
}

/** The outbox element's sentences, as it would show them now (messages, translation, English). */
const outboxText = (element: SyncNotifyOutbox) => (element as unknown as { text: SyncNotifyOutboxMessages }).text;

/** The outbox element's line for an empty outbox, or undefined while it lists items. */
const emptyLine = (element: SyncNotifyOutbox) => element.shadowRoot!.querySelector('[part="empty"]')?.textContent!.trim();

/** The element's private state, driven directly: the line it last reported, and the connection. */
type Driven = { note?: { title: string; outcome?: 'sent' | 'cancelled' }; online: boolean; pending: number };

/** Shows the status line an element has offline with `count` items waiting (and one it queued). */
async function showWaiting(element: SyncNotifyButton, count: number): Promise<string> {
  Object.assign(element as unknown as Driven, { note: { title: 't' }, online: false, pending: count });
  await element.updateComplete;
  return statusText(element);
}

describe('translations', () => {
  beforeEach(resetOrigin);
  afterEach(() => setPermissions('notifications', 'background-sync'));

  describe('every built-in language', () => {
    it('is registered by importing its module', () => {
      expect(Object.keys(globalThis.syncNotifyTranslation!.translations).sort()).to.deep.equal([...LANGUAGES].sort());
    });

    for (const lang of LANGUAGES) {
      it(`${lang}: has every sentence, none empty, none English, placeholders kept`, () => {
        const translated = sentencesOf(translation(lang));
        // The element with forms adds its sentences to the plain element's.
        const english = sentencesOf({ ...englishMessages, ...englishFormMessages });
        expect(Object.keys(translated)).to.have.members(Object.keys(english));
        for (const [key, sentence] of Object.entries(translated)) {
          expect(sentence.trim(), `${lang} ${key}`).not.to.equal('');
          expect(sentence, `${lang} ${key}`).not.to.equal(english[key]);
          // Typographic quotes and apostrophes, never the typewriter's.
          expect(sentence, `${lang} ${key}`).not.to.match(/["']/);
        }
        expect(translated.summaryTitle).to.include('{count}');
        expect(translated.sent).to.include('Order 12');
        expect(translated['pending(5)']).to.include('5');
        expect(translated['rejected(404)']).to.include('404');
        expect(translated['filesTooLarge(10)']).to.include('10');
        // A form not accepted, or refused at the press for want of room, is said in full sentences, as
        // the English says it (。 in Chinese and Japanese).
        for (const key of [...PROBLEMS.map((problem) => `notAccepted(${problem})`), 'keptForm', 'restored', 'noRoom']) {
          expect(translated[key], `${lang} ${key}`).to.match(/[.。]$/);
        }
      });
    }

    for (const lang of LANGUAGES) {
      it(`${lang}: has every sentence of the outbox element, none empty, none English, placeholders kept`, () => {
        const table = outboxTranslation(lang);
        expect(Object.keys(table)).to.have.members(Object.keys(englishOutboxMessages));
        for (const [key, english] of Object.entries(englishOutboxMessages)) {
          expect(typeof table[key as keyof SyncNotifyOutboxMessages], `${lang} outbox.${key}`).to.equal(typeof english);
        }
        const translated = outboxSentencesOf(table);
        const english = outboxSentencesOf(englishOutboxMessages);
        expect(Object.keys(translated)).to.have.members(Object.keys(english));
        for (const [key, sentence] of Object.entries(translated)) {
          expect(sentence.trim(), `${lang} outbox.${key}`).not.to.equal('');
          expect(sentence, `${lang} outbox.${key}`).not.to.equal(english[key]);
          expect(sentence, `${lang} outbox.${key}`).not.to.match(/["']/);
        }
        for (const key of ['cancelled', 'sent', 'dismissed']) expect(translated[key], `${lang} outbox.${key}`).to.include('Order 12');
        for (const key of ['retryingAt', 'queuedAt']) expect(translated[key], `${lang} outbox.${key}`).to.include('10:45');
        expect(translated['rejected(409)']).to.include('409');
        // A state, as the others of the list are: no full stop.
        for (const problem of PROBLEMS) expect(translated[`notAccepted(${problem})`], `${lang} outbox.notAccepted(${problem})`).not.to.match(/[.。]$/);
        // The outbox's sent and cancelled say what the button's say (the same item, the same event).
        expect(translated.sent).to.equal(translation(lang).sent('Order 12'));
        expect(translated.cancelled).to.equal(translation(lang).cancelled('Order 12'));
      });
    }

    // What each language says for 1, 2 and 5 (and where it has more forms, the counts that reach them).
    const WAITING: Record<Language, Record<number, string>> = {
      de: { 1: '1 Benachrichtigung wartet', 2: '2 Benachrichtigungen warten', 5: '5 Benachrichtigungen warten' },
      fr: { 1: '1 notification en attente', 2: '2 notifications en attente', 5: '5 notifications en attente' },
      es: { 1: '1 notificación en espera', 2: '2 notificaciones en espera', 5: '5 notificaciones en espera' },
      it: { 1: '1 notifica in attesa', 2: '2 notifiche in attesa', 5: '5 notifiche in attesa' },
      pt: { 1: '1 notificação aguardando', 2: '2 notificações aguardando', 5: '5 notificações aguardando' },
      nl: { 1: '1 melding wacht', 2: '2 meldingen wachten', 5: '5 meldingen wachten' },
      pl: { 1: '1 powiadomienie czeka', 2: '2 powiadomienia czekają', 5: '5 powiadomień czeka', 22: '22 powiadomienia czekają' },
      ja: { 1: '1件が', 2: '2件が', 5: '5件が' },
      zh: { 1: '1 条通知', 2: '2 条通知', 5: '5 条通知' },
      ko: { 1: '알림 1개가', 2: '알림 2개가', 5: '알림 5개가' },
      ar: { 1: 'إشعار واحد في', 2: 'إشعاران في', 5: '5 إشعارات في', 11: '11 إشعارًا في', 100: '100 إشعار في' },
      he: { 1: 'התראה אחת ממתינה', 2: 'שתי התראות ממתינות', 5: '5 התראות ממתינות' },
    };
    for (const lang of LANGUAGES) {
      it(`${lang}: counts waiting items with its own plural rules`, () => {
        for (const [count, expected] of Object.entries(WAITING[lang])) {
          expect(translation(lang).pending(Number(count)), `${lang} ${count}`).to.include(expected);
        }
      });
    }
  });

  describe('the element', () => {
    it('speaks the language of its nearest lang, its label and its sentences', async () => {
      await setPermissions('background-sync');
      const host = await fixture(html`<section lang="de"><div><sync-notify-button title="t" body="b"></sync-notify-button></div></section>`);
      const element = host.querySelector('sync-notify-button')!;
      expect(buttonOf(element).textContent!.trim()).to.equal('Benachrichtigung senden');
      const detail = await clickAndWaitError(element);
      expect(detail.message).to.equal(translation('de').permissionDenied(browserFamily()));
      await element.updateComplete;
      expect(errorText(element)).to.equal(detail.message);
    });

    it("prefers its own lang to the page's", async () => {
      const host = await fixture(html`<div lang="de"><sync-notify-button lang="ja" title="t" body="b"></sync-notify-button></div>`);
      expect(buttonOf(host.querySelector('sync-notify-button')!).textContent!.trim()).to.equal('通知を送信');
    });

    it('falls back to the base language: de-AT, DE-at and zh-Hans-CN', async () => {
      for (const [lang, label] of [
        ['de-AT', 'Benachrichtigung senden'],
        ['DE-at', 'Benachrichtigung senden'],
        ['zh-CN', '发送通知'],
        ['zh-Hans-CN', '发送通知'],
        ['pt-BR', 'Enviar notificação'],
      ]) {
        const element = await fixture<SyncNotifyButton>(html`<sync-notify-button lang=${lang} title="t" body="b"></sync-notify-button>`);
        expect(buttonOf(element).textContent!.trim(), lang).to.equal(label);
      }
    });

    it('speaks English where no translation is registered, or no language is set', async () => {
      for (const lang of ['sv', 'en-GB', '', 'x-unknown']) {
        const element = await fixture<SyncNotifyButton>(html`<sync-notify-button lang=${lang} title="t" body="b"></sync-notify-button>`);
        expect(buttonOf(element).textContent!.trim(), `lang="${lang}"`).to.equal('Send notification');
      }
    });

    it('falls back sentence by sentence: its tag, its base language, then English', async () => {
      // Swiss German writes ss for ß; a partial table for de-CH, and one for a language not shipped.
      registerTranslation('de-CH', { storageBlocked: 'Schliessen Sie die anderen Tabs dieser Website und drücken Sie dann die Schaltfläche erneut.' });
      registerTranslation('eo', { buttonLabel: 'Sendi sciigon' });
      const swiss = await fixture<SyncNotifyButton>(html`<sync-notify-button lang="de-CH" title="t" body="b"></sync-notify-button>`);
      const text = (element: SyncNotifyButton) => (element as unknown as { text: SyncNotifyMessages }).text;
      expect(text(swiss).storageBlocked).to.match(/^Schliessen Sie/);
      expect(text(swiss).buttonLabel).to.equal('Benachrichtigung senden');
      const esperanto = await fixture<SyncNotifyButton>(html`<sync-notify-button lang="eo" title="t" body="b"></sync-notify-button>`);
      expect(buttonOf(esperanto).textContent!.trim()).to.equal('Sendi sciigon');
      expect(text(esperanto).storageBlocked).to.equal(englishMessages.storageBlocked);
    });

    it('keeps the author’s messages over a translated sentence', async () => {
      await setPermissions('background-sync');
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button lang="fr" title="t" body="b"></sync-notify-button>`);
      element.messages = { buttonLabel: 'Prévenir', permissionDenied: () => 'Notifications bloquées.' };
      await element.updateComplete;
      expect(buttonOf(element).textContent!.trim()).to.equal('Prévenir');
      expect((await clickAndWaitError(element)).message).to.equal('Notifications bloquées.');
      // Sentences the author left alone stay French.
      expect(await showWaiting(element, 2)).to.include('2 notifications en attente de connexion.');
    });

    it('speaks a translation registered after it rendered', async () => {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button lang="x-late" title="t" body="b"></sync-notify-button>`);
      expect(buttonOf(element).textContent!.trim()).to.equal('Send notification');
      registerTranslation('x-late', { buttonLabel: 'Late' });
      await element.updateComplete;
      expect(buttonOf(element).textContent!.trim()).to.equal('Late');
    });

    it('counts waiting items in Polish: 1 powiadomienie, 2–4 powiadomienia, 5–21 powiadomień, 22 powiadomienia', async () => {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button lang="pl" title="t" body="b"></sync-notify-button>`);
      for (const [count, expected] of [
        [1, '1 powiadomienie czeka na połączenie.'],
        [2, '2 powiadomienia czekają na połączenie.'],
        [4, '4 powiadomienia czekają na połączenie.'],
        [5, '5 powiadomień czeka na połączenie.'],
        [12, '12 powiadomień czeka na połączenie.'],
        [22, '22 powiadomienia czekają na połączenie.'],
        [25, '25 powiadomień czeka na połączenie.'],
      ] as const) {
        expect(await showWaiting(element, count), `${count}`).to.match(new RegExp(` ${expected}$`));
      }
    });

    it('counts waiting items in Arabic: one, two, 3–10, 11–99, 100', async () => {
      const element = await fixture<SyncNotifyButton>(html`<sync-notify-button lang="ar" title="t" body="b"></sync-notify-button>`);
      for (const [count, expected] of [
        [1, 'إشعار واحد في انتظار الاتصال.'],
        [2, 'إشعاران في انتظار الاتصال.'],
        [3, '3 إشعارات في انتظار الاتصال.'],
        [10, '10 إشعارات في انتظار الاتصال.'],
        [11, '11 إشعارًا في انتظار الاتصال.'],
        [99, '99 إشعارًا في انتظار الاتصال.'],
        [100, '100 إشعار في انتظار الاتصال.'],
      ] as const) {
        expect((await showWaiting(element, count)).endsWith(` ${expected}`), `${count}`).to.equal(true);
      }
    });

    for (const [lang, title] of [
      ['ar', 'طلب 12'],
      ['he', 'Order #12'],
    ] as const) {
      it(`reads right to left in a ${lang} page, its sentences translated`, async () => {
        await setPermissions('background-sync');
        const page = await fixture(html`<main dir="rtl" lang=${lang} style="width: 40em"><sync-notify-button title=${title} body="b"></sync-notify-button></main>`);
        const element = page.querySelector('sync-notify-button')!;
        const part = (name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
        const detail = await clickAndWaitError(element);
        await element.updateComplete;
        expect(errorText(element)).to.equal(translation(lang).permissionDenied(browserFamily()));
        expect(detail.message).to.equal(errorText(element));
        Object.assign(element as unknown as Driven, { note: { title, outcome: 'sent' } });
        await element.updateComplete;
        expect(statusText(element)).to.equal(translation(lang).sent(title));
        for (const name of ['button', 'status', 'error']) expect(getComputedStyle(part(name)).direction, name).to.equal('rtl');
        // Laid out from the right: the element starts at the right of its line, its lines too.
        const right = page.getBoundingClientRect().right;
        expect(Math.abs(element.getBoundingClientRect().right - right)).to.be.below(1);
        expect(Math.abs(part('button').getBoundingClientRect().right - right)).to.be.below(1);
        await expect(element).to.be.accessible();
      });
    }
  });

  describe('the outbox element', () => {
    const host = useHostWorker();

    const rows = (element: SyncNotifyOutbox) =>
      [...element.shadowRoot!.querySelectorAll('[part~="item"]')].map((row) => ({
        title: row.querySelector('[part="title"]')!.textContent!.trim(),
        state: row.querySelector('[part="state"]')!.textContent!.trim(),
        time: row.querySelector('[part="time"]')!.textContent!.trim(),
        buttons: [...row.querySelectorAll('button')].map((button) => [button.textContent!.trim(), button.getAttribute('aria-label')]),
      }));

    it('speaks German inside lang="de": the empty line, an item waiting, its Cancel button and the cancel said', async () => {
      const page = await fixture(html`<section lang="de"><sync-notify-outbox></sync-notify-outbox></section>`);
      const element = page.querySelector('sync-notify-outbox')!;
      await waitUntil(() => emptyLine(element), 'the empty line never showed');
      expect(emptyLine(element)).to.equal('Es wartet nichts auf den Versand.');

      await setOffline(true);
      await queueNotification({ title: 'Erste', body: 'b' }, host.registration);
      await waitUntil(() => rows(element).length === 1, 'the list never showed the item');
      const [row] = rows(element);
      expect(row).to.deep.include({ title: 'Erste', state: 'Wartet auf eine Verbindung', buttons: [['Abbrechen', 'Abbrechen: Erste']] });
      expect(row.time).to.match(/^eingereiht um \d{1,2}:\d{2}$/);
      expect(element.shadowRoot!.querySelector('ul')!.getAttribute('aria-label')).to.equal('Noch nicht gesendet');

      element.shadowRoot!.querySelector('button')!.click();
      await waitUntil(() => emptyLine(element), 'Cancel did not take the item back');
      expect(emptyLine(element)).to.equal('Es wartet nichts auf den Versand.');
      await waitUntil(() => element.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim() === '„Erste“ wurde abgebrochen.', 'the cancel was not said in German');
    });

    it("keeps pt's other outbox sentences under a partial pt-BR table, and the button's", async () => {
      registerTranslation('pt-BR', { outbox: { cancel: 'Cancelar envio' } });
      const element = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox lang="pt-BR"></sync-notify-outbox>`);
      expect(outboxText(element)).to.deep.equal({ ...outboxTranslation('pt'), cancel: 'Cancelar envio' });
      expect(emptyLine(element)).to.equal('Nenhuma notificação aguardando envio.');
      // A table with only an outbox key leaves the button's sentences to pt.
      const button = await fixture<SyncNotifyButton>(html`<sync-notify-button lang="pt-BR" title="t" body="b"></sync-notify-button>`);
      expect(buttonOf(button).textContent!.trim()).to.equal('Enviar notificação');
    });

    it('falls back to English for a language without a translation, and for one without outbox sentences', async () => {
      registerTranslation('x-button-only', { buttonLabel: 'Only the button' });
      for (const lang of ['sv', 'x-button-only']) {
        const element = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox lang=${lang}></sync-notify-outbox>`);
        expect(outboxText(element), lang).to.deep.equal(englishOutboxMessages);
      }
    });

    it('keeps the author’s messages over a translated sentence', async () => {
      const element = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox lang="fr"></sync-notify-outbox>`);
      element.messages = { empty: 'Tout est parti.' };
      await element.updateComplete;
      expect(emptyLine(element)).to.equal('Tout est parti.');
      // Sentences the author left alone stay French.
      expect(outboxText(element).cancel).to.equal('Annuler');
    });

    it('speaks a translation registered after it rendered', async () => {
      const element = await fixture<SyncNotifyOutbox>(html`<sync-notify-outbox lang="x-later"></sync-notify-outbox>`);
      expect(emptyLine(element)).to.equal(englishOutboxMessages.empty);
      registerTranslation('x-later', { outbox: { empty: 'Later.' } });
      await element.updateComplete;
      expect(emptyLine(element)).to.equal('Later.');
    });
  });

  describe('with a service worker', () => {
    useHostWorker();

    it("queues the summary title and the lang of the element's language", async () => {
      const host = await fixture(html`<div lang="pl-PL"><sync-notify-button summary title="t" body="b"></sync-notify-button></div>`);
      const element = host.querySelector('sync-notify-button')!;
      const queued = oneEvent(element, 'sync-notify-queued');
      buttonOf(element).click();
      const { item } = (await queued).detail;
      expect(item.notification).to.deep.include({ lang: 'pl-PL', summary: translation('pl').summaryTitle });
      await waitUntil(() => element.state === 'sent', 'never sent');
      expect(statusText(element)).to.equal('Wysłano „t”.');
    });
  });

  describe('dist/translations/, for a script tag', () => {
    /** Loads `body` in a same-origin frame of its own and reports what its script posts. */
    async function inFrame<T>(body: string): Promise<T> {
      const frame = document.createElement('iframe');
      frame.title = 'page with a translation';
      frame.srcdoc = body.replaceAll('/dist/', new URL('/dist/', location.href).href);
      const report = new Promise<T>((resolve) => addEventListener('message', ({ data }) => data?.report && resolve(data.report), { once: true }));
      document.body.append(frame);
      try {
        return await report;
      } finally {
        frame.remove();
      }
    }

    it('is translated from the first render, its classic script placed after the element’s module', async () => {
      const report = await inFrame<{ first: string; loaded: string[] }>(`
        <html lang="de-AT"><body>
          <sync-notify-button title="t" body="b"></sync-notify-button>
          <script type="module" src="/dist/sync-notify-button.js"></script>
          <script src="/dist/translations/de.js"></script>
          <script type="module">
            const element = document.querySelector('sync-notify-button');
            await element.updateComplete;
            const first = element.shadowRoot.querySelector('button').textContent.trim();
            const loaded = performance.getEntriesByType('resource').map(({ name }) => new URL(name).pathname).sort();
            parent.postMessage({ report: { first, loaded } }, '*');
          </script>
        </body></html>`);
      expect(report.first).to.equal('Benachrichtigung senden');
      // The translation imports nothing: the element's file with its chunks, and its own.
      const { pages } = (await (await fetch('/dist/sizes.json')).json()) as { pages: Record<string, { files: string[] }> };
      expect(report.loaded).to.deep.equal([...pages['dist/sync-notify-button.js'].files.map((file) => `/${file}`), '/dist/translations/de.js'].sort());
    });

    it('translates elements already rendered when loaded later as a module, in right-to-left Hebrew', async () => {
      const report = await inFrame<{ before: string; after: string; direction: string }>(`
        <html lang="he" dir="rtl"><body>
          <sync-notify-button title="t" body="b"></sync-notify-button>
          <script type="module">
            await import('/dist/sync-notify-button.js');
            const element = document.querySelector('sync-notify-button');
            await element.updateComplete;
            const label = () => element.shadowRoot.querySelector('button').textContent.trim();
            const before = label();
            await import('/dist/translations/he.js');
            await element.updateComplete;
            const direction = getComputedStyle(element.shadowRoot.querySelector('[part="status"]')).direction;
            parent.postMessage({ report: { before, after: label(), direction } }, '*');
          </script>
        </body></html>`);
      expect(report).to.deep.equal({ before: 'Send notification', after: 'שליחת התראה', direction: 'rtl' });
    });

    it('translates an outbox element already rendered when loaded later', async () => {
      const report = await inFrame<{ before: string; after: string }>(`
        <html lang="de-AT"><body>
          <sync-notify-outbox></sync-notify-outbox>
          <script type="module">
            await import('/dist/sync-notify-outbox.js');
            const element = document.querySelector('sync-notify-outbox');
            await element.updateComplete;
            const empty = () => element.shadowRoot.querySelector('[part="empty"]').textContent.trim();
            const before = empty();
            await import('/dist/translations/de.js');
            await element.updateComplete;
            parent.postMessage({ report: { before, after: empty() } }, '*');
          </script>
        </body></html>`);
      expect(report).to.deep.equal({ before: englishOutboxMessages.empty, after: 'Es wartet nichts auf den Versand.' });
    });
  });
});
