/**
 * When a host has warmed up: its rate has stopped rising. JIT tiers, inline caches and the heap
 * reach their steady state at a pace of the code's own: a markdown renderer or a JavaScript parser
 * needs 3-4 s to reach full speed, a hash loop a few milliseconds. A fixed warm-up measures the
 * first kind cold (its sequential rate was 166-206 tasks/s where 406 was the truth), and a pool of
 * C lanes gets 1/C of the warm-up per lane, so pools looked slower still.
 *
 * The rule: after at least `minMs`, fit a line to the rate of the warm-up batches of the last half
 * of the warm-up (at least TREND_BATCHES of them); settled once the rise it projects over that span
 * is below SETTLE_GAIN (4%: batches on a shared 2-vCPU VM vary by several percent, and a stricter rule ran into the cap on code that was warm). A trend over half the warm-up sees a slow ramp that two short windows side
 * by side would call flat (2% per 20 ms is 100% per second), and a fit over several batches is less
 * fooled by one noisy batch. A rate that rises for T is declared settled after about 2T. Never
 * longer than `maxMs`: then the visit measures anyway and says it was still warming up. Used by the
 * Node host; the Python host ports the same rule.
 */

/** Settled when the fitted rise over the last half of the warm-up is below this share of its mean rate. */
export const SETTLE_GAIN = 0.04;
/** Fewest batches the trend is fitted to. */
export const TREND_BATCHES = 3;

export interface WarmupBatch {
  wallMs: number;
  tasks: number;
}

export type WarmupDecision = { done: false } | { done: true; settled: boolean };

/** The fitted relative rise of the rate over the last half of the batches' time, or undefined with too few batches. */
export function recentRise(batches: readonly WarmupBatch[]): number | undefined {
  let t = 0;
  const points = batches.map((b) => {
    t += b.wallMs;
    return { x: t, y: b.wallMs > 0 ? b.tasks / b.wallMs : 0 };
  });
  const recent = points.filter((p) => p.x > t / 2);
  if (recent.length < TREND_BATCHES) return undefined;
  const n = recent.length;
  const mx = recent.reduce((s, p) => s + p.x, 0) / n;
  const my = recent.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of recent) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  if (sxx === 0 || my === 0) return 0;
  return ((sxy / sxx) * (t / 2)) / my;
}

/** Whether warm-up is over after `batches` (in order), `elapsedMs` after it began. */
export function warmupDecision(batches: readonly WarmupBatch[], elapsedMs: number, minMs: number, maxMs: number): WarmupDecision {
  if (elapsedMs >= maxMs) return { done: true, settled: false };
  if (elapsedMs < minMs) return { done: false };
  const rise = recentRise(batches);
  return rise !== undefined && rise < SETTLE_GAIN ? { done: true, settled: true } : { done: false };
}
