/**
 * Holm's step-down correction. A compare makes one decision per (workload, model) cell; with a dozen
 * cells, uncorrected 95% intervals would flag something in most A/A runs. Holm keeps the chance of
 * any false claim in the whole report at alpha while costing less power than Bonferroni.
 */

/** Holm-adjusted p-values, in input order: p_(k) * (m - k + 1), made monotone, capped at 1. */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, k) => {
    running = Math.max(running, Math.min(1, p * (m - k)));
    adjusted[i] = running;
  });
  return adjusted;
}

/**
 * The per-test significance level Holm's procedure uses for each p-value, in input order: the k-th
 * smallest is tested at alpha / (m - k + 1) while all smaller ones were rejected; from the first
 * failure on, every remaining test keeps that failing level (so none of them can be rejected). An
 * interval at level 1 - level[i] then agrees with the Holm decision for test i.
 */
export function holmLevels(pValues: readonly number[], alpha = 0.05): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const levels = new Array<number>(m);
  let failedAt: number | undefined;
  order.forEach(({ p, i }, k) => {
    const step = failedAt ?? k;
    const level = alpha / (m - step);
    if (failedAt === undefined && p > level) failedAt = k;
    levels[i] = level;
  });
  return levels;
}
