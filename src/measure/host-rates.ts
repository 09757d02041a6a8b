/**
 * The rate of every sequential host a run started, per workload: the sweep's visits of the
 * sequential cell and the baseline host of every paired round. The same code in the same kind of
 * host should run at the same rate; how far these rates spread shows how far the machine moved
 * during the run, or how differently the code runs alone and alternating with another host
 * (analysis/steadiness.ts); paired figures cancel either only in part.
 */
import type { VisitOutcome } from '../runtimes/visit.ts';
import { median, sortSamples } from '../stats/sorted.ts';
import type { BatchSample } from '../types.ts';
import type { PairedModelRound } from './paired-models.ts';
import type { Cell } from './scheduler.ts';

/** A host's rate: the median of its batches' tasks per second (undefined without a usable batch). */
export function hostRate(samples: readonly BatchSample[]): number | undefined {
  const rates = samples.filter((s) => s.wallMs > 0 && s.tasks > 0).map((s) => (s.tasks / s.wallMs) * 1000);
  return rates.length > 0 ? median(sortSamples(rates)) : undefined;
}

/**
 * Each workload's sequential host rates, tasks/s, keyed by workload name: the sweep's successful
 * visits of its sequential cell in the order measured, then the paired rounds' baseline hosts
 * (target by target, each in round order; rounds of different targets are not ordered in time).
 */
export function sequentialHostRates(
  cells: readonly Cell[],
  visits: ReadonlyMap<string, readonly VisitOutcome[]>,
  pairedRounds: ReadonlyMap<string, readonly PairedModelRound[]> = new Map(),
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (workload: string, rate: number | undefined) => {
    if (rate === undefined) return;
    const list = out.get(workload) ?? [];
    list.push(rate);
    out.set(workload, list);
  };
  for (const cell of cells) {
    if (cell.model !== 'sequential') continue;
    for (const visit of visits.get(cell.key) ?? []) if (visit.status === 'ok') add(cell.workload.name, hostRate(visit.samples));
  }
  // A baseline host shared by two candidates in one round (paired-models.ts) is one host, counted once.
  const counted = new Set<number>();
  for (const [key, rounds] of pairedRounds) {
    const cell = cells.find((c) => c.key === key);
    if (!cell) continue;
    for (const round of rounds) {
      if (round.baselineHost !== undefined) {
        if (counted.has(round.baselineHost)) continue;
        counted.add(round.baselineHost);
      }
      add(cell.workload.name, hostRate(round.baseline));
    }
  }
  return out;
}
