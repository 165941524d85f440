/**
 * Each request for delivery carries its own answer: two buttons (or a button and the JS API) asking
 * at once each hear the worker's answer to their own request, never whichever came last, so that no
 * button reports a silent worker that answered it, or misses one that did not.
 */
import { expect } from '@open-wc/testing';
import { requestDelivery } from '../../src/page/request-delivery.js';
import { registerHostWorker, unregisterWorkers } from '../support/browser.js';

describe('a request for delivery', function () {
  // A silent worker's request is given up after 5 s.
  this.timeout(30_000);
  let answering: ServiceWorkerRegistration;
  let silent: ServiceWorkerRegistration;

  before(async () => {
    answering = await registerHostWorker('/test/fixtures/classic-sw.js', '/test/fixtures/answering/');
    // A host's worker without this library's line: it never answers.
    silent = await registerHostWorker('/test/fixtures/forgotten-sw.js', '/test/fixtures/silent/');
  });
  after(unregisterWorkers);

  it('says whether the worker answered that request, whichever request came after it', async () => {
    const toSilent = await requestDelivery(silent);
    const toAnswering = await requestDelivery(answering);
    const toSilentAgain = await requestDelivery(silent);
    expect(await toAnswering.answered, 'answered, although a silent worker was asked after it').to.equal(true);
    expect(await toSilent.answered, 'silent, although an answering worker was asked after it').to.equal(false);
    expect(await toSilentAgain.answered).to.equal(false);
  });
});
