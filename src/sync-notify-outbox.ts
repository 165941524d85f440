// First: it must listen before Lit creates its Trusted Types policy.
import './page/trusted-types-hint.js';
// Lists and retries API calls: their records checked in full.
import './shared/api-call-record.js';
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from './page/define.js';
import type { NotAcceptedProblem, OutboxFailure, OutboxItem } from './shared/outbox-schema.js';
import type { OutboxAnnouncement } from './shared/protocol.js';
import { coalesce } from './shared/coalesce.js';
import { clearOutbox, inScope, ownedBy, ownScope, sayMarkupOwner, signedInOwner } from './page/control.js';
import { cancel, type CancelOutcome, type RetryOutcome, retryNow } from './page/item-actions.js';
import { dismissFailure, type DismissOutcome } from './page/dismiss.js';
import { OWNER_CHANGE } from './page/owner-state.js';
import { emit, sentencesOf } from './page/element.js';
import { nearestLang } from './page/lang.js';
import { englishOutboxMessages, type SyncNotifyOutboxMessages } from './page/outbox-messages.js';
import { listFailures, listItems } from './page/outbox-list.js';
import { observeOutbox, WhileConnected } from './page/observers.js';
import type { OutboxUpdate } from './page/watch-outbox.js';
import { styles } from './sync-notify-outbox.styles.js';

export interface SyncNotifyOutboxActionDetail {
  /** The item's or the failure's id. */
  id: string;
  /** What the action did. */
  outcome: SyncNotifyOutboxOutcome;
}

/** What Cancel, Retry now or Dismiss came to. */
export type SyncNotifyOutboxOutcome = CancelOutcome | RetryOutcome | DismissOutcome;

export interface SyncNotifyOutboxEventMap {
  'sync-notify-outbox-action': CustomEvent<SyncNotifyOutboxActionDetail>;
}

/** Refusals that the same request, sent again unchanged, cannot get past: no "Retry now" for them. */
const FINAL_REFUSALS = [0, 400, 405, 413, 414, 415, 422];

/**
 * A form's page to link to, when it is a page of this site: the record is read back from a shared
 * database, and a link must never run script (`javascript:`) or lead elsewhere.
 */
function sameOriginPage(url: string | undefined): string | undefined {
  try {
    return url && new URL(url).origin == location.origin ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What waits in the site's outbox, for the person at the keyboard: each item's title, when it was
 * queued and its state, with a Cancel button while it waits, and Dismiss (and Retry now, where a
 * retry can succeed) once it was rejected or expired. A form the server did not accept (its
 * session had ended, its validation showed it again) links to its page, where it is sent again. It follows the outbox live, in this tab and
 * others, and says each change politely.
 *
 * @summary The site's outbox: what waits, what failed, and the means to take it back.
 *
 * It shows and acts on its own app's items (the page's service-worker registration's scope) unless
 * its `scope` says otherwise: another scope, or `all` for every app of the origin; and on the
 * signed-in person's (and nobody's), unless its `owners` is `all`.
 *
 * @fires {CustomEvent<SyncNotifyOutboxActionDetail>} sync-notify-outbox-action - The person used Cancel, Retry now or Dismiss; `outcome` is what it did.
 *
 * @csspart list - The list of items.
 * @csspart item - One item (also `waiting` or `failed`).
 * @csspart title - An item's title.
 * @csspart state - What is happening to it.
 * @csspart time - When it was queued.
 * @csspart actions - Its buttons.
 * @csspart open-form - The link to the page of a form the server did not accept, where it is sent again.
 * @csspart empty - The line shown when nothing waits.
 *
 * @cssprop [--sync-notify-outbox-divider=light-dark(#d1d5db, #4b5563)] - The line between items.
 * @cssprop [--sync-notify-error-color=light-dark(#b91c1c, #fca5a5)] - The state of a failed item.
 * @cssprop [--sync-notify-focus-ring=3px solid #f59e0b] - Outline of a focused button.
 */
@customElement('sync-notify-outbox')
export class SyncNotifyOutbox extends LitElement {
  static override styles = styles;

  /** Replaces any of the sentences the element shows, translated or not. */
  @property({ attribute: false }) messages: Partial<SyncNotifyOutboxMessages> = {};

  /**
   * Which app's items it shows and acts on: a registration scope, or `all` for every app of the
   * origin. Default: the page's own registration's.
   */
  @property({ attribute: 'scope', reflect: true }) scope?: string;

  /**
   * Whose items it shows and acts on: by default the signed-in person's (as the page says, else as
   * last declared for the app) and nobody's; `all`: everyone's, those held for others too.
   */
  @property({ attribute: 'owners', reflect: true }) owners?: 'all';

  @state() private items: OutboxItem[] = [];

  @state() private failures: OutboxFailure[] = [];

  /** The last change, said politely. */
  @state() private announcement = '';

  constructor() {
    super();
    // Every announcement of the site's outbox, while connected.
    observeOutbox(this, this.onOutboxUpdate);
    // Someone else signed in on this page: their items, not the last person's.
    new WhileConnected(this, (signal) => addEventListener(OWNER_CHANGE, () => void this.read(), { signal }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.read();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A scope set after the first render: the list is read again for it.
    if ((changed.has('scope') || changed.has('owners')) && this.hasUpdated) void this.read();
  }

  /**
   * Sign-out from the element: discards what waits and what failed in the scope it shows (as
   * `clearOutbox`). Resolves with how many items and failures were discarded.
   */
  async clear(): Promise<{ items: number; failures: number }> {
    return clearOutbox({ scope: this.scope, owners: this.owners });
  }

  private get text(): SyncNotifyOutboxMessages {
    return sentencesOf(this, englishOutboxMessages, 'outbox');
  }

  /** The language of its times: the element's own, or the nearest in the page. */
  private time(at: number): string {
    return new Intl.DateTimeFormat(nearestLang(this), { timeStyle: 'short' }).format(at);
  }

  override render() {
    const { text, items, failures } = this;
    return html`
      ${items.length || failures.length
        ? html`<ul part="list" aria-label=${text.label}>
            ${items.map((item) => this.renderItem(item))} ${failures.map((failure) => this.renderFailure(failure))}
          </ul>`
        : html`<p part="empty">${text.empty}</p>`}
      <p class="announcement" role="status">${this.announcement}</p>
    `;
  }

  private renderItem(item: OutboxItem) {
    const { text } = this;
    const retrying = item.retryAt && item.retryAt > Date.now();
    return html`<li part="item waiting">
      <span part="title">${item.notification.title}</span>
      <span part="state">${retrying ? text.retryingAt(this.time(item.retryAt!)) : text.waiting}</span>
      <time part="time" datetime=${new Date(item.queuedAt).toISOString()}>${text.queuedAt(this.time(item.queuedAt))}</time>
      <span part="actions">
        ${retrying ? this.renderAction(item, text.retryNow, retryNow) : ''} ${this.renderAction(item, text.cancel, cancel)}
      </span>
    </li>`;
  }

  private renderFailure(failure: OutboxFailure) {
    const { text } = this;
    const title = failure.notification?.title ?? text.unreadable;
    const { reason, status = 0, problem } = failure;
    // A form the server did not accept goes again from its page, which renders its fields fresh (a
    // CSRF token): sent again from here, it would carry the refused ones.
    const notAccepted = reason === 'not-accepted';
    // One that never showed (its permission taken back, say) may once allowed again.
    const retryable = reason === 'expired' || problem === 'unshowable' || (!notAccepted && !FINAL_REFUSALS.includes(status));
    const formPage = notAccepted ? sameOriginPage(failure.request?.formPage) : undefined;
    return html`<li part="item failed">
      <span part="title">${title}</span>
      <span part="state"
        >${notAccepted ? text.notAccepted(problem as NotAcceptedProblem) : reason === 'expired' ? text.expired : text.rejected(status)}</span
      >
      <span part="actions">
        ${formPage ? html`<a part="open-form" href=${formPage} aria-label=${`${text.openForm}: ${title}`}>${text.openForm}</a>` : ''}
        ${retryable ? this.renderAction(failure, text.retryNow, retryNow) : ''} ${this.renderAction(failure, text.dismiss, dismissFailure)}
      </span>
    </li>`;
  }

  /** One of an entry's buttons: named with the entry's title too, since every row has the same buttons. */
  private renderAction({ id, notification }: OutboxItem | OutboxFailure, label: string, action: (id: string) => Promise<SyncNotifyOutboxOutcome>) {
    const title = notification?.title ?? this.text.unreadable;
    return html`<button type="button" aria-label=${`${label}: ${title}`} @click=${() => this.act(id, action)}>${label}</button>`;
  }

  private async act(id: string, action: (id: string) => Promise<SyncNotifyOutboxOutcome>): Promise<void> {
    const outcome = await action(id);
    emit(this, 'sync-notify-outbox-action', { id, outcome });
  }

  /** Reads the outbox again: a burst of announcements (a reconnect delivering 100 items) costs two reads. */
  private readonly read = coalesce(async () => {
    try {
      const scope = await ownScope(this.scope);
      const [items, failures, owner] = await Promise.all([listItems(), listFailures(), signedInOwner(scope)]);
      const listed = (entry: OutboxItem | OutboxFailure) => inScope(scope, entry) && (this.owners == 'all' || ownedBy(owner, entry));
      this.items = items.filter(listed);
      this.failures = failures.filter(listed);
    } catch {
      // No outbox here (a private window that refuses storage): nothing to list.
    }
  });

  private readonly onOutboxUpdate = ({ announcement }: OutboxUpdate): void => {
    if (!announcement) return;
    const said = this.sentence(announcement);
    void this.read().then(() => said && (this.announcement = said));
  };

  private sentence({ type, id }: OutboxAnnouncement): string | undefined {
    const entry = [...this.items, ...this.failures].find((candidate) => candidate.id === id);
    if (!entry) return undefined;
    const title = entry.notification?.title ?? this.text.unreadable;
    const { text } = this;
    if (type === 'cancelled') return text.cancelled(title);
    if (type === 'delivered') return text.sent(title);
    if (type === 'dismissed') return text.dismissed(title);
    return undefined;
  }
}

sayMarkupOwner();

declare global {
  interface HTMLElementTagNameMap {
    'sync-notify-outbox': SyncNotifyOutbox;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the event into the DOM's map
  interface HTMLElementEventMap extends SyncNotifyOutboxEventMap {}
}
