/** Small statistics over samples in milliseconds. */

function sorted(samples) {
  return [...samples].sort((a, b) => a - b);
}

/** Nearest-rank percentile, `p` in 0..100. */
export function percentile(samples, p) {
  const ordered = sorted(samples);
  const rank = Math.ceil((p / 100) * ordered.length);
  return ordered[Math.min(ordered.length, Math.max(1, rank)) - 1];
}

export function median(samples) {
  const ordered = sorted(samples);
  const middle = ordered.length >> 1;
  return ordered.length % 2 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
}

export const summarize = (samples) => ({ n: samples.length, median: median(samples), p95: percentile(samples, 95) });

export const ratio = (measured, floor) => measured / floor;
