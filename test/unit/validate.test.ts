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
    ['a negative max-age', { ...valid, maxAge: -5 }, { kind: 'invalid-number', field: 'maxAge', value: -5, max: 2_592_000 }],
    ['a max-age of NaN', { ...valid, maxAge: NaN }, { kind: 'invalid-number', field: 'maxAge', value: NaN, max: 2_592_000 }],
    ['an endless max-age', { ...valid, maxAge: Infinity }, { kind: 'invalid-number', field: 'maxAge', value: Infinity, max: 2_592_000 }],
    ['a max-age past 30 days', { ...valid, maxAge: 2_592_001 }, { kind: 'invalid-number', field: 'maxAge', value: 2_592_001, max: 2_592_000 }],
    ['max-items of 0', { ...valid, maxItems: 0 }, { kind: 'invalid-number', field: 'maxItems', value: 0, max: 10_000 }],
    ['max-items past 10,000', { ...valid, maxItems: 10_001 }, { kind: 'invalid-number', field: 'maxItems', value: 10_001, max: 10_000 }],
    ['a request timeout of 0', { ...call, requestTimeout: 0 }, { kind: 'invalid-number', field: 'requestTimeout', value: 0, max: 600 }],
    ['a request timeout of 1e13 s', { ...call, requestTimeout: 1e13 }, { kind: 'invalid-number', field: 'requestTimeout', value: 1e13, max: 600 }],
    ['a max-age given as text', { ...valid, maxAge: '60' as unknown as number }, { kind: 'invalid-number', field: 'maxAge', value: '60', max: 2_592_000 }],
    ['a summary that is not text', { ...valid, summary: true as unknown as string }, { kind: 'invalid-type', field: 'summary', expected: 'string' }],
    ['a tag that is an object', { ...valid, tag: {} as unknown as string }, { kind: 'invalid-type', field: 'tag', expected: 'string' }],
    ['a lang that is a number', { ...valid, lang: 12 as unknown as string }, { kind: 'invalid-type', field: 'lang', expected: 'string' }],
    ['a title that is a number', { title: 5 as unknown as string, body: 'b' }, { kind: 'invalid-type', field: 'title', expected: 'string' }],
    ['silent as text', { ...valid, silent: 'yes' as unknown as boolean }, { kind: 'invalid-type', field: 'silent', expected: 'boolean' }],
    ['a lang that is not BCP 47', { ...valid, lang: 'en_US' }, { kind: 'invalid-lang', value: 'en_US' }],
    ['a tag too long', { ...valid, tag: 't'.repeat(251) }, { kind: 'too-long', field: 'tag', limit: 250 }],
    ['a summary too long', { ...valid, summary: 's'.repeat(251) }, { kind: 'too-long', field: 'summary', limit: 250 }],
    ['an icon past 64 KB', { ...valid, icon: `data:image/png;base64,${'A'.repeat(70_000)}` }, { kind: 'too-large', field: 'item', limit: 65_536 }],
    ['data past 64 KB', { ...call, data: { text: 'x'.repeat(70_000) } }, { kind: 'too-large', field: 'item', limit: 65_536 }],
    ['an endpoint that is not text', { ...valid, endpoint: 7 as unknown as string }, { kind: 'invalid-type', field: 'endpoint', expected: 'string' }],
    ['a method that is not text', { ...call, method: ['POST'] as unknown as string }, { kind: 'invalid-type', field: 'method', expected: 'string' }],
    ['headers that are an array', { ...call, headers: [] as unknown as Record<string, string> }, { kind: 'invalid-type', field: 'headers', expected: 'object' }],
    ['a header value that is a number', { ...call, headers: { 'x-n': 1 as unknown as string } }, { kind: 'invalid-type', field: 'headers', expected: 'string' }],
    ['17 headers', { ...call, headers: Object.fromEntries(Array.from({ length: 17 }, (_, n) => [`x-h${n}`, 'v'])) }, { kind: 'too-large', field: 'headers', limit: 4096 }],
    ['headers past 4 KB', { ...call, headers: { 'x-big': 'v'.repeat(4100) } }, { kind: 'too-large', field: 'headers', limit: 4096 }],
    ['allowCrossOrigin as text', { ...call, allowCrossOrigin: 'true' as unknown as boolean }, { kind: 'invalid-type', field: 'allowCrossOrigin', expected: 'boolean' }],
    ['an endpoint on mailto:', { ...valid, endpoint: 'mailto:a@b.c' }, { kind: 'invalid-url', field: 'endpoint', value: 'mailto:a@b.c' }],
    ['an endpoint on another origin', { ...valid, endpoint: 'https://api.example/m' }, { kind: 'cross-origin', field: 'endpoint', value: 'https://api.example/m' }],
    ['a url on another origin', { ...valid, url: 'https://elsewhere.example/x' }, { kind: 'cross-origin', field: 'url', value: 'https://elsewhere.example/x' }],
    ['allowExternalUrl as text', { ...valid, allowExternalUrl: 'yes' as unknown as boolean }, { kind: 'invalid-type', field: 'allowExternalUrl', expected: 'boolean' }],
    ['GET', { ...call, method: 'get' }, { kind: 'invalid-method', value: 'GET' }],
    ['DELETE', { ...call, method: 'DELETE' }, { kind: 'invalid-method', value: 'DELETE' }],
    ['an Authorization header', { ...call, headers: { Authorization: 'Bearer x' } }, { kind: 'invalid-header', value: 'Authorization' }],
    ['a Cookie header', { ...call, headers: { cookie: 'a=1' } }, { kind: 'invalid-header', value: 'cookie' }],
    ['X-HTTP-Method-Override', { ...call, headers: { 'X-HTTP-Method-Override': 'DELETE' } }, { kind: 'invalid-header', value: 'X-HTTP-Method-Override' }],
    ['X-Forwarded-For', { ...call, headers: { 'x-forwarded-for': '10.0.0.1' } }, { kind: 'invalid-header', value: 'x-forwarded-for' }],
    ['X-Forwarded-Host', { ...call, headers: { 'X-Forwarded-Host': 'evil.example' } }, { kind: 'invalid-header', value: 'X-Forwarded-Host' }],
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
