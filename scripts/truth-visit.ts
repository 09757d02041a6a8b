/**
 * How bench:truth times one cell directly, shared by scripts that must measure exactly as it does
 * (scripts/side-by-side.ts): the visit's shape (a long warm-up until the rate settles, then a long
 * sample of full batches) and the rate of its batches (the median of windows of consecutive batches).
 */
import { visitSpec, type Cell } from '../src/measure/scheduler.ts';

/** A truth visit: at least `ms` of warm-up, then until the rate settles (at most `maxWarmupFactor` x `ms`), then at least `ms` of at least `minBatches` full batches. */
export function truthVisitSpec(cell: Cell, ms: number, minBatches: number, maxWarmupFactor: number) {
  return {
    ...visitSpec(cell, ms, 'measure', minBatches),
    warmupBatches: 1,
    warmupTimeMs: ms,
    warmupMaxMs: maxWarmupFactor * ms,
    sampleTimeMs: ms,
    minBatches,
    maxBatches: 1_000_000,
  };
}

/** Consecutive batches pooled into windows of at least `windowMs` (the remainder joins the last window): each window's tasks / s. */
export function windowRates(samples: readonly { tasks: number; wallMs: number }[], windowMs: number): number[] {
  const windows: { tasks: number; wallMs: number }[] = [];
  let open = { tasks: 0, wallMs: 0 };
  for (const s of samples) {
    open = { tasks: open.tasks + s.tasks, wallMs: open.wallMs + s.wallMs };
    if (open.wallMs >= windowMs) {
      windows.push(open);
      open = { tasks: 0, wallMs: 0 };
    }
  }
  if (open.wallMs > 0) {
    const last = windows.pop();
    windows.push(last ? { tasks: last.tasks + open.tasks, wallMs: last.wallMs + open.wallMs } : open);
  }
  return windows.map((w) => (w.tasks / w.wallMs) * 1000);
}
