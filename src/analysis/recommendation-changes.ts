/**
 * Recommendation changes of a compare: workloads whose recommended model or concurrency differs
 * between base and head, unless the trees' own measurements cannot tell the two picks apart.
 */
import type { Model } from '../types.ts';
import type { WorkloadResult } from '../results/run.ts';
import { groupSamples, ratioOfMediansGrouped } from '../stats/ratio.ts';
import type { RecommendationChange } from '../results/compare.ts';
import { DEFAULT_MARGIN } from './recommend.ts';

/**
 * Workloads whose recommended model (or its concurrency) differs between base and head; workloads
 * only on one side are included too. Two recommendations that either tree's own measurements cannot
 * tell apart (the ratio of the two cells' medians, bootstrapped over rounds and batches, not clearly
 * beyond the margin either way) are not a change: near-equal cells flip between two sweeps of the
 * same code (4 of 6 A/A compares here reported such a flip before this check). A real change shows
 * in both: the code that became I/O-bound has async far ahead in head and far behind in base.
 */
export function recommendationChanges(
  base: readonly WorkloadResult[],
  head: readonly WorkloadResult[],
  options: { margin?: number; seed?: number } = {},
): RecommendationChange[] {
  const margin = options.margin ?? DEFAULT_MARGIN;
  const pick = (w: WorkloadResult | undefined) =>
    w?.recommendation ? { model: w.recommendation.model, concurrency: w.recommendation.concurrency, ...(w.recommendation.workers !== undefined ? { workers: w.recommendation.workers } : {}) } : null;
  const names = [...head.map((w) => w.name), ...base.map((w) => w.name).filter((n) => !head.some((w) => w.name === n))];
  const changes: RecommendationChange[] = [];
  for (const name of names) {
    const headWorkload = head.find((w) => w.name === name);
    const baseWorkload = base.find((w) => w.name === name);
    const b = pick(baseWorkload);
    const h = pick(headWorkload);
    if (b?.model === h?.model && b?.concurrency === h?.concurrency) continue;
    const seed = options.seed ?? 1;
    if (b && h && headWorkload && baseWorkload && (withinNoise(headWorkload, h, b, margin, seed) || withinNoise(baseWorkload, h, b, margin, seed))) continue;
    changes.push({ workload: name, base: b, head: h });
  }
  return changes;
}

/** True when `w`'s measurements of the two cells cannot tell them apart by the margin. */
function withinNoise(w: WorkloadResult, a: { model: Model; concurrency: number }, b: { model: Model; concurrency: number }, margin: number, seed: number): boolean {
  const cell = (x: { model: Model; concurrency: number }) => w.cells.find((c) => c.model === x.model && c.concurrency === x.concurrency && c.status === 'ok' && c.batchThroughputs.length > 0);
  const ca = cell(a);
  const cb = cell(b);
  if (!ca || !cb) return false;
  const { ci95 } = ratioOfMediansGrouped(groupSamples(ca.batchThroughputs, ca.batchesPerRound), groupSamples(cb.batchThroughputs, cb.batchesPerRound), { seed });
  return !(ci95[0] > 1 + margin || ci95[1] < 1 / (1 + margin));
}
