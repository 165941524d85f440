/**
 * What the person typed into a form, read back from what the outbox stores of it: a urlencoded
 * body's fields (its encoding reads back exactly), or the entries kept beside a multipart or
 * text/plain body. The worker reads them to see whether a page shows the form again as typed; a
 * page puts them back into the form.
 */
import type { FormEntry, OutboxApiCall } from './outbox-schema.js';

export const typedEntries = (call: Pick<OutboxApiCall, 'body' | 'contentType' | 'form'>): FormEntry[] =>
  call.contentType == 'application/x-www-form-urlencoded' ? [...new URLSearchParams(call.body)] : (call.form ?? []);
