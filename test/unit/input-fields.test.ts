/**
 * The field table (src/shared/input-fields.ts): the check at the door and the check of what is read
 * back agree on each field's bound. A value at its bound passes the door, and the item the page
 * stores from it passes the record check; one past it is refused by both. Driven by the table, so
 * that a field added there is checked here too.
 */
import { expect } from '@open-wc/testing';
import '../../src/shared/api-call-record.js';
import { API_CALL_FIELDS, NOTIFICATION_FIELDS, RETENTION_FIELDS, type Field } from '../../src/shared/input-fields.js';
import { isDeliverable, isListableFailure } from '../../src/shared/outbox-record.js';
import { DEFAULT_MAX_AGE, draftItem } from '../../src/page/queue.js';
import { validateOutboxInput, type OutboxInput } from '../../src/page/validate.js';
// API calls switched on, as sync-notify-api-button.js does.
import '../../src/page/api-calls.js';

const ORIGIN = location.origin;
const valid = { title: 't', body: 'b' };

/** Text of exactly `length` characters that the door takes for `name`: a BCP 47 tag for `lang`. */
function textOf(name: string, length: number): string {
  if (name != 'lang') return 'x'.repeat(length);
  // A private-use tag: subtags of 1 to 8 letters, as long as wanted.
  let tag = 'en-x';
  while (tag.length < length) tag += `-${'a'.repeat(Math.max(1, Math.min(8, length - tag.length - 1)))}`;
  if (tag.length > length) tag = `${tag.slice(0, length - 3)}-aa`;
  return tag;
}

/** What the door makes of `input`, and whether the page's record of it passes the record check. */
function atBothChecks(input: OutboxInput): { door: boolean; record: boolean } {
  const validation = validateOutboxInput(input, `${ORIGIN}/page`, ORIGIN);
  if (!validation.ok) return { door: false, record: false };
  const { notification, apiCall, maxAge, owner, resendOf } = validation.value;
  const item = { seq: 1, ...draftItem(notification, apiCall, maxAge ?? DEFAULT_MAX_AGE, `${ORIGIN}/`, owner, resendOf) };
  return { door: true, record: isDeliverable(item) };
}

/** What the record check says of an item read back with `change`, written as the page writes it. */
const recordPasses = (change: Record<string, unknown>) =>
  isDeliverable({ seq: 1, ...draftItem(valid, undefined, DEFAULT_MAX_AGE, `${ORIGIN}/`, undefined), ...change });

const textFields = (fields: Record<string, Field>) => Object.entries(fields).filter(([, { type, max }]) => !type && max);

describe('the field table', () => {
  for (const [name, { max }] of textFields(NOTIFICATION_FIELDS)) {
    it(`holds the notification's ${name} to ${max} characters at the door and when read back`, () => {
      expect(textOf(name, max!)).to.have.length(max!);
      expect(atBothChecks({ ...valid, [name]: textOf(name, max!) }), 'at its bound').to.deep.equal({ door: true, record: true });
      expect(atBothChecks({ ...valid, [name]: textOf(name, max! + 1) }).door, 'one past it, at the door').to.equal(false);
      expect(recordPasses({ notification: { ...valid, [name]: textOf(name, max! + 1) } }), 'one past it, read back').to.equal(false);
    });
  }

  it(`holds the owner to ${RETENTION_FIELDS.owner.max} characters at the door and when read back`, () => {
    const { max } = RETENTION_FIELDS.owner;
    expect(atBothChecks({ ...valid, owner: 'o'.repeat(max) })).to.deep.equal({ door: true, record: true });
    expect(atBothChecks({ ...valid, owner: 'o'.repeat(max + 1) }).door).to.equal(false);
    expect(recordPasses({ owner: 'o'.repeat(max + 1) })).to.equal(false);
  });

  it(`holds the id a form is sent again under (resendOf) to ${API_CALL_FIELDS.resendOf.max} characters at the door and when read back`, () => {
    const { max } = API_CALL_FIELDS.resendOf;
    const form = document.createElement('form');
    form.action = '/api/forms';
    form.method = 'post';
    expect(atBothChecks({ ...valid, form, resendOf: 'r'.repeat(max) })).to.deep.equal({ door: true, record: true });
    expect(atBothChecks({ ...valid, form, resendOf: 'r'.repeat(max + 1) }).door).to.equal(false);
    expect(recordPasses({ id: 'r'.repeat(max + 1) })).to.equal(false);
  });

  it(`holds max-age to ${RETENTION_FIELDS.maxAge.max} s at the door, and an item's expiry and a failure's max-age when read back`, () => {
    const { max } = RETENTION_FIELDS.maxAge;
    expect(atBothChecks({ ...valid, maxAge: max })).to.deep.equal({ door: true, record: true });
    expect(atBothChecks({ ...valid, maxAge: max + 1 }).door).to.equal(false);
    const queuedAt = Date.now();
    expect(recordPasses({ queuedAt, expiresAt: queuedAt + (max + 1) * 1000 })).to.equal(false);
    const failure = { id: 'f', reason: 'expired', failedAt: Date.now(), notification: valid };
    expect(isListableFailure({ ...failure, maxAge: max })).to.equal(true);
    expect(isListableFailure({ ...failure, maxAge: max + 1 })).to.equal(false);
  });

  it(`holds request-timeout to ${API_CALL_FIELDS.requestTimeout.max} s at the door, and the stored timeout when read back`, () => {
    const { max } = API_CALL_FIELDS.requestTimeout;
    const call = { ...valid, endpoint: '/api/messages' };
    expect(atBothChecks({ ...call, requestTimeout: max })).to.deep.equal({ door: true, record: true });
    expect(atBothChecks({ ...call, requestTimeout: max + 1 }).door).to.equal(false);
    const request = { url: `${ORIGIN}/api/messages`, method: 'POST', headers: {}, body: '{}' };
    expect(recordPasses({ request: { ...request, timeout: max * 1000 } })).to.equal(true);
    expect(recordPasses({ request: { ...request, timeout: max * 1000 + 1 } })).to.equal(false);
  });

  it('takes the same directions and methods at the door and when read back, and no other', () => {
    for (const dir of NOTIFICATION_FIELDS.dir.oneOf) expect(atBothChecks({ ...valid, dir }), dir).to.deep.equal({ door: true, record: true });
    expect(atBothChecks({ ...valid, dir: 'up' }).door).to.equal(false);
    expect(recordPasses({ notification: { ...valid, dir: 'up' } })).to.equal(false);
    for (const method of API_CALL_FIELDS.method.oneOf) {
      expect(atBothChecks({ ...valid, endpoint: '/api/messages', method }), method).to.deep.equal({ door: true, record: true });
    }
    expect(atBothChecks({ ...valid, endpoint: '/api/messages', method: 'DELETE' }).door).to.equal(false);
    expect(recordPasses({ request: { url: `${ORIGIN}/api`, method: 'DELETE', headers: {}, body: '{}' } })).to.equal(false);
  });

  it('names every refused field by its property, as the JS API takes it', () => {
    const problem = (input: OutboxInput) => {
      const validation = validateOutboxInput(input, `${ORIGIN}/page`, ORIGIN);
      return validation.ok ? undefined : validation.problem;
    };
    expect(problem({ ...valid, maxAge: -1 })).to.include({ kind: 'invalid-number', field: 'maxAge' });
    expect(problem({ ...valid, maxItems: 0 })).to.include({ kind: 'invalid-number', field: 'maxItems' });
    expect(problem({ ...valid, endpoint: '/api', requestTimeout: 0 })).to.include({ kind: 'invalid-number', field: 'requestTimeout' });
    expect(problem({ ...valid, lang: textOf('lang', NOTIFICATION_FIELDS.lang.max + 1) })).to.include({ kind: 'too-long', field: 'lang' });
  });
});
