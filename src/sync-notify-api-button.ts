/**
 * Defines `<sync-notify-button>` with API calls (`endpoint`) and forms: the entry of
 * `sync-notify-api-button.js`, for sites whose button also posts a message or sends a `<form>`.
 * Sites that only notify load `sync-notify-button.js`, which carries neither.
 */
// First: the element must find API calls switched on by its first click.
import './page/api-calls.js';
import { html } from 'lit';
import { css } from './page/css.js';
import { property } from 'lit/decorators.js';
import { sayMarkupOwner } from './page/control.js';
import { customElement } from './page/define.js';
import type { Failure } from './page/failure.js';
import { englishFormMessages, type SyncNotifyFormMessages } from './page/form-messages.js';
import { FormSubmitter } from './page/form-submitter.js';
import type { SyncNotifyMessages } from './page/messages.js';
import { INVALID_JSON, MAX_FORM_FILE_BYTES, type OutboxInput } from './page/validate.js';
import { SyncNotifyButtonBase } from './sync-notify-button.component.js';

export * from './sync-notify-button.component.js';

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
export class SyncNotifyApiButton extends SyncNotifyButtonBase {
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
    SyncNotifyButtonBase.styles,
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

  /** What happens to the form the element sends: its submission, its reset, a kept form put back. */
  private readonly forms = new FormSubmitter(this, {
    signedIn: () => this.signedIn,
    disabled: () => this.disabledByForm,
    queue: () => super.handleClick(),
  });

  constructor() {
    super();
    this.pressListeners.push(this.forms);
  }

  /** The form this element belongs to, as a native button's `form`: its ancestor, or the one its `form` attribute names. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  override render() {
    return html`${super.render()}${this.forms.render(this.text)}`;
  }

  /**
   * Called by the browser as a disabled fieldset around the element comes or goes.
   * @internal
   */
  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
  }

  /** In a form, a press submits it (FormSubmitter.press); elsewhere, it queues what the element says. */
  protected override async handleClick(): Promise<void> {
    if (!this.forms.press()) return super.handleClick();
  }

  /**
   * What the author set, the API call's settings too; for the press of a form, its fields, to its
   * `action` with its `method` (read as it is submitted), and the kept form it sends again, if any.
   */
  protected override get authoredInput(): OutboxInput {
    const { method, headers, data, allowCrossOrigin, requestTimeout } = this;
    return { ...super.authoredInput, method, headers, data, allowCrossOrigin, requestTimeout, ...this.forms.input() };
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

/** The element as a page that loaded this file has it: `SyncNotifyButton` is this class here. */
export { SyncNotifyApiButton as SyncNotifyButton };

declare module './sync-notify-button.component.js' {
  interface SyncNotifyButtonClasses {
    api: SyncNotifyApiButton;
  }
}
