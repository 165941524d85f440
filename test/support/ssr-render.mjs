/**
 * Renders the element as a server would, with Lit SSR and the built package (lib/), and prints
 * the markup. Run in a process of its own: the SSR DOM shim must not reach the test runner's.
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

await import('../../lib/index.js');
process.stdout.write(await collectResult(render(html`<sync-notify-button title="Hydrated" body="b">Send</sync-notify-button>`)));
