/**
 * When a host has warmed up: its rate has stopped rising. JIT tiers, inline caches and the heap
 * reach their steady state at a pace of the code's own: a markdown renderer or a JavaScript parser
 * needs 3-4 s to reach full speed, a hash loop a few milliseconds. A fixed warm-up measures the
 * first kind cold (its sequential rate was 166-206 tasks/s where 406 was the truth), and a pool of
 * C lanes gets 1/C of the warm-up per lane, so pools looked slower still.
 *
 * The rule: after at least `minMs`, fit a line to the rate of the warm-up batches of the last half
 * of the warm-up (at least TREND_BATCHES of them); settled once the rise it projects over that span
 * (at least TREND_HORIZON_MS) is below SETTLE_GAIN (4%: batches on a shared 2-vCPU VM vary by several percent, and 2% ran into
 * the cap on code that was already warm). A trend over half the warm-up sees a slow ramp that two
 * short windows side by side would call flat (2% per 20 ms is 100% per second), and a robust fit (Theil-Sen) over
 * several batches is not fooled by one batch a neighbour slowed down. A rate that rises for T is declared settled after about 2T. Never
 * longer than `maxMs`: then the visit measures anyway and says it was still warming up. Used by the
 * Node host; the Python host ports the same rule.
 * What it cannot see is a step after a plateau longer than its window: a sieve's loop runs at about
 * 450 tasks/s for its first 0.4-0.6 s and then at about 800 (a later JIT tier), a pool of two at
 * 700-900 for 0.6 s and then 1,050-1,430, so a visit settled at 448 ms read 449/s throughout
 * (scripts/warmup-curve.ts and bench:truth at 91f6fd1, docs/benchmarks.md).
 */

/** Settled when the fitted rise over the last half of the warm-up is below this share of its mean rate. */
export const SETTLE_GAIN = 0.04;
/**
 * The rise is projected over at least this long, ms: early in a warm-up the last half is short, and
 * a ramp of 100% per second rises only 3% in 30 ms.
 */
export const TREND_HORIZON_MS = 250;
/** Fewest batches the trend is fitted to. */
export const TREND_BATCHES = 4;

export interface WarmupBatch {
  wallMs: number;
  tasks: number;
}

export type WarmupDecision = { done: false } | { done: true; settled: boolean };

/** Most points the trend is fitted to: batches are pooled into this many spans of equal time (the fit is quadratic in points). */
const MAX_POINTS = 12;

/** Batches (in order, ending at `end` on the batches' clock, starting after `start`) pooled into at most MAX_POINTS spans: each span's end time and rate. */
function binned(batches: readonly WarmupBatch[], start: number): { x: number; y: number }[] {
  const total = batches.reduce((sum, b) => sum + b.wallMs, 0);
  const width = total / Math.min(MAX_POINTS, batches.length);
  const out: { x: number; y: number }[] = [];
  let x = start;
  let tasks = 0;
  let wall = 0;
  for (const b of batches) {
    tasks += b.tasks;
    wall += b.wallMs;
    x += b.wallMs;
    if (wall >= width * 0.999) {
      out.push({ x, y: tasks / wall });
      tasks = 0;
      wall = 0;
    }
  }
  if (wall > 0) out.push({ x, y: tasks / wall });
  return out;
}

/** The fitted relative rise of the rate over the last half of the batches' time, or undefined with too few batches. */
export function recentRise(batches: readonly WarmupBatch[]): number | undefined {
  let t = 0;
  const points = batches.map((b) => {
    t += b.wallMs;
    return { x: t, y: b.wallMs > 0 ? b.tasks / b.wallMs : 0 };
  });
  const batchesRecent = points.filter((p) => p.x > t / 2);
  if (batchesRecent.length < TREND_BATCHES) return undefined;
  const recent = binned(batches.slice(batches.length - batchesRecent.length), t / 2);
  // Theil-Sen: the median of the slopes between every pair of batches. One batch slowed by a
  // neighbour on the machine moves a least-squares line; it barely moves this one.
  const slopes: number[] = [];
  for (let i = 0; i < recent.length; i++) {
    for (let j = i + 1; j < recent.length; j++) {
      if (recent[j].x > recent[i].x) slopes.push((recent[j].y - recent[i].y) / (recent[j].x - recent[i].x));
    }
  }
  const ys = recent.map((p) => p.y).sort((a, b) => a - b);
  const level = ys[Math.floor(ys.length / 2)];
  if (slopes.length === 0 || level === 0) return 0;
  slopes.sort((a, b) => a - b);
  const slope = slopes.length % 2 === 1 ? slopes[(slopes.length - 1) / 2] : (slopes[slopes.length / 2 - 1] + slopes[slopes.length / 2]) / 2;
  return (slope * Math.max(t / 2, TREND_HORIZON_MS)) / level;
}

/** Whether warm-up is over after `batches` (in order), `elapsedMs` after it began. */
export function warmupDecision(batches: readonly WarmupBatch[], elapsedMs: number, minMs: number, maxMs: number): WarmupDecision {
  if (elapsedMs >= maxMs) return { done: true, settled: false };
  if (elapsedMs < minMs) return { done: false };
  const rise = recentRise(batches);
  return rise !== undefined && rise < SETTLE_GAIN ? { done: true, settled: true } : { done: false };
}
