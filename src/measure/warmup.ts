/**
 * When a host has warmed up: its rate has stopped rising. JIT tiers, inline caches and the heap
 * reach their steady state at a pace of the code's own: a markdown renderer or a JavaScript parser
 * needs 3-4 s to reach full speed, a hash loop a few milliseconds. A fixed warm-up measures the
 * first kind cold (its sequential rate was 166-206 tasks/s where 406 was the truth), and a pool of
 * C lanes gets 1/C of the warm-up per lane, so pools looked slower still.
 *
 * The rule: after at least `minMs`, compare the rate of the last window of warm-up batches with the
 * window before it; settled once it rose by less than SETTLE_GAIN. A window is the fewest batches
 * lasting WINDOW_MS and an eighth of the warm-up so far (a steady state is declared at most about a
 * third later than it began). Never longer than `maxMs`: then the visit measures anyway and says it was
 * still warming up. Used by the Node host; the Python host ports the same rule.
 */

/** A window's rate must rise by at least this share over the previous one to count as still warming. */
export const SETTLE_GAIN = 0.02;
/** Shortest window of warm-up batches compared, ms (short batches are noisy one by one). */
export const WINDOW_MS = 20;
/** A window is also at least this share of the warm-up so far. */
export const WINDOW_SHARE = 1 / 8;

export interface WarmupBatch {
  wallMs: number;
  tasks: number;
}

export type WarmupDecision = { done: false } | { done: true; settled: boolean };

/** Tasks per ms of the batches in [from, to). */
function rate(batches: readonly WarmupBatch[], from: number, to: number): number {
  let tasks = 0;
  let wall = 0;
  for (let i = from; i < to; i++) {
    tasks += batches[i].tasks;
    wall += batches[i].wallMs;
  }
  return wall > 0 ? tasks / wall : 0;
}

/** Batches in the last window: the fewest, counted from the end, that last `ms`. */
function windowSize(batches: readonly WarmupBatch[], ms: number): number {
  let wall = 0;
  for (let n = 1; n <= batches.length; n++) {
    wall += batches[batches.length - n].wallMs;
    if (wall >= ms) return n;
  }
  return batches.length;
}

/** Whether warm-up is over after `batches` (in order), `elapsedMs` after it began. */
export function warmupDecision(batches: readonly WarmupBatch[], elapsedMs: number, minMs: number, maxMs: number): WarmupDecision {
  if (elapsedMs >= maxMs) return { done: true, settled: false };
  if (elapsedMs < minMs) return { done: false };
  // Windows grow with the warm-up: a slow ramp (2% per 20 ms is 100% per second) shows only over longer spans.
  const w = windowSize(batches, Math.max(WINDOW_MS, elapsedMs * WINDOW_SHARE));
  if (batches.length < 2 * w) return { done: false };
  const last = rate(batches, batches.length - w, batches.length);
  const before = rate(batches, batches.length - 2 * w, batches.length - w);
  return last < before * (1 + SETTLE_GAIN) ? { done: true, settled: true } : { done: false };
}
