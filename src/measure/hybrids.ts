/**
 * When the hybrid models (thread+async, process+async) are worth measuring for a workload. A hybrid
 * can beat every single model only where the task both waits and computes: async must have found
 * waits to overlap, a pool parallel work, and async's one loop must have been the limit (busy much
 * of the time). Anywhere else one of the single models already has what a hybrid would add, and
 * its cells would only spend the budget: so they are measured after the coarse sweep has shown
 * the signs, never before.
 */
import { median, sortSamples } from '../stats/sorted.ts';
import type { Cell } from './scheduler.ts';
import type { VisitOutcome } from '../runtimes/visit.ts';
import { isHybrid, type Model } from '../types.ts';

/** A sign counts when a model beat sequential's median rate by more than this share (the default margin: more than noise). */
export const HYBRID_SIGN_GAIN = 0.1;
/**
 * Least share of a core async's one loop must have been busy at its best level: below it the loop
 * had room for more tasks in flight, which async itself can take; a second loop adds nothing. A
 * task that waits 30 ms and computes 5 ms kept the loop 92% busy at 64 in flight; an HTTP GET to a
 * server answering in 10 ms, 20% at 16.
 */
export const HYBRID_LOOP_BUSY = 0.5;

/** How the reason begins when the signs say a hybrid has nothing to add (not the budget's doing). */
export const NO_USE_FOR_HYBRIDS = 'the coarse sweep showed no use for a hybrid: ';

/** Whether a cell was left out because the signs said a hybrid has nothing to add (noUseForHybrids' reasons). */
export function noUseForHybrids(reason: string): boolean {
  return reason.startsWith(NO_USE_FOR_HYBRIDS);
}

/**
 * The verdict on a workload's hybrids: measure them; `skip`, the signs say they have nothing to add
 * (the reason); `unshown`, a model whose cells would show a sign was not measured (the budget, or
 * its visits failed), so nothing was ruled out; or not known yet.
 */
export type HybridSigns = { state: 'measure' } | { state: 'skip'; reason: string } | { state: 'unshown'; reason: string } | { state: 'pending' };

/** Whether the hybrids of a workload wait for the signs: only when its config has async and a pool to show them. */
export function hybridsGated(models: readonly Model[]): boolean {
  return models.includes('async') && (models.includes('thread') || models.includes('process'));
}

interface ModelReading {
  /** Median rate of its best measured level, tasks/ms. */
  rate: number;
  /** Its level. */
  concurrency: number;
  /** Share of a core the task thread was busy at that level (task CPU where known, else the host's). */
  busy: number;
}

/** The best measured level of `model` in `cells` (undefined when none has samples). */
function bestReading(cells: readonly Cell[], visits: ReadonlyMap<string, readonly VisitOutcome[]>, model: Model): ModelReading | undefined {
  let best: ModelReading | undefined;
  for (const cell of cells) {
    if (cell.model !== model) continue;
    const samples = (visits.get(cell.key) ?? []).flatMap((v) => v.samples);
    if (samples.length === 0) continue;
    const rate = median(sortSamples(samples.map((s) => s.tasks / s.wallMs)));
    if (best && rate <= best.rate) continue;
    const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
    const cpu = samples.reduce((sum, s) => sum + (s.taskCpuMs ?? s.cpuMs), 0);
    best = { rate, concurrency: cell.concurrency, busy: wall > 0 ? cpu / wall : 0 };
  }
  return best;
}

const gain = (value: number) => `x${value.toFixed(2)}`;

/** Share of the sequential cell's wall time its task thread computed or waited for a core; undefined without samples. */
function computingShareOf(cells: readonly Cell[], visits: ReadonlyMap<string, readonly VisitOutcome[]>): number | undefined {
  const samples = cells.filter((c) => c.model === 'sequential').flatMap((c) => (visits.get(c.key) ?? []).flatMap((v) => v.samples));
  const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
  if (!(wall > 0)) return undefined;
  const busy = samples.reduce((sum, s) => sum + (s.taskCpuMs ?? s.cpuMs) + (s.runQueueMs ?? 0), 0);
  return Math.min(1, busy / wall);
}

/**
 * The signs in one workload's cells so far. `settled(model)`: every coarse cell of that model has
 * been visited, failed or been skipped (until then a better level may still come). Pending while
 * sequential, async or both pools are unsettled; a model that failed everywhere counts as no sign.
 */
export function hybridSigns(cells: readonly Cell[], visits: ReadonlyMap<string, readonly VisitOutcome[]>, settled: (model: Model) => boolean): HybridSigns {
  const sequential = bestReading(cells, visits, 'sequential');
  if (!sequential) return settled('sequential') ? { state: 'unshown', reason: 'the sequential baseline was not measured (the budget, or its visits failed), so the coarse sweep could not show whether a hybrid can pay' } : { state: 'pending' };
  // What async can gain at all: overlapping the time the task does not compute, 1 / (share computing,
  // or waiting for a core). A point figure above the margin on work that computes all the time is
  // noise (hashlib's SHA-256, computing 99% of the time, read async x1.1 at one level once).
  const computing = computingShareOf(cells, visits);
  if (computing !== undefined && 1 / computing <= 1 + HYBRID_SIGN_GAIN) {
    return { state: 'skip', reason: `sequential computed ${Math.round(computing * 100)}% of the time: overlapping the rest can gain at most ${gain(1 / computing)}, no waits for a hybrid's event loops to overlap` };
  }
  const pools = (['thread', 'process'] as const).filter((m) => cells.some((c) => c.model === m));
  if (!settled('async') || pools.some((m) => !settled(m))) return { state: 'pending' };
  const async = bestReading(cells, visits, 'async');
  if (!async) return { state: 'unshown', reason: 'async was not measured (the budget, or its visits failed), so the coarse sweep could not show whether the task has waits to overlap' };
  const asyncGain = async.rate / sequential.rate;
  if (asyncGain <= 1 + HYBRID_SIGN_GAIN) {
    return { state: 'skip', reason: `async did not beat sequential by more than ${Math.round(HYBRID_SIGN_GAIN * 100)}% (${gain(asyncGain)} at ${async.concurrency} in flight): no waits for a hybrid's event loops to overlap` };
  }
  const poolReadings = pools.map((m) => ({ model: m, reading: bestReading(cells, visits, m) })).filter((p) => p.reading !== undefined);
  const bestPool = poolReadings.sort((a, b) => b.reading!.rate - a.reading!.rate)[0];
  if (!bestPool) return { state: 'unshown', reason: 'no thread or process pool was measured (the budget, or their visits failed), so the coarse sweep could not show whether the task has parallel work' };
  const poolGain = bestPool.reading!.rate / sequential.rate;
  if (poolGain <= 1 + HYBRID_SIGN_GAIN) {
    return { state: 'skip', reason: `no thread or process pool beat sequential by more than ${Math.round(HYBRID_SIGN_GAIN * 100)}% (${bestPool.model} ${gain(poolGain)}): no parallel work for a hybrid's workers` };
  }
  if (async.busy < HYBRID_LOOP_BUSY) {
    return {
      state: 'skip',
      reason: `async's one loop was busy ${Math.round(async.busy * 100)}% of the time at its best level (${async.concurrency} in flight), under ${Math.round(HYBRID_LOOP_BUSY * 100)}%: it has room for more tasks in flight, so a second loop adds nothing async cannot`,
    };
  }
  return { state: 'measure' };
}

/** The hybrid cells among `cells`. */
export const hybridCells = (cells: readonly Cell[]) => cells.filter((c) => isHybrid(c.model));
