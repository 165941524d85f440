/**
 * Defines `<sync-notify-button>` with API calls (`endpoint`) and forms: the entry of
 * `sync-notify-api-button.js`, for sites whose button also posts a message or sends a `<form>`.
 * Sites that only notify load `sync-notify-button.js`, which carries neither.
 */
// First: the element must find API calls switched on by its first click.
import './page/api-calls.js';
import { html } from 'lit';
import { css } from './page/css.js';
import { property, state } from 'lit/decorators.js';
import { dismissFailure, sayMarkupOwner } from './page/control.js';
import { customElement } from './page/define.js';
import type { Failure } from './page/failure.js';
import { formProperty } from './page/form-body.js';
import { englishFormMessages, type SyncNotifyFormMessages } from './page/form-messages.js';
import { keptFormFor, putBack, type KeptForm } from './page/form-recovery.js';
import { watchOutbox } from './page/watch-outbox.js';
import type { SyncNotifyMessages } from './page/messages.js';
import { INVALID_JSON, MAX_FORM_FILE_BYTES, type OutboxInput } from './page/validate.js';
import { SyncNotifyButton, type SyncNotifyState } from './sync-notify-button.component.js';

export * from './sync-notify-button.component.js';

/** Inputs in which Enter submits their form (HTML: the fields that block implicit submission). */
const SUBMITTING_INPUTS = /^(text|search|url|tel|email|password|date|month|week|time|datetime-local|number)$/;

const isSubmitButton = (control: Element) =>
  (control instanceof HTMLButtonElement || control instanceof HTMLInputElement) && (control.type == 'submit' || control.type == 'image');

/**
 * `<sync-notify-button>` that also sends API calls (`endpoint`) and forms. Inside a POST `<form>`,
 * or tied to one by the `form` attribute as a native button is, and without an `endpoint` of its
 * own (which then says what to send) or `type="button"`, it is the form's send button: a press
 * (or Enter in one of the form's fields) runs the form's constraint validation, then queues its
 * fields for its `action`, as its `enctype` encodes them, and the page stays where it is. The
 * worker sends them when online, exactly once (the item's id is the Idempotency-Key); the
 * notification confirms it. The form is reset once queued, unless `keep-form`.
 *
 * "Sent" means the server accepted it: a post that lands on the site's sign-in page, or on the same
 * form shown again, is kept with what was typed (`sync-notify-error`, reason `not-accepted`). The
 * element on the form's page puts it back into the form: at once where the server showed the form
 * again; where the session ended, once the page is opened again (signed in), and sends it with the
 * page's fresh hidden fields when the page declares the same `owner`; for a site without owners,
 * on the person's press ("Put it back in the form"). Its Idempotency-Key stays the same.
 *
 * @summary Send a notification, an API call or a form now, or as soon as the device is back online.
 *
 * @csspart kept - A form sent earlier that the server did not accept: what happened to it.
 * @csspart put-back - The button that puts what was typed back into the form.
 * @csspart discard - The button that discards it.
 */
@customElement('sync-notify-button')
export class SyncNotifyApiButton extends SyncNotifyButton {
  static formAssociated = true;

  /** HTTP method of the API call: POST (default), PUT or PATCH. */
  @property({ attribute: 'method', reflect: true }) method?: string;

  /** Allows an `endpoint` on another origin (it must answer CORS). */
  @property({ attribute: 'allow-cross-origin', type: Boolean, reflect: true }) allowCrossOrigin = false;

  /** Sent as `data` in the API call's JSON body. The attribute takes JSON; anything else is refused at the click. */
  @property({ attribute: 'data', converter: (value) => parseJson(value) }) data?: unknown;

  /** Seconds an API call may take before it is abandoned and retried later. Default 30. */
  @property({ attribute: 'request-timeout', type: Number, reflect: true }) requestTimeout?: number;

  /** Extra headers for the API call: Accept, Accept-Language, Content-Language and X-… only. */
  @property({ attribute: false }) headers?: Record<string, string>;

  /** Keeps what was typed in the form once it is queued. By default the form is reset, so that it is not sent twice. */
  @property({ attribute: 'keep-form', type: Boolean, reflect: true }) keepForm = false;

  /**
   * `submit` (default): in a POST form, the element sends the form. `button`: it only notifies, as
   * a native `<button type="button">` does nothing to its form.
   */
  @property({ attribute: 'type', reflect: true }) type: 'submit' | 'button' = 'submit';

  /**
   * The site's sign-in page, where the default rule does not know it: a form whose post lands there
   * was not accepted, and the person is asked to sign in again. On the page's origin.
   */
  @property({ attribute: 'sign-in-url', reflect: true }) signInUrl?: string;

  /**
   * The page a form's post lands on when the server took it, where the default rule misjudges it
   * (a success page that shows the same form filled in, say). On the page's origin.
   */
  @property({ attribute: 'success-url', reflect: true }) successUrl?: string;

  static override styles = [
    SyncNotifyButton.styles,
    css`
      [part='kept'],
      [part='put-back'],
      [part='discard'] {
        margin: 0;
        font: inherit;
        font-size: var(--sync-notify-status-font-size, 0.875em);
      }

      [part='put-back'] {
        margin-inline-end: 0.5em;
      }
    `,
  ];

  private readonly internals = this.attachInternals();

  /** A form this form sent earlier that the server did not accept, and whether it is back in the form. */
  @state() private kept?: { form: KeptForm; restored: boolean };

  /** The kept form that the form now holds again: the next press sends it again, with its id. */
  private resending?: string;

  /**
   * The items this element queued: one the server refuses goes back into its form only where the
   * server showed it again, never sent again from here with the hidden fields it refused.
   */
  private readonly pressedHere = new Set<string>();

  /** The form this element's latest press is sending: read as it is submitted, reset once stored. */
  private formPress?: HTMLFormElement;

  /** A disabled `<fieldset>` around the element (or its `disabled` attribute), as the browser says. */
  private disabledByForm = false;

  private windowListeners?: AbortController;

  /** The form this element belongs to, as a native button's `form`: its ancestor, or the one its `form` attribute names. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /**
   * The form a press sends: the element's own when it is a POST form. Not a search (GET) or a dialog
   * form, whose submission is the page's own; not with an `endpoint`, which says what to send (an
   * API-call button laid out in a form), nor with `type="button"`. Otherwise the element notifies, as
   * it did before it sent forms.
   */
  private get sentForm(): HTMLFormElement | null {
    const { form } = this;
    return form && !this.endpoint && this.type != 'button' && formProperty(form, 'method') == 'post' ? form : null;
  }

  /** The form's first element that sends it, as the first submit button is a form's default one. */
  private static firstSender(form: HTMLFormElement): Element | undefined {
    return controlsOf(form).find((control) => control instanceof SyncNotifyApiButton && control.sentForm == form);
  }

  /**
   * Listens on the window, after every listener of the page: a site's own `submit` or Enter handler,
   * wherever it was added and whenever, can cancel the event, and is obeyed.
   */
  override connectedCallback(): void {
    super.connectedCallback();
    const { signal } = (this.windowListeners = new AbortController());
    addEventListener('submit', this.onSubmit, { signal });
    addEventListener('keydown', this.onKeydown, { signal });
    // Once the page is parsed, so that its form holds every field: a module script runs after that.
    if (document.readyState == 'loading') addEventListener('DOMContentLoaded', () => void this.findKeptForm(), { signal, once: true });
    else void this.findKeptForm();
    this.addEventListener('sync-notify-queued', ({ detail }) => this.pressedHere.add(detail.item.id), { signal });
    // One that another page sent, refused while this one is open: this one was rendered since.
    const stopWatching = watchOutbox(({ announcement }) => {
      if (announcement?.type == 'not-accepted' && !this.pressedHere.has(announcement.id)) void this.findKeptForm();
    });
    signal.addEventListener('abort', stopWatching);
  }

  /**
   * A form this form sent that the server did not accept, found as the page opens, or as another
   * page's is refused while it is open: this page was rendered for whoever is signed in now, with
   * its own hidden fields. For the same declared `owner`, what was typed goes back
   * into the form, and one refused for its session or its token is sent again at once with the
   * page's fresh fields, once: refused again, or shown again by the server for the person to
   * correct, it waits in the form for their press. Where neither declares an owner, the page cannot
   * tell who is signed in: the person is offered it.
   */
  private async findKeptForm(): Promise<void> {
    const form = this.sentForm;
    const kept = form && (await keptFormFor(form, this.signedIn).catch(() => undefined));
    if (!kept || this.resending) return;
    if (!kept.owner) return void (this.kept = { form: kept, restored: false });
    this.restore(kept);
    // Not one the server may hold already (`no-answer`), nor one to correct (`shown-again`).
    if ((kept.problem == 'sign-in' || kept.problem == 'refused') && !kept.request.resent) void this.handleClick();
  }

  /** Puts a kept form back into the form, which the next press then sends again. */
  private restore(kept: KeptForm): void {
    const form = this.sentForm;
    if (!form) return;
    putBack(form, kept);
    this.resending = kept.id;
    this.kept = { form: kept, restored: true };
  }

  /** The person discards a kept form: it is gone from their outbox too. */
  private async discard(kept: KeptForm): Promise<void> {
    this.kept = undefined;
    await dismissFailure(kept.id);
  }

  override render() {
    const { kept, text } = this;
    return html`${super.render()}${kept
      ? html`<p part="kept" role="status">${kept.restored ? text.restored : text.keptForm}</p>
          ${kept.restored
            ? ''
            : html`<span
                ><button part="put-back" type="button" @click=${() => this.restore(kept.form)}>${text.putBack}</button
                ><button part="discard" type="button" @click=${() => this.discard(kept.form)}>${text.discardKept}</button></span
              >`}`
      : ''}`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.windowListeners?.abort();
  }

  /** Called by the browser as a disabled fieldset around the element comes or goes. */
  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
    this.requestUpdate();
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    // Not bound in the template: the plain element's file does not carry forms.
    this.renderRoot.querySelector('button')!.disabled = this.disabledByForm;
  }

  /**
   * In a form, a press submits it: `requestSubmit()` checks the form's constraints (an invalid form
   * shows the browser's own messages and queues nothing), then fires its `submit` event, which
   * {@link onSubmit} answers. Synchronously: a permission prompt must stay within the press.
   */
  protected override async handleClick(): Promise<void> {
    const form = this.sentForm;
    if (!form) {
      this.formPress = undefined;
      return super.handleClick();
    }
    if (this.disabledByForm) return;
    pressedIn.set(form, this);
    try {
      // From the prototype: a field named `requestSubmit` hides the form's own method.
      HTMLFormElement.prototype.requestSubmit.call(form);
    } finally {
      pressedIn.delete(form);
    }
  }

  /**
   * The form's submission, taken over: its fields go to the outbox instead of a page load. Answered
   * by the element pressed, or, for Enter or the site's own `requestSubmit()`, by the form's first
   * sending element: never by two. A submit button of the site's own (the event's `submitter`) keeps
   * its native submission, and a listener of the site's that cancelled the submission is obeyed.
   */
  private readonly onSubmit = (event: SubmitEvent): void => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form != this.sentForm || event.submitter || event.defaultPrevented) return;
    if ((pressedIn.get(form) ?? SyncNotifyApiButton.firstSender(form)) != this) return;
    event.preventDefault();
    // A second press while the first is still being stored would queue the same fields twice.
    if (this.state == 'working' || this.disabledByForm) return;
    this.formPress = form;
    void super.handleClick();
  };

  /**
   * Enter in a text field submits its form, as it does for a form's default button. Only where the
   * form has no submit button of its own (then Enter is that button's), and only by the form's first
   * sending element.
   */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    const { target } = event;
    if (event.key != 'Enter' || event.defaultPrevented || event.isComposing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (!(target instanceof HTMLInputElement) || !SUBMITTING_INPUTS.test(target.type)) return;
    const { form } = target;
    if (!form || form != this.sentForm || controlsOf(form).some(isSubmitButton) || SyncNotifyApiButton.firstSender(form) != this) return;
    event.preventDefault();
    void this.handleClick();
  };

  /**
   * What the author set, the API call's settings too; for the press of a form, its fields, to its
   * `action` with its `method` (read as it is submitted), and the kept form it sends again, if any.
   */
  protected override get authoredInput(): OutboxInput {
    const { formPress: form, method, headers, data, allowCrossOrigin, requestTimeout, signInUrl, successUrl, resending } = this;
    const input = { ...super.authoredInput, method, headers, data, allowCrossOrigin, requestTimeout };
    return form ? { ...input, form, signInUrl, successUrl, resendOf: resending } : input;
  }

  /**
   * Once queued, what was typed is in the outbox: the form pressed is reset, so that a second press
   * does not send it again, and a kept form it held is queued again.
   */
  protected override enter(state: SyncNotifyState): void {
    super.enter(state);
    const form = this.formPress;
    if (state != 'queued' || !form) return;
    this.formPress = this.resending = this.kept = undefined;
    if (!this.keepForm) HTMLFormElement.prototype.reset.call(form);
  }

  /**
   * A form the server did not accept, pressed on this page: one it showed again goes back into the
   * form at once, as typed, for the person to correct. One refused for its session or token waits
   * for the page to be opened again: this page's hidden fields are the refused ones.
   */
  protected override fail(failure: Failure): void {
    super.fail(failure);
    const form = this.sentForm;
    if (form && failure.reason == 'not-accepted' && failure.problem == 'shown-again') {
      void keptFormFor(form, this.signedIn).then((kept) => kept && this.restore(kept), () => undefined);
    }
  }

  /** The person's own sentences for what concerns forms: their files too large, a form not accepted. */
  protected override describe(failure: Failure): string {
    const { text } = this;
    if (failure.reason == 'not-accepted') return text.notAccepted(failure.problem);
    if (failure.reason == 'outbox-full' && failure.problem) return text.noRoom;
    return failure.reason == 'invalid-input' && failure.problem.kind == 'too-large' && failure.problem.field == 'files'
      ? text.filesTooLarge(MAX_FORM_FILE_BYTES / 1_000_000)
      : super.describe(failure);
  }

  protected override get text(): SyncNotifyMessages & SyncNotifyFormMessages {
    return { ...englishFormMessages, ...super.text } as SyncNotifyMessages & SyncNotifyFormMessages;
  }
}

/** The `data` attribute's JSON; a marker for text that is not JSON, so the click refuses it. */
function parseJson(value: string | null): unknown {
  try {
    return value === null ? undefined : JSON.parse(value);
  } catch {
    return INVALID_JSON;
  }
}

sayMarkupOwner();

/** The element whose press is submitting a form, while the form's `submit` event is dispatched. */
const pressedIn = new WeakMap<HTMLFormElement, SyncNotifyApiButton>();

/** The form's controls. */
const controlsOf = (form: HTMLFormElement): Element[] => [...formProperty(form, 'elements')];

/** The element as a page that loaded this file has it: `SyncNotifyButton` is this class here. */
export { SyncNotifyApiButton as SyncNotifyButton };
