/**
 * What `run`'s paired phase measures (measure/paired-models.ts measures it): after the sweep, each
 * workload's chosen cell of every model against its sequential cell, in an order that puts first
 * what could change the answer.
 */
import { runsOnOneCpu } from '../analysis/compare-select.ts';
import { computingShare } from '../analysis/classify.ts';
import { speedupBound, speedupInterval, withheldAsImpossible } from '../analysis/plausibility.ts';
import { bestOfModels } from '../analysis/recommend.ts';
import type { CellResult, RunResults, WorkloadResult } from '../results/run.ts';
import type { Model } from '../types.ts';
import type { PairedModelTarget } from './paired-models.ts';
import type { Cell, Measured } from './scheduler.ts';

/**
 * The cells of a swept workload that the paired phase measures against sequential: each model's
 * chosen level (bestOfModels; sequential itself included, as the baseline). Cells whose unpaired
 * speedup was withheld as impossible take part: an impossible figure is most often a baseline that
 * measured slow (a cold JIT, a slower vCPU), and measuring side by side with it is what settles
 * that. Left out, a workload whose every cell beat a slow baseline impossibly had nothing paired
 * and kept "sequential" (sieve, marked, py-regex in bench:truth at 74cceaf). Cells with too little
 * data to say anything stay out.
 */
export function pairedChoices(workload: WorkloadResult): Map<Model, CellResult> {
  return bestOfModels(workload.cells.filter((c) => c.speedupWithheld === undefined || c.model === 'sequential' || withheldAsImpossible(c)));
}

/**
 * Which paired targets go first (0) and which last (1). Last: a cell that cannot beat sequential by
 * the margin whatever it measures (its physical bound, plausibility.ts: async on CPU-bound work, one
 * lane of a pool), or whose unpaired figure already decides against sequential with 95% confidence
 * (a pool of tiny tasks clearly slower; 64 HTTP requests in flight clearly faster by far); a figure
 * withheld as impossible always goes first. At the default budget the paired phase buys about one
 * round of a dozen targets, and a shuffled order left the contested ones out as often as these
 * (acorn's thread and process cells went unpaired in 4 of 5 bench:truth runs at 96b9de3, and
 * sequential was recommended).
 */
export function pairingPriority(cell: CellResult, sequential: CellResult, options: { cores: number; margin: number; seed: number }): number {
  if (speedupBound(cell, computingShare(sequential), options.cores) <= 1 + options.margin) return 1;
  // A figure withheld as impossible is only settled side by side.
  if (withheldAsImpossible(cell)) return 0;
  if (cell.samples === 0 || sequential.samples === 0) return 0;
  const [lo, hi] = speedupInterval(cell, sequential, options.seed);
  // Already decided against sequential without pairing: clearly slower, or clearly faster by the margin.
  return hi < 1 || lo > 1 + options.margin ? 1 : 0;
}

/** Each workload's paired choices of every model but sequential, paired with its sequential cell. */
export function pairedTargets(swept: RunResults, cells: readonly Cell[], measured: Measured, options: { cores: number; margin: number; seed: number }): PairedModelTarget[] {
  const targets: PairedModelTarget[] = [];
  for (const w of swept.workloads) {
    if (w.status !== 'ok') continue;
    const best = pairedChoices(w);
    const baseline = cells.find((c) => c.workload.name === w.name && c.model === 'sequential');
    if (!baseline || !best.has('sequential')) continue;
    for (const [model, chosen] of best) {
      if (model === 'sequential') continue;
      const candidate = cells.find((c) => c.workload.name === w.name && c.model === model && c.concurrency === chosen.concurrency);
      if (!candidate) continue;
      targets.push({
        baseline,
        candidate,
        baselineSpec: measured.spec(baseline),
        candidateSpec: measured.spec(candidate),
        expectedMs: measured.costMs(baseline) + measured.costMs(candidate),
        pinnable: runsOnOneCpu(w.cells.find((c) => c.model === 'sequential'), chosen),
        priority: pairingPriority(chosen, best.get('sequential')!, options),
      });
    }
  }
  return targets;
}
