/**
 * Pinning what a page loads, as docs/security.md says, in each engine: the page file by its tag's
 * `integrity`, the shared chunks it imports by an import map's, with the values the build wrote
 * (dist/sizes.json). A chunk that does not match is not run, nor the file that imports it.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';

interface SizeReport {
  files: Record<string, { integrity: string }>;
  pages: Record<string, { files: string[] }>;
}

interface PinnedPage extends Window {
  scriptOutcome?: 'load' | 'error';
}

const absolute = (file: string): string => new URL(`/${file}`, location.href).href;

/**
 * Loads `dist/sync-notify-button.js` in a frame whose import map pins its chunks, after `tamper`
 * had its way with the values; resolves with how its script tag ended and whether the element is defined.
 */
async function loadPinned(tamper: (integrity: Record<string, string>) => void = () => {}): Promise<{ outcome: string; defined: boolean; chunks: number }> {
  const report = (await (await fetch('/dist/sizes.json')).json()) as SizeReport;
  const [entry, ...chunks] = report.pages['dist/sync-notify-button.js'].files;
  const integrity = Object.fromEntries(chunks.map((chunk) => [absolute(chunk), report.files[chunk].integrity]));
  tamper(integrity);
  const frame = document.createElement('iframe');
  frame.title = 'a page that pins the files it loads';
  frame.srcdoc = `<!doctype html><html lang="en"><head><title>Pinned</title>
    <script type="importmap">${JSON.stringify({ integrity })}</script>
    <script type="module" src="${absolute(entry)}" integrity="${report.files[entry].integrity}" onload="scriptOutcome = 'load'" onerror="scriptOutcome = 'error'"></script>
    </head><body><sync-notify-button title="Pinned" body="b">Send</sync-notify-button></body></html>`;
  document.body.append(frame);
  const page = () => frame.contentWindow as PinnedPage | null;
  await waitUntil(() => page()?.scriptOutcome, 'the module script neither loaded nor failed');
  const result = { outcome: page()!.scriptOutcome!, defined: !!page()!.customElements.get('sync-notify-button'), chunks: chunks.length };
  frame.remove();
  return result;
}

describe('pinning the page files and their shared chunks (docs/security.md)', () => {
  it('runs the element when every chunk matches the import map’s integrity', async () => {
    const pinned = await loadPinned();
    expect(pinned.chunks, 'the button imports shared chunks').to.be.greaterThan(0);
    expect(pinned).to.include({ outcome: 'load', defined: true });
  });

  it('runs nothing when one chunk does not match: the script tag fires error and the element stays undefined', async () => {
    // The same page, the same files, with every value right: it runs (the change below is all that differs).
    expect(await loadPinned()).to.include({ outcome: 'load', defined: true });
    const pinned = await loadPinned((integrity) => {
      const [first] = Object.keys(integrity);
      integrity[first] = `sha384-${btoa('another file'.padEnd(48, '.'))}`;
    });
    expect(pinned).to.include({ outcome: 'error', defined: false });
  });
});
