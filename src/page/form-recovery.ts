/**
 * A form the server did not accept, found again by its page: what the person typed goes back into
 * the page's form, whose own hidden fields (a CSRF token rendered fresh for the session now) stay
 * as the page has them, so that the next press sends what was typed with what the server expects
 * now. The element with forms decides when (sync-notify-api-button.ts); this finds and fills.
 */
import { typedEntries } from '../shared/form-entries.js';
import type { FormEntry, OutboxFailure } from '../shared/outbox-schema.js';
import { formProperty } from './form-body.js';
import { listFailures } from './outbox-list.js';

/** A kept form: a failure that holds a form's request. */
export type KeptForm = OutboxFailure & { request: NonNullable<OutboxFailure['request']> };

/**
 * The newest form sent to `form`'s action that the server did not accept, of `owner` (or of no
 * owner); none of another owner's: what one person typed never reaches another person's page.
 */
export async function keptFormFor(form: HTMLFormElement, owner: string | undefined): Promise<KeptForm | undefined> {
  const action = formProperty(form, 'action');
  const kept = (await listFailures()).filter(
    (failure): failure is KeptForm =>
      failure.reason == 'not-accepted' && !!failure.request?.contentType && failure.request.url == action && (!failure.owner || failure.owner == owner),
  );
  return kept.sort((older, newer) => newer.failedAt - older.failedAt)[0];
}

/** Buttons submit, they hold nothing typed. */
const NOT_TYPED = /^(hidden|submit|button|image|reset)$/;

/**
 * Puts what was typed back into `form`: text in order into the fields of its name, boxes and
 * options ticked as they were, files back into their inputs. Hidden fields keep the page's values;
 * a field the submission did not hold (disabled then) is left as it is. Each filled field hears
 * `input` and `change`, as if typed, for the page's own scripts.
 */
export function fillForm(form: HTMLFormElement, entries: FormEntry[]): void {
  const values = new Map<string, (string | File)[]>();
  for (const [name, value] of entries) values.set(name, [...(values.get(name) ?? []), value]);
  for (const field of formProperty(form, 'elements')) {
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) continue;
    const typed = values.get(field.name);
    if (!typed || NOT_TYPED.test(field.type)) continue;
    if (field instanceof HTMLSelectElement) {
      for (const option of field.options) option.selected = typed.includes(option.value);
    } else if (field instanceof HTMLInputElement && (field.type == 'checkbox' || field.type == 'radio')) {
      field.checked = typed.includes(field.value);
    } else if (field instanceof HTMLInputElement && field.type == 'file') {
      const files = new DataTransfer();
      for (const file of typed) if (file instanceof File) files.items.add(file);
      field.files = files.files;
    } else if (typeof typed[0] == 'string') {
      field.value = typed.shift() as string;
    } else continue;
    for (const type of ['input', 'change']) field.dispatchEvent(new Event(type, { bubbles: true }));
  }
}

/** Fills `form` with what a kept form holds. */
export const putBack = (form: HTMLFormElement, kept: KeptForm): void => fillForm(form, typedEntries(kept.request));
