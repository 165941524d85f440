// First: it must listen before Lit creates its Trusted Types policy.
import './page/trusted-types-hint.js';
import { LitElement, html, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { NotAcceptedProblem, RefusalProblem } from './shared/outbox-schema.js';
import { detectSupport, requestNotificationPermission, type Capability, type PermissionOutcome } from './page/capabilities.js';
import { needsHomeScreen } from './page/browser-family.js';
import { type Failure, type SyncNotifyErrorReason } from './page/failure.js';
import { developerHint } from './page/developer-hint.js';
import { describeFailure, englishMessages, type SyncNotifyMessages } from './page/messages.js';
import type { OutboxItem } from './page/outbox.js';
import { DEFAULT_MAX_AGE, DEFAULT_MAX_ITEMS, enqueue, type Admission } from './page/queue.js';
import { activeRegistration, resumeDelivery } from './page/request-delivery.js';
import { sayElementOwner } from './page/control.js';
import { pageOwner } from './page/owner-state.js';
import { emit, sentencesOf, type PressListener } from './page/element.js';
import { nearestLang } from './page/lang.js';
import type { InputProblem, OutboxInput } from './page/validate.js';
import { observeOutbox } from './page/observers.js';
import { notificationsAllowed, observeConnectivity, observePermission } from './page/button-observers.js';
import type { OutboxUpdate } from './page/watch-outbox.js';
import type { OutboxAnnouncement } from './shared/protocol.js';
import { styles } from './sync-notify-button.styles.js';

export type { SyncNotifyErrorReason } from './page/failure.js';

/** Where the element is: `idle` until clicked, then one of the outcomes. */
export type SyncNotifyState = 'idle' | 'working' | 'queued' | 'sent' | 'unsupported' | 'denied' | 'error';

export interface SyncNotifyQueuedDetail {
  /** The item as stored in the outbox. */
  item: OutboxItem;
  /**
   * Whether the browser keeps the outbox through storage clean-ups. Queued offline, the element
   * asks for it (`navigator.storage.persist()`); false in a private window, where it is gone
   * when the window closes, and wherever the browser declined.
   */
  persistent: boolean;
}

export interface SyncNotifyDeliveredDetail {
  /** The id of the delivered item, as in `sync-notify-queued`. */
  id: string;
}

export interface SyncNotifyErrorDetail {
  reason: SyncNotifyErrorReason;
  /** The sentence shown on screen. */
  message: string;
  /**
   * With `rejected`: the HTTP status the server answered (0 when the worker refused to send); with
   * `not-accepted`, the status of the page the form landed on (0 when that was on another site).
   */
  status?: number;
  /**
   * With `invalid-input`: what is wrong with the input; with `rejected` and status 0: why the worker
   * refused; with `not-accepted`: why the server did not accept the form (`sign-in`, `shown-again`,
   * `refused`, `no-answer`); with `outbox-full`, `bytes` where the item would take the outbox past its byte budget.
   */
  problem?: InputProblem | RefusalProblem | NotAcceptedProblem | 'worker-silent' | 'bytes';
  /** With `unsupported`: what the browser lacks. */
  missing?: Capability[];
}

export interface SyncNotifyEventMap {
  'sync-notify-queued': CustomEvent<SyncNotifyQueuedDetail>;
  'sync-notify-delivered': CustomEvent<SyncNotifyDeliveredDetail>;
  'sync-notify-cancelled': CustomEvent<SyncNotifyDeliveredDetail>;
  'sync-notify-error': CustomEvent<SyncNotifyErrorDetail>;
}

/** The properties the enqueue pipeline takes as they are; `lang`, `dir` and `summary` need a word first. */
const AUTHORED = [
  'title',
  'body',
  'icon',
  'badge',
  'tag',
  'url',
  'allowExternalUrl',
  'requireInteraction',
  'silent',
  'endpoint',
  'maxAge',
  'maxItems',
] as const;

/** The state a failure leaves the element in. */
const stateAfter = (reason: SyncNotifyErrorReason): SyncNotifyState =>
  reason === 'unsupported' || reason === 'install-required' ? 'unsupported' : reason.startsWith('permission-') ? 'denied' : 'error';

/**
 * A button that queues a notification in an IndexedDB outbox and has the site's service worker
 * show it: at once when online, and when the connection returns when offline.
 *
 * The base of both classes that define `<sync-notify-button>`, and never registered itself:
 * `SyncNotifyButton` (`sync-notify-button.ts`), which notifies, and `SyncNotifyApiButton`
 * (`sync-notify-api-button.ts`), which also sends API calls and forms. A page defines one.
 *
 * Support and the notification permission are checked on the click, never on load.
 *
 * @summary Send a notification now, or as soon as the device is back online.
 *
 * @slot - The button's label. Defaults to "Send notification".
 *
 * @fires {CustomEvent<SyncNotifyQueuedDetail>} sync-notify-queued - The notification is stored in the outbox.
 * @fires {CustomEvent<SyncNotifyDeliveredDetail>} sync-notify-delivered - A notification queued by this element was shown.
 * @fires {CustomEvent<SyncNotifyDeliveredDetail>} sync-notify-cancelled - An item queued by this element was taken back (`cancel`, `clearOutbox`) before it was sent.
 * @fires {CustomEvent<SyncNotifyErrorDetail>} sync-notify-error - Unsupported, permission refused, invalid input, storage or delivery failed, outbox full, request refused by the server, item expired.
 *
 * @csspart button - The native button.
 * @csspart status - The polite live region: queued, sent, items waiting.
 * @csspart error - The alert region: what went wrong and what to do.
 *
 * @cssprop [--sync-notify-gap=0.5rem] - Space between the button and the messages.
 * @cssprop [--sync-notify-button-background=#1a56db] - Button background.
 * @cssprop [--sync-notify-button-background-hover=#1e429f] - Button background on hover.
 * @cssprop [--sync-notify-button-color=#fff] - Button text colour.
 * @cssprop [--sync-notify-button-border=none] - Button border.
 * @cssprop [--sync-notify-button-radius=0.375em] - Button corner radius.
 * @cssprop [--sync-notify-button-padding=0.5em 1.25em] - Button padding.
 * @cssprop [--sync-notify-button-font=inherit] - Button font.
 * @cssprop [--sync-notify-focus-ring=3px solid #f59e0b] - Outline of the focused button.
 * @cssprop [--sync-notify-status-color=inherit] - Status text colour.
 * @cssprop [--sync-notify-error-color=light-dark(#b91c1c, #fca5a5)] - Error text colour, by the page's color-scheme.
 * @cssprop [--sync-notify-status-font-size=0.875em] - Size of the status and error text.
 *
 * @attr lang - The language of the notification and of the element's sentences (from a registered translation); defaults to the nearest `lang` in the page.
 * @attr dir - The notification's direction: `auto`, `ltr` or `rtl`.
 */
export class SyncNotifyButtonBase extends LitElement {
  static override styles: CSSResultGroup = styles;

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The notification's title. Required. */
  @property({ attribute: 'title', reflect: true }) override title = '';

  /** The notification's text. Required. */
  @property({ attribute: 'body', reflect: true }) body = '';

  /** URL of the notification's image. */
  @property({ attribute: 'icon', reflect: true }) icon?: string;

  /** URL of the small monochrome image shown where there is no room for the icon (Android). */
  @property({ attribute: 'badge', reflect: true }) badge?: string;

  /** A notification with the same tag replaces this one. Defaults to one tag per click. */
  @property({ attribute: 'tag', reflect: true }) tag?: string;

  /** Opened, or focused when already open, when the notification is clicked: a page of this site, unless `allow-external-url`. */
  @property({ attribute: 'url', reflect: true }) url?: string;

  /** Allows a `url` on another origin: the notification then opens a page the site does not serve. */
  @property({ attribute: 'allow-external-url', type: Boolean, reflect: true }) allowExternalUrl = false;

  /** Keeps the notification on screen until the user acts on it. */
  @property({ attribute: 'require-interaction', type: Boolean, reflect: true }) requireInteraction = false;

  /** Shows the notification without sound or vibration. */
  @property({ attribute: 'silent', type: Boolean, reflect: true }) silent = false;

  /**
   * Several notifications delivered together (after being offline) are shown as one summary,
   * for desktop browsers that show one at a time.
   */
  @property({ attribute: 'summary', type: Boolean, reflect: true }) summary = false;

  /**
   * Makes the click an API call as well: the worker sends `{ title, body, data }` as JSON to this
   * URL when online (same-origin unless `allow-cross-origin`), and notifies once it was accepted.
   * The element of `sync-notify-api-button.js` does, with the API call's other settings; this one
   * refuses the click, and the console says which file to load.
   */
  @property({ attribute: 'endpoint', reflect: true }) endpoint?: string;

  /** Seconds a queued item may wait; older ones are dropped undelivered. Default 86400 (24 h). */
  @property({ attribute: 'max-age', type: Number, reflect: true }) maxAge = DEFAULT_MAX_AGE;

  /** Items the site's outbox may hold; a click beyond is refused, and nothing queued is lost. */
  @property({ attribute: 'max-items', type: Number, reflect: true }) maxItems = DEFAULT_MAX_ITEMS;

  /**
   * Who is signed in (an id of the site's choosing). Declared for the page's app when the element
   * connects or it changes (as `setOwner`; removed or emptied: signed out), unless the page's
   * `<meta name="sync-notify-owner">` says it; recorded with every item it queues (without it, the
   * owner the page declared): those are shown and sent only to that owner, never under another
   * user's session.
   */
  @property({ attribute: 'owner', reflect: true }) owner?: string;

  /** Where the element is; read-only, reflected for host CSS (`sync-notify-button[state='error']`). */
  @property({ attribute: 'state', reflect: true }) state: SyncNotifyState = 'idle';

  /** Why the element is in `unsupported`, `denied` or `error`; read-only. */
  @property({ attribute: 'reason', reflect: true }) reason?: SyncNotifyErrorReason;

  /** How many notifications of this site wait in the outbox (all buttons' together); read-only. */
  @property({ attribute: 'pending', type: Number, reflect: true }) pending = 0;

  /** Replaces any of the sentences the element shows, in whatever language it speaks. */
  @property({ attribute: false }) messages: Partial<SyncNotifyMessages> = {};

  @state() protected failure?: Failure;

  /** A disabled `<fieldset>` around the element (or its `disabled` attribute), as the browser says to an element of a form. */
  @state() protected disabledByForm = false;

  /** The item the status line is about: its own title, whichever click came since. */
  @state() private note?: { title: string; outcome?: 'sent' | 'cancelled' };

  /** Items this element queued whose delivery it still reports, with their titles. */
  private readonly trackedItems = new Map<string, string>();

  /** Controllers told of each press's outcome before the page hears it (the form submitter). */
  protected readonly pressListeners: PressListener[] = [];

  /** Whether the browser says it is online: what the status line says of an item queued, and whether a press asks to keep storage. */
  @state() private online = true;

  constructor() {
    super();
    // Every announcement of the site's outbox, and the count of what waits, while connected.
    observeOutbox(this, this.onOutboxUpdate);
    observeConnectivity(this, (online) => (this.online = online));
    // Allowed again in the site settings: no reload needed, the next press asks or queues.
    observePermission(this, () => this.state === 'denied' && Notification.permission !== 'denied' && this.enter('idle'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Before the page asks for delivery, which tells the worker who is signed in.
    sayElementOwner(this.owner, undefined);
    void resumeDelivery();
  }

  /** Not in willUpdate: that runs on a server rendering the element too, which has no outbox. */
  override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('owner')) sayElementOwner(this.owner, changed.get('owner') as string | undefined);
  }

  override render() {
    const working = this.state === 'working';
    return html`
      <button part="button" type="button" aria-busy=${working} aria-describedby="status error" ?disabled=${this.disabledByForm} @click=${this.handleClick}>
        <slot>${this.text.buttonLabel}</slot>
      </button>
      <p part="status" id="status" role="status">${this.statusMessage()}</p>
      <p part="error" id="error" role="alert">${this.failure ? this.describe(this.failure) : ''}</p>
    `;
  }

  /**
   * Each sentence from the author's `messages`, else from the translation registered for the
   * element's language (the modules of translations/ install the hook), else English.
   */
  protected get text(): SyncNotifyMessages {
    return sentencesOf(this, englishMessages);
  }

  /** The sentence on screen for a failure. */
  protected describe(failure: Failure): string {
    return describeFailure(failure, this.text);
  }

  /**
   * What this button's last press came to, and then how many of the site's items wait: said only
   * by a button that queued one itself, so a button never pressed never speaks of others' items.
   */
  private statusMessage(): string {
    const { text, note } = this;
    if (this.state === 'working') return text.working;
    if (!note) return '';
    const waiting = this.pending > 0 && !this.online ? ` ${text.pending(this.pending)}` : '';
    return (note.outcome ? text[note.outcome] : this.online ? text.queuedOnline : text.queuedOffline)(note.title) + waiting;
  }

  /** Who is signed in, for the items this element queues: its `owner`, else whoever the page says. */
  protected get signedIn(): string | undefined {
    return this.owner || pageOwner()?.owner || undefined;
  }

  /** What the author set, as the pipeline takes it. */
  protected get authoredInput(): OutboxInput {
    return {
      ...(Object.fromEntries(AUTHORED.map((name) => [name, this[name]])) as Pick<SyncNotifyButtonBase, (typeof AUTHORED)[number]>),
      owner: this.signedIn,
      // The page's language applies unless the element sets its own.
      lang: nearestLang(this),
      dir: this.getAttribute('dir'),
      summary: this.summary ? this.text.summaryTitle : undefined,
    };
  }

  /**
   * Every press queues an item, also while an earlier one is being stored: a send button that
   * swallowed quick presses would lose messages without a word.
   */
  protected async handleClick(): Promise<void> {
    // Offline, the item must outlive this page: the browser is asked to keep it while it is stored.
    const queued = await enqueue(this.authoredInput, () => this.admit(), !this.online);
    if (!queued.ok) return this.fail(queued.failure);
    const { item, persistent } = queued;
    // Tracked at once: online, the worker is asked to deliver as soon as the item committed.
    this.trackedItems.set(item.id, item.notification.title);
    this.note = { title: item.notification.title };
    this.enter('queued');
    for (const listener of this.pressListeners) listener.queued?.(item.id);
    emit(this, 'sync-notify-queued', { item, persistent });
    // This press's own request: another button's answer says nothing about this one.
    const { answered } = await queued.delivery;
    // "Sending now" would be false: the site's worker lacks the line that delivers. The item stays.
    if (!(await answered) && this.trackedItems.has(item.id)) {
      this.note = undefined;
      this.fail({ reason: 'delivery-failed', problem: 'worker-silent' });
    }
  }

  /** The checks between a valid input and the outbox: support, then permission, then the worker. */
  private async admit(): Promise<Admission> {
    const { missing } = detectSupport();
    // On an iPhone, in a tab: not unsupported, but one step away.
    if (missing.join() === 'notifications' && needsHomeScreen()) return { reason: 'install-required' };
    if (missing.length) return { reason: 'unsupported', missing };
    // Asked before any other await: Safari drops the user gesture, and so the prompt, after one.
    const permission = notificationsAllowed() ? Promise.resolve<PermissionOutcome>('granted') : requestNotificationPermission();
    this.note = undefined;
    this.enter('working');
    const outcome = await permission;
    if (outcome !== 'granted') return { reason: outcome === 'denied' ? 'permission-denied' : 'permission-dismissed' };
    return (await activeRegistration().catch(() => undefined)) ?? { reason: 'no-service-worker' };
  }

  private readonly onOutboxUpdate = ({ announcement, pending }: OutboxUpdate): void => {
    if (pending !== undefined) this.pending = pending;
    if (!announcement) return;
    const { id } = announcement;
    const title = this.trackedItems.get(id);
    if (title === undefined) return;
    if (announcement.type === 'delivery-failed') return this.fail({ reason: 'delivery-failed' });
    if (announcement.type === 'delivered' || announcement.type === 'cancelled') {
      const sent = announcement.type === 'delivered';
      this.trackedItems.delete(id);
      this.note = { title, outcome: sent ? 'sent' : 'cancelled' };
      // A failure of a later click stays on screen: this outcome does not undo it.
      if (!this.failure && this.state !== 'working') this.state = sent ? 'sent' : 'idle';
      emit(this, sent ? 'sync-notify-delivered' : 'sync-notify-cancelled', { id });
    } else if (announcement.type === 'rejected' || announcement.type === 'not-accepted' || announcement.type === 'expired') {
      // Dropped from the queue, the failure says why (a form not accepted is kept, to be sent again),
      // and the status line no longer says it is on its way.
      this.trackedItems.delete(id);
      if (this.note?.title == title && !this.note.outcome) this.note = undefined;
      const { type, status, problem } = announcement as Partial<Extract<OutboxAnnouncement, { type: 'rejected' }>>;
      this.fail({ reason: type, status, problem } as Failure);
    }
  };

  protected enter(state: SyncNotifyState): void {
    this.state = state;
    this.reason = undefined;
    this.failure = undefined;
  }

  protected fail(failure: Failure): void {
    this.state = stateAfter(failure.reason);
    this.reason = failure.reason;
    this.failure = failure;
    const hint = developerHint(failure);
    // For the developer, who can fix it; the person at the keyboard reads the sentence on screen.
    if (hint) console.error('<sync-notify-button>:', ...hint, this);
    for (const listener of this.pressListeners) listener.failed?.(failure);
    const { reason, ...details } = failure;
    emit(this, 'sync-notify-error', { reason, message: this.describe(failure), ...details });
  }
}

/**
 * The classes that define `<sync-notify-button>` in this program: the element file with API calls
 * adds its own (`api`, in sync-notify-api-button.ts), so that a program with either element file,
 * or both, sees one declaration of the tag.
 */
export interface SyncNotifyButtonClasses {
  base: SyncNotifyButtonBase;
}

/** The class of `<sync-notify-button>` in this program: the element with API calls where its file is, else the one that notifies. */
export type SyncNotifyButtonTag = SyncNotifyButtonClasses extends { api: infer Api } ? Api : SyncNotifyButtonClasses['base'];

declare global {
  interface HTMLElementTagNameMap {
    'sync-notify-button': SyncNotifyButtonTag;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the events into the DOM's map
  interface HTMLElementEventMap extends SyncNotifyEventMap {}
}
