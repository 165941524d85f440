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
 * `<sync-notify-button>` that also sends API calls (`endpoint`) and forms. Inside a `<form>`, or
 * tied to one by the `form` attribute as a native button is, and without an `endpoint` of its own
 * (which then says what to send), it is the form's send button: a press
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

  private readonly internals = this.attachInternals();

  /** The form whose submission is being queued, while its press is read. */
  private submitting?: HTMLFormElement;

  /** Ends the listeners on the form, when the element leaves it. */
  private formListeners?: AbortController;

  /** The form this element belongs to, as a native button's `form`: its ancestor, or the one its `form` attribute names. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /**
   * The form a press sends: the element's own, unless it has an `endpoint`, which says what to send
   * (an API call whose button sits in a form for its layout, as before forms were sent).
   */
  private get sentForm(): HTMLFormElement | null {
    return this.endpoint ? null : this.form;
  }

  /** Called by the browser whenever the element's form changes (connected, moved, `form` attribute). */
  formAssociatedCallback(form: HTMLFormElement | null): void {
    this.formListeners?.abort();
    if (!form) return;
    const { signal } = (this.formListeners = new AbortController());
    form.addEventListener('submit', this.onSubmit, { signal });
    form.addEventListener('keydown', this.onKeydown, { signal });
  }

  /**
   * In a form, a press submits it: `requestSubmit()` checks the form's constraints (an invalid form
   * shows the browser's own messages and queues nothing), then fires its `submit` event, which
   * {@link onSubmit} answers. Synchronously: a permission prompt must stay within the press.
   */
  protected override async handleClick(): Promise<void> {
    const form = this.sentForm;
    if (!form) return super.handleClick();
    // Called from the prototype: a field named `requestSubmit` hides the form's own method.
    HTMLFormElement.prototype.requestSubmit.call(form);
  }

  /**
   * The form's submission, taken over: its fields go to the outbox instead of a page load. A submit
   * button of the site's own (the event's `submitter`) keeps its native submission, and a listener
   * of the site's that cancelled the submission is obeyed.
   */
  private readonly onSubmit = (event: SubmitEvent): void => {
    if (event.submitter || event.defaultPrevented || !this.sentForm) return;
    event.preventDefault();
    this.submitting = event.target as HTMLFormElement;
    try {
      void super.handleClick();
    } finally {
      this.submitting = undefined;
    }
  };

  /**
   * Enter in a text field submits the form, as it does for a form's default button. Only where the
   * form has no submit button of its own (then Enter is that button's), and only by the form's first
   * such element, so that two of them do not queue it twice.
   */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    const { target } = event;
    if (event.key != 'Enter' || event.defaultPrevented || event.isComposing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const form = this.sentForm;
    if (!form || !(target instanceof HTMLInputElement) || !SUBMITTING_INPUTS.test(target.type)) return;
    // From the prototype: a field named `elements` hides the form's own property.
    const controls = [...(Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, 'elements')!.get!.call(form) as HTMLFormControlsCollection)];
    if (controls.some(isSubmitButton) || controls.find((control) => control instanceof SyncNotifyApiButton) !== this) return;
    event.preventDefault();
    void this.handleClick();
  };

  /** The press of a form: its fields, to its `action` with its `method` (read as it is submitted). */
  protected override get authoredInput(): OutboxInput {
    const form = this.submitting;
    return form ? { ...super.authoredInput, form, endpoint: formProperty(form, 'action') } : super.authoredInput;
  }

  /** Once queued, what was typed is in the outbox: the form is reset, so that a second press does not send it again. */
  protected override enter(state: SyncNotifyState): void {
    super.enter(state);
    const form = this.sentForm;
    if (state == 'queued' && form && !this.keepForm) HTMLFormElement.prototype.reset.call(form);
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

/** The element as a page that loaded this file has it: `SyncNotifyButton` is this class here. */
export { SyncNotifyApiButton as SyncNotifyButton };
