/**
 * Each side's rate in one paired round, from batches paired by position (neighbours in time when the
 * visits were interleaved): the pairs whose head/base rate ratio is among the most extreme sixth at
 * either end are dropped (a batch hit by a stall or a stray collection), then each side's rate is
 * its kept tasks over its kept time. NaN for a side with no timed pair.
 */
import type { BatchSample } from '../types.ts';

export function pairedBatchRates(
  base: { samples: readonly BatchSample[] },
  head: { samples: readonly BatchSample[] },
  time: (s: BatchSample) => number,
): { base: number; head: number } {
  const pairs: Array<{ b: BatchSample; h: BatchSample; logRatio: number }> = [];
  for (let i = 0; i < Math.min(base.samples.length, head.samples.length); i++) {
    const b = base.samples[i];
    const h = head.samples[i];
    if (!(time(b) > 0 && time(h) > 0 && b.tasks > 0 && h.tasks > 0)) continue;
    pairs.push({ b, h, logRatio: Math.log(h.tasks / time(h) / (b.tasks / time(b))) });
  }
  if (pairs.length === 0) return { base: Number.NaN, head: Number.NaN };
  pairs.sort((x, y) => x.logRatio - y.logRatio);
  const trim = Math.floor(pairs.length / 6);
  const kept = pairs.slice(trim, pairs.length - trim);
  const rate = (pick: (p: (typeof kept)[number]) => BatchSample) =>
    kept.reduce((sum, p) => sum + pick(p).tasks, 0) / (kept.reduce((sum, p) => sum + time(pick(p)), 0) / 1000);
  return { base: rate((p) => p.b), head: rate((p) => p.h) };
}
