// Render and memory benchmarks. The element's module is imported on demand, never statically,
// so that defining it is part of what renderElements() times.
const ELEMENT_MODULE = '/dist/sync-notify-button.js';
const host = document.querySelector('#host');

function createElement(title) {
  const element = document.createElement('sync-notify-button');
  element.setAttribute('title', title);
  element.setAttribute('body', 'Your report is ready.');
  return element;
}

/** Imports and defines the element, then creates `count` of them and waits for their first render. */
async function renderElements(count) {
  const start = performance.now();
  await import(ELEMENT_MODULE);
  await customElements.whenDefined('sync-notify-button');
  const defined = performance.now();
  const elements = Array.from({ length: count }, (_, index) => createElement(`Reminder ${index}`));
  host.append(...elements);
  await Promise.all(elements.map((element) => element.updateComplete));
  const rendered = performance.now();
  return { defineMs: defined - start, renderMs: rendered - defined, totalMs: rendered - start };
}

/** Connects a new element, waits for its render, disconnects it; `count` times. */
async function cycleElements(count) {
  await import(ELEMENT_MODULE);
  for (let index = 0; index < count; index++) {
    // One title for all: numbered ones would grow V8's number-to-string cache, which is the bench's, not the element's.
    const element = createElement('Reminder');
    host.append(element);
    await element.updateComplete;
    element.remove();
  }
  // Each connect starts an IndexedDB count; let the last ones settle before the heap is read.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { connected: host.childElementCount, crossOriginIsolated };
}

Object.assign(window, { renderElements, cycleElements });
window.benchReady = true;
