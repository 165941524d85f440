/** A test's own log on the test server's messages endpoint (test/support/messages-api.mjs). */
import { executeServerCommand } from '@web/test-runner-commands';

/** How the endpoint answers one request: a status, or one with headers, after holding it a while. */
export type ScriptStep = number | { status: number; retryAfter?: string; location?: string; holdMs?: number; headers?: Record<string, string> };

export interface ReceivedRequest {
  method: string;
  idempotencyKey: string;
  contentType: string;
  client: string;
  /** The Referer header: the page a form was sent from. */
  referer: string;
  /** The Sync-Notify-Owner header: whose item it is (percent-encoded), for the server to check. */
  owner: string;
  /** The Authorization header: only a host worker's hook supplies one. */
  authorization: string;
  body: { title: string; body: string; data: unknown };
  /** A form's fields as the server parsed them: text, or a file's name, type and bytes (base64). */
  fields?: [string, string | { filename: string; type: string; bytes: string }][];
  /** The raw body of a urlencoded or text/plain form. */
  text?: string;
  /** `Date.now()` on the server when the request arrived. */
  receivedAt: number;
}

/** A fresh log, answering with `script` first (then 201). */
export async function messagesEndpoint(
  script: ScriptStep[] = [],
): Promise<{ endpoint: string; received: () => Promise<ReceivedRequest[]> }> {
  const log = crypto.randomUUID();
  await executeServerCommand('messages-api:reset', { log, script });
  return {
    endpoint: `/api/messages?log=${log}`,
    received: async () => (await executeServerCommand<ReceivedRequest[], { log: string }>('messages-api:received', { log }))!,
  };
}
