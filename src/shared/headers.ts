/**
 * Which request headers an author may have the outbox send, checked at the door (page/api-calls.ts)
 * and again on what the worker reads back (shared/outbox-record.ts): none that carries
 * credentials or steers routing, as docs/security.md lists them. A fresh credential is the host
 * worker's to add as the request is sent (`self.syncNotifyHeaders`), never stored.
 */

/** The headers an author may add at all: Content-Type and Idempotency-Key are the library's own. */
const ALLOWED = /^(accept|accept-language|content-language|x-[a-z0-9-]+)$/i;

/**
 * X- headers that proxies and frameworks read as the method, the client's address or the host,
 * or as a request they made themselves (X-HTTP-Method-Override, X-Forwarded-For, X-Client-IP,
 * X-Envoy-…, X-Middleware-Subrequest …): a queued call must arrive as what it says it is.
 */
const ROUTING =
  /^x-(http-method(-override)?|method-override|forwarded(-[a-z0-9-]+)?|original-(url|host|forwarded-for)|rewrite-url|host|real-ip|(client|cluster-client|remote|originating|proxyuser)-(ip|addr)|envoy-[a-z0-9-]+|middleware-subrequest)$/i;

/** A word of an X- header's name that says it carries a credential: X-Api-Key, X-Auth-Token, X-CSRF-Token, X-Session-Id … */
const CREDENTIAL_WORD = /^(auth|authorization|token|key|apikey|secret|session|sessionid|sid|cookie|password|passwd|credentials?|signature|csrf|xsrf|jwt|bearer)$/i;

/** Whether an author may have the outbox send a header of this name. */
export const isSafeHeader = (name: string): boolean =>
  ALLOWED.test(name) && !ROUTING.test(name) && !name.split('-').some((word) => CREDENTIAL_WORD.test(word));
