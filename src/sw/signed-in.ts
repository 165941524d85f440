/**
 * Who the pages of this worker's app said is signed in, since the worker started: kept in memory
 * only. A worker starts for many reasons (a navigation, a sync with no page open); until a page of
 * its app says who is signed in, it sends no one's owned items, whoever was declared before: the
 * navigation after another person signed in must never carry the last person's items with the new
 * person's cookies. Pages say it with every request for delivery (index.ts).
 */

let said: { owner: string | null } | undefined;

/** A page of this app said who is signed in (`null`: nobody). */
export function signedIn(owner: string | null): void {
  said = { owner };
}

/** The server said the session is not the owner's (409 to an owned request): the worker waits to be told again. */
export function forgetSignedIn(): void {
  said = undefined;
}

/** Who a page of this app said is signed in since the worker started, if one said. */
export const saidSignedIn = (): { owner: string | null } | undefined => said;
