/**
 * The element as a form's send button, as one reactive controller (Lit's pattern; Material's
 * `setupFormSubmitter` and Shoelace's `FormControlController` do the same job): which form a press
 * sends, the form's submission taken over (a press, Enter in a field, the site's own
 * `requestSubmit()`), the form reset once its item is queued, and a form the server did not
 * accept, found again and put back. The element (sync-notify-api-button.ts) holds the settings and
 * the sentences; this holds what happens to the form.
 */
import { html, type ReactiveControllerHost } from 'lit';
import type { PressListener } from './element.js';
import { dismissFailure } from './dismiss.js';
import { formProperty } from './form-body.js';
import type { SyncNotifyFormMessages } from './form-messages.js';
import { keptFormFor, putBack, type KeptForm } from './form-recovery.js';
import type { ApiCallInput } from './validate.js';
import type { Failure } from './failure.js';
import { observeOutbox, WhileConnected } from './observers.js';

/** What the controller reads of its element, and the one thing it asks of it. */
export interface FormSubmitterHost extends ReactiveControllerHost, HTMLElement {
  /** The form the element belongs to, as a native button's `form`. */
  readonly form: HTMLFormElement | null;
  readonly endpoint?: string;
  readonly type: 'submit' | 'button';
  readonly keepForm: boolean;
  readonly signInUrl?: string;
  readonly successUrl?: string;
  readonly state: string;
}

export interface FormSubmitterOptions {
  /** Who is signed in, for the items the element queues. */
  signedIn: () => string | undefined;
  /** Whether a disabled `<fieldset>` around the element (or its `disabled` attribute) disables it. */
  disabled: () => boolean;
  /** Runs the element's press: support, permission, then the outbox, with {@link FormSubmitter.input}. */
  queue: () => Promise<void>;
}

/** Inputs in which Enter submits their form (HTML: the fields that block implicit submission). */
const SUBMITTING_INPUTS = /^(text|search|url|tel|email|password|date|month|week|time|datetime-local|number)$/;

const isSubmitButton = (control: Element) =>
  (control instanceof HTMLButtonElement || control instanceof HTMLInputElement) && (control.type == 'submit' || control.type == 'image');

/** The form's controls. */
const controlsOf = (form: HTMLFormElement): Element[] => [...formProperty(form, 'elements')];

/** Each element's controller: the form's first sending element is found among the form's controls. */
const submitters = new WeakMap<Element, FormSubmitter>();

/** The controller whose press is submitting a form, while the form's `submit` event is dispatched. */
const pressedIn = new WeakMap<HTMLFormElement, FormSubmitter>();

export class FormSubmitter implements PressListener {
  /** A form this form sent earlier that the server did not accept, and whether it is back in the form. */
  private kept?: { form: KeptForm; restored: boolean };

  /** The kept form that the form now holds again: the next press sends it again, with its id. */
  private resending?: string;

  /**
   * The items this element queued: one the server refuses goes back into its form only where the
   * server showed it again, never sent again from here with the hidden fields it refused.
   */
  private readonly pressedHere = new Set<string>();

  /** The form this element's latest press is sending: read as it is submitted, reset once queued. */
  private formPress?: HTMLFormElement;

  constructor(
    private readonly host: FormSubmitterHost,
    private readonly options: FormSubmitterOptions,
  ) {
    // Listens on the window, after every listener of the page: a site's own `submit` or Enter
    // handler, wherever it was added and whenever, can cancel the event, and is obeyed.
    new WhileConnected(host, (signal) => {
      addEventListener('submit', this.onSubmit, { signal });
      addEventListener('keydown', this.onKeydown, { signal });
      // Once the page is parsed, so that its form holds every field: a module script runs after that.
      if (document.readyState == 'loading') addEventListener('DOMContentLoaded', () => void this.findKeptForm(), { signal, once: true });
      else void this.findKeptForm();
    });
    submitters.set(host, this);
    // One that another page sent, refused while this one is open: this one was rendered since.
    observeOutbox(host, ({ announcement }) => {
      if (announcement?.type == 'not-accepted' && !this.pressedHere.has(announcement.id)) void this.findKeptForm();
    });
  }

  /**
   * The form a press sends: the element's own when it is a POST form. Not a search (GET) or a dialog
   * form, whose submission is the page's own; not with an `endpoint`, which says what to send (an
   * API-call button laid out in a form), nor with `type="button"`. Otherwise the element notifies, as
   * it did before it sent forms.
   */
  get sentForm(): HTMLFormElement | null {
    const { form, endpoint, type } = this.host;
    return form && !endpoint && type != 'button' && formProperty(form, 'method') == 'post' ? form : null;
  }

  /** Whether this is the form's first element that sends it, as the first submit button is a form's default one. */
  private firstSenderOf(form: HTMLFormElement): boolean {
    return controlsOf(form).find((control) => submitters.get(control)?.sentForm == form) == this.host;
  }

  /**
   * A press: in a form, it submits it. `requestSubmit()` checks the form's constraints (an invalid
   * form shows the browser's own messages and queues nothing), then fires its `submit` event, which
   * {@link onSubmit} answers. Synchronously: a permission prompt must stay within the press.
   * Returns whether the press was the form's: false where the element sends no form, and the press
   * is the element's own.
   */
  press(): boolean {
    const form = this.sentForm;
    if (!form) {
      this.formPress = undefined;
      return false;
    }
    if (this.options.disabled()) return true;
    pressedIn.set(form, this);
    try {
      // From the prototype: a field named `requestSubmit` hides the form's own method.
      HTMLFormElement.prototype.requestSubmit.call(form);
    } finally {
      pressedIn.delete(form);
    }
    return true;
  }

  /** For the press of a form: its fields, to its `action` with its `method`, and the kept form it sends again, if any. */
  input(): ApiCallInput {
    const { formPress: form, resending: resendOf } = this;
    const { signInUrl, successUrl } = this.host;
    return form ? { form, signInUrl, successUrl, resendOf } : {};
  }

  /** What concerns a kept form, under the element's own lines. */
  render(text: SyncNotifyFormMessages) {
    const { kept } = this;
    if (!kept) return '';
    return html`<p part="kept" role="status">${kept.restored ? text.restored : text.keptForm}</p>
      ${kept.restored
        ? ''
        : html`<span
            ><button part="put-back" type="button" @click=${() => this.restore(kept.form)}>${text.putBack}</button
            ><button part="discard" type="button" @click=${() => this.discard(kept.form)}>${text.discardKept}</button></span
          >`}`;
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
    const pressed = pressedIn.get(form);
    if (pressed ? pressed != this : !this.firstSenderOf(form)) return;
    event.preventDefault();
    // A second press while the first is still being stored would queue the same fields twice.
    if (this.host.state == 'working' || this.options.disabled()) return;
    this.formPress = form;
    void this.options.queue();
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
    if (!form || form != this.sentForm || controlsOf(form).some(isSubmitButton) || !this.firstSenderOf(form)) return;
    event.preventDefault();
    this.press();
  };

  /**
   * Once queued, what was typed is in the outbox: the form pressed is reset, so that a second press
   * does not send it again, and a kept form it held is queued again. Called by the element before
   * its `sync-notify-queued`, so that listeners find the form as it will stay.
   */
  queued(id: string): void {
    this.pressedHere.add(id);
    const form = this.formPress;
    if (!form) return;
    this.formPress = this.resending = this.kept = undefined;
    this.host.requestUpdate();
    if (!this.host.keepForm) HTMLFormElement.prototype.reset.call(form);
  }

  /**
   * A form the server did not accept, pressed on this page and shown again by the server: it goes
   * back into the form at once, as typed, for the person to correct. One refused for its session or
   * token waits for the page to be opened again: this page's hidden fields are the refused ones.
   */
  failed(failure: Failure): void {
    const form = this.sentForm;
    if (form && failure.reason == 'not-accepted' && failure.problem == 'shown-again') void keptFormFor(form, this.options.signedIn()).then((kept) => kept && this.restore(kept), () => undefined);
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
    const kept = form && (await keptFormFor(form, this.options.signedIn()).catch(() => undefined));
    if (!kept || this.resending) return;
    if (!kept.owner) return this.show({ form: kept, restored: false });
    this.restore(kept);
    // Not one the server may hold already (`no-answer`), nor one to correct (`shown-again`).
    if ((kept.problem == 'sign-in' || kept.problem == 'refused') && !kept.request.resent) this.press();
  }

  /** Puts a kept form back into the form, which the next press then sends again. */
  private restore(kept: KeptForm): void {
    const form = this.sentForm;
    if (!form) return;
    putBack(form, kept);
    this.resending = kept.id;
    this.show({ form: kept, restored: true });
  }

  /** The person discards a kept form: it is gone from their outbox too. */
  private async discard(kept: KeptForm): Promise<void> {
    this.show(undefined);
    await dismissFailure(kept.id);
  }

  private show(kept: FormSubmitter['kept']): void {
    this.kept = kept;
    this.host.requestUpdate();
  }
}
