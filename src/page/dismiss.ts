/**
 * Dismissing a failure: the outbox element's Dismiss, and a form's recovery once what was typed is
 * back in the form. A module of its own, so that the element with forms carries it without the
 * outbox element's other actions (item-actions.ts).
 */
import { announce } from '../shared/channel.js';
import { betweenDeliveries } from '../shared/protocol.js';
import { changeOutbox } from './outbox.js';

export type DismissOutcome = 'dismissed' | 'not-found';

/** Removes a rejected or expired item from the record of failures. */
export function dismissFailure(id: string): Promise<DismissOutcome> {
  return betweenDeliveries(async () => {
    const outcome = await changeOutbox((_, failures) => {
      const failure = failures.find((candidate) => candidate.id === id);
      return failure ? { outcome: 'dismissed' as const, removeFailures: [failure] } : { outcome: 'not-found' as const };
    });
    if (outcome === 'dismissed') announce({ type: 'dismissed', id });
    return outcome;
  });
}
