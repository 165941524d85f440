/**
 * Defines `<sync-notify-button>` with API calls (`endpoint`) and forms: the entry of
 * `sync-notify-api-button.js`, for sites whose button also posts a message or sends a `<form>`.
 * Sites that only notify load `sync-notify-button.js`, which carries neither.
 */
// First: the element must find API calls switched on by its first click.
import './page/api-calls.js';
import { property } from 'lit/decorators.js';
import { customElement } from './page/define.js';
import { formProperty } from './page/form-body.js';
import { englishFormMessages } from './page/form-messages.js';
import type { SyncNotifyMessages } from './page/messages.js';
import { MAX_FORM_FILE_BYTES, type OutboxInput } from './page/validate.js';
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
 * @summary Send a notification, an API call or a form now, or as soon as the device is back online.
 */
@customElement('sync-notify-button')
export class SyncNotifyApiButton extends SyncNotifyButton {
  static formAssociated = true;

  /** Keeps what was typed in the form once it is queued. By default the form is reset, so that it is not sent twice. */
  @property({ attribute: 'keep-form', type: Boolean, reflect: true }) keepForm = false;

  /**
   * `submit` (default): in a POST form, the element sends the form. `button`: it only notifies, as
   * a native `<button type="button">` does nothing to its form.
   */
  @property({ attribute: 'type', reflect: true }) type: 'submit' | 'button' = 'submit';

  private readonly internals = this.attachInternals();

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

  /** The press of a form: its fields, to its `action` with its `method` (read as it is submitted). */
  protected override get authoredInput(): OutboxInput {
    const form = this.formPress;
    return form ? { ...super.authoredInput, form } : super.authoredInput;
  }

  /** Once queued, what was typed is in the outbox: the form pressed is reset, so that a second press does not send it again. */
  protected override enter(state: SyncNotifyState): void {
    super.enter(state);
    const form = this.formPress;
    if (state != 'queued' || !form) return;
    this.formPress = undefined;
    if (!this.keepForm) HTMLFormElement.prototype.reset.call(form);
  }

  /** A file the person chose is too large: their sentence, not the one for a setup mistake. */
  protected override get text(): SyncNotifyMessages {
    const text = { ...englishFormMessages, ...super.text };
    const problem = this.failure?.reason == 'invalid-input' ? this.failure.problem : undefined;
    return problem?.kind == 'too-large' && problem.field == 'files'
      ? { ...text, invalidInput: text.filesTooLarge!(MAX_FORM_FILE_BYTES / 1_000_000) }
      : text;
  }
}

/** The element whose press is submitting a form, while the form's `submit` event is dispatched. */
const pressedIn = new WeakMap<HTMLFormElement, SyncNotifyApiButton>();

/** The form's controls. */
const controlsOf = (form: HTMLFormElement): Element[] => [...formProperty(form, 'elements')];

/** The element as a page that loaded this file has it: `SyncNotifyButton` is this class here. */
export { SyncNotifyApiButton as SyncNotifyButton };
