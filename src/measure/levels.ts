/**
 * Which concurrency levels `run` measures first, and which it adds later. With a budget that cannot
 * buy a sound measurement of every configured cell, a coarse sweep comes first (1, cores, 2 x cores,
 * and for async the far end too); the levels between are refined around each model's best while
 * time remains. A skipped cell is reported with the reason, never silently absent.
 */
import { isHybrid, type Model } from '../types.ts';
import type { Cell } from './scheduler.ts';

/** The configured level nearest to `target` (the lower one on a tie). */
function nearest(levels: readonly number[], target: number): number {
  return levels.reduce((best, level) => (Math.abs(level - target) < Math.abs(best - target) ? level : best), levels[0]);
}

/**
 * Levels of one model in the coarse sweep: the configured levels nearest to 1, cores, 2 x cores (and
 * the largest, for async). For a hybrid (one worker per core), its far end, the most in flight per
 * worker: where both its waits and its workers show, and refinement looks below it.
 */
export function coarseLevels(model: Model, levels: readonly number[], cores: number): number[] {
  if (levels.length === 0) return [];
  const targets = model === 'async' ? [1, cores, 2 * cores, Math.max(...levels)] : isHybrid(model) ? [Math.max(...levels)] : [1, cores, 2 * cores];
  return [...new Set(targets.map((t) => nearest(levels, t)))].sort((a, b) => a - b);
}

/**
 * Rank of a coarse cell when not all of them fit: the baseline first, then each model at the level
 * most likely to show what it can do (async at its far end, where waits overlap most; threads and
 * processes at the number of cores, where parallel work shows, or at their far end too when the
 * task mostly waits), then 2 x cores and async's middle
 * levels, then one lane of each pool (what a pool costs, not what it can gain). Lower is more
 * important; every model keeps a cell before any model gets a second one.
 */
export function coarseRank(cell: Pick<Cell, 'model' | 'concurrency'>, cores: number, levels: readonly number[], waits = false): number {
  if (cell.model === 'sequential') return 0;
  // Measured only once the workload has shown waits and parallel work (hybrids.ts): then as telling as any.
  if (isHybrid(cell.model)) return cell.concurrency === Math.max(...levels) ? 1 : 2;
  // A task that mostly waits gains from every lane (blocking calls in threads overlap past the
  // cores); one that computes saturates at the cores.
  const primary = cell.model === 'async' || waits ? Math.max(...levels) : nearestLevel(levels, cores);
  if (cell.concurrency === primary) return 1;
  if (cell.concurrency > 1) return 2;
  return 3;
}

function nearestLevel(levels: readonly number[], target: number): number {
  return nearest(levels, target);
}

/**
 * Cells to refine: for each model, the configured levels next to its best measured level that have
 * not been measured yet. `best` maps a model to its best measured level.
 */
export function refineAround(cells: readonly Cell[], measured: ReadonlySet<string>, best: ReadonlyMap<string, number>): Cell[] {
  const out: Cell[] = [];
  const byModel = new Map<string, Cell[]>();
  for (const cell of cells) {
    const key = `${cell.workload.name}\u0000${cell.model}`;
    byModel.set(key, [...(byModel.get(key) ?? []), cell]);
  }
  for (const [key, group] of byModel) {
    const at = best.get(key);
    if (at === undefined) continue;
    const levels = group.map((c) => c.concurrency).sort((a, b) => a - b);
    const measuredLevels = levels.filter((l) => measured.has(group.find((c) => c.concurrency === l)!.key));
    // The unmeasured levels between the best and its measured neighbours on either side; where no
    // level was measured on a side (a hybrid's coarse sweep is its far end alone), the next one.
    const unmeasured = levels.filter((l) => !measuredLevels.includes(l));
    const below = Math.max(...measuredLevels.filter((l) => l < at), ...(measuredLevels.some((l) => l < at) ? [] : unmeasured.filter((l) => l < at).slice(-2, -1)), -Infinity);
    const above = Math.min(...measuredLevels.filter((l) => l > at), ...(measuredLevels.some((l) => l > at) ? [] : unmeasured.filter((l) => l > at).slice(1, 2)), Infinity);
    for (const cell of group) {
      if (measured.has(cell.key)) continue;
      if (cell.concurrency > below && cell.concurrency < above) out.push(cell);
    }
  }
  return out;
}
