/**
 * A `<form>`'s fields as its own submission would send them, captured at the click so that they
 * can wait in the outbox: what the server receives is what the browser would have posted.
 */
import type { FormContentType, FormEntry, OutboxApiCall } from '../shared/outbox-schema.js';
import { MAX_FORM_FILE_BYTES, refuse, type Validation } from './validate.js';

/**
 * What the form's own `action`, `method`, `enctype` or `elements` property says: a field named so
 * (`<input name="action">`) hides the property on the form itself, never on its prototype.
 */
export const formProperty = <Name extends 'action' | 'method' | 'enctype' | 'elements'>(form: HTMLFormElement, name: Name): HTMLFormElement[Name] =>
  Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, name)!.get!.call(form) as HTMLFormElement[Name];

/** Newlines as a form submission sends them, CRLF (HTML: "converting an entry list to a list of name-value pairs"). */
const crlf = (text: string) => text.replace(/\r\n?|\n/g, '\r\n');

/**
 * The form's entries (with what `formdata` listeners add), encoded by its `enctype`: urlencoded and
 * text/plain as text, as the browser would; multipart as the entries themselves, files included,
 * for the worker to send as `FormData` (fetch writes the boundary). A file stands for its name in
 * the text encodings, as in a native submission. A text/plain body cannot be read back into its
 * fields (a value may hold `=` and newlines), so its entries are kept too: what was typed can then
 * be put back into the form (form-recovery.ts). And the page it was sent from, to be found again.
 */
export function encodeForm(form: HTMLFormElement): Validation<Pick<OutboxApiCall, 'body' | 'contentType' | 'form' | 'formPage'>> {
  const contentType = formProperty(form, 'enctype') as FormContentType;
  const formPage = form.ownerDocument.URL.replace(/#.*/s, '');
  const entries = [...new FormData(form)].map(([name, value]): FormEntry => [crlf(name), typeof value == 'string' ? crlf(value) : value]);
  if (contentType == 'multipart/form-data') {
    const fileBytes = entries.reduce((total, [, value]) => total + (typeof value == 'string' ? 0 : value.size), 0);
    if (fileBytes > MAX_FORM_FILE_BYTES) return refuse({ kind: 'too-large', field: 'files', limit: MAX_FORM_FILE_BYTES });
    return { ok: true, value: { body: '', contentType, form: entries, formPage } };
  }
  const pairs: [string, string][] = entries.map(([name, value]) => [name, typeof value == 'string' ? value : value.name]);
  if (contentType != 'text/plain') return { ok: true, value: { body: `${new URLSearchParams(pairs)}`, contentType, formPage } };
  return { ok: true, value: { body: pairs.map(([name, value]) => `${name}=${value}\r\n`).join(''), contentType, form: pairs, formPage } };
}
