/** The click's input check (src/page/validate.ts): each reason it refuses for, and what it keeps. */
import { expect } from '@open-wc/testing';
import {
  INVALID_JSON,
  MAX_BODY_LENGTH,
  MAX_TITLE_LENGTH,
  validateOutboxInput,
  type InputProblem,
  type OutboxInput,
} from '../../src/page/validate.js';
// API calls switched on, as sync-notify-api-button.js does.
import '../../src/page/api-calls.js';

const BASE = 'https://app.example/chat/room';
const ORIGIN = 'https://app.example';
const valid = { title: 'Saved', body: 'Sent when online' };
const call = { ...valid, endpoint: '/api/messages' };

const problemOf = (input: OutboxInput) => {
  const validation = validateOutboxInput(input, BASE, ORIGIN);
  return validation.ok ? undefined : validation.problem;
};

const valueOf = (input: OutboxInput) => {
  const validation = validateOutboxInput(input, BASE, ORIGIN);
  if (!validation.ok) throw new Error(`refused: ${JSON.stringify(validation.problem)}`);
  return validation.value;
};

describe('validateOutboxInput', () => {
  const refusals: [string, OutboxInput, InputProblem][] = [
    ['a missing title', { body: 'b' }, { kind: 'missing', field: 'title' }],
    ['a blank title', { title: '  ', body: 'b' }, { kind: 'missing', field: 'title' }],
    ['a missing body', { title: 't', body: null }, { kind: 'missing', field: 'body' }],
    ['a title too long', { title: 'x'.repeat(MAX_TITLE_LENGTH + 1), body: 'b' }, { kind: 'too-long', field: 'title', limit: 250 }],
    ['a body too long', { title: 't', body: 'x'.repeat(MAX_BODY_LENGTH + 1) }, { kind: 'too-long', field: 'body', limit: 2000 }],
    ['a script URL', { ...valid, url: 'javascript:alert(1)' }, { kind: 'invalid-url', field: 'url', value: 'javascript:alert(1)' }],
    ['a data: URL to open', { ...valid, url: 'data:text/html,x' }, { kind: 'invalid-url', field: 'url', value: 'data:text/html,x' }],
    ['an icon on ftp', { ...valid, icon: 'ftp://app.example/i.png' }, { kind: 'invalid-url', field: 'icon', value: 'ftp://app.example/i.png' }],
    ['an unparsable badge', { ...valid, badge: 'http://[' }, { kind: 'invalid-url', field: 'badge', value: 'http://[' }],
    ['an unknown direction', { ...valid, dir: 'up' }, { kind: 'invalid-dir', value: 'up' }],
    ['a negative max-age', { ...valid, maxAge: -5 }, { kind: 'invalid-number', field: 'max-age', value: -5 }],
    ['a max-age of NaN', { ...valid, maxAge: NaN }, { kind: 'invalid-number', field: 'max-age', value: NaN }],
    ['an endless max-age', { ...valid, maxAge: Infinity }, { kind: 'invalid-number', field: 'max-age', value: Infinity }],
    ['max-items of 0', { ...valid, maxItems: 0 }, { kind: 'invalid-number', field: 'max-items', value: 0 }],
    ['a request timeout of 0', { ...call, requestTimeout: 0 }, { kind: 'invalid-number', field: 'request-timeout', value: 0 }],
    ['an endpoint on mailto:', { ...valid, endpoint: 'mailto:a@b.c' }, { kind: 'invalid-url', field: 'endpoint', value: 'mailto:a@b.c' }],
    ['an endpoint on another origin', { ...valid, endpoint: 'https://api.example/m' }, { kind: 'cross-origin', value: 'https://api.example/m' }],
    ['GET', { ...call, method: 'get' }, { kind: 'invalid-method', value: 'GET' }],
    ['DELETE', { ...call, method: 'DELETE' }, { kind: 'invalid-method', value: 'DELETE' }],
    ['an Authorization header', { ...call, headers: { Authorization: 'Bearer x' } }, { kind: 'invalid-header', value: 'Authorization' }],
    ['a Cookie header', { ...call, headers: { cookie: 'a=1' } }, { kind: 'invalid-header', value: 'cookie' }],
    ['a header value with CR/LF', { ...call, headers: { 'x-note': 'a\r\nb' } }, { kind: 'invalid-header-value', value: 'x-note' }],
    ['a header value with NUL', { ...call, headers: { 'x-note': 'a\0b' } }, { kind: 'invalid-header-value', value: 'x-note' }],
    ['a header value beyond Latin-1', { ...call, headers: { 'x-note': '5 €' } }, { kind: 'invalid-header-value', value: 'x-note' }],
    ['a data attribute that is not JSON', { ...call, data: INVALID_JSON }, { kind: 'invalid-data' }],
    ['data JSON cannot hold (a cycle)', { ...call, data: (() => { const loop: Record<string, unknown> = {}; loop.self = loop; return loop; })() }, { kind: 'invalid-data' }],
    ['data JSON cannot hold (a BigInt)', { ...call, data: { n: 1n } }, { kind: 'invalid-data' }],
  ];
  for (const [what, input, problem] of refusals) {
    it(`refuses ${what}`, () => {
      expect(problemOf(input)).to.deep.equal(problem);
    });
  }

  it('keeps a minimal notification as it is, with no API call', () => {
    expect(valueOf(valid)).to.deep.equal({ notification: { title: 'Saved', body: 'Sent when online' } });
  });

  it('takes titles and bodies at their limits', () => {
    const input = { title: 'x'.repeat(MAX_TITLE_LENGTH), body: 'y'.repeat(MAX_BODY_LENGTH) };
    expect(valueOf(input).notification).to.deep.equal(input);
  });

  it("resolves relative URLs against the page, not the worker's script", () => {
    const { notification } = valueOf({ ...valid, url: '../inbox?x=1', icon: '/i.png', badge: 'data:image/png;base64,AA==' });
    expect(notification).to.include({ url: 'https://app.example/inbox?x=1', icon: 'https://app.example/i.png', badge: 'data:image/png;base64,AA==' });
  });

  it('keeps the options a notification takes, and leaves out the unset ones', () => {
    const input = { ...valid, tag: 't', lang: 'fr', dir: 'rtl', requireInteraction: true, silent: false, summary: '{count} sent' };
    expect(valueOf(input).notification).to.deep.equal({ ...valid, tag: 't', lang: 'fr', dir: 'rtl', requireInteraction: true, summary: '{count} sent' });
  });

  it('builds the API call: absolute URL, upper-case method, lower-case headers, JSON body, timeout in ms', () => {
    const entry = valueOf({ ...call, method: 'put', headers: { 'X-Trace': 'é 1', Accept: 'application/json' }, data: { room: 7 }, requestTimeout: 5, maxAge: 60, maxItems: 3 });
    expect(entry).to.deep.equal({
      notification: valid,
      maxAge: 60,
      maxItems: 3,
      apiCall: {
        url: 'https://app.example/api/messages',
        method: 'PUT',
        headers: { 'x-trace': 'é 1', accept: 'application/json' },
        body: JSON.stringify({ title: 'Saved', body: 'Sent when online', data: { room: 7 } }),
        timeout: 5000,
      },
    });
  });

  it('sends null data when none is set, and marks an allowed cross-origin endpoint', () => {
    const { apiCall } = valueOf({ ...valid, endpoint: 'https://api.example/m', allowCrossOrigin: true });
    expect(apiCall).to.deep.include({ crossOrigin: true, body: JSON.stringify({ ...valid, data: null }) });
  });
});
