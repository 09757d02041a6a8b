/**
 * What `run`'s paired phase measures (measure/paired-models.ts measures it): after the sweep, each
 * workload's chosen cell of every model against its sequential cell, in an order that puts first
 * what could change the answer.
 */
import { runsOnOneCpu } from '../analysis/compare-select.ts';
import { computingShare } from '../analysis/classify.ts';
import { speedupBound, speedupInterval, withheldAsImpossible, withheldAsImprecise } from '../analysis/plausibility.ts';
import { bestOfModels, closeLevelCall } from '../analysis/recommend.ts';
import type { CellResult, RunResults, WorkloadResult } from '../results/run.ts';
import type { Model } from '../types.ts';
import type { PairedModelTarget } from './paired-models.ts';
import type { VisitSpec } from '../runtimes/types.ts';
import { WARMUP_CAP_MAX_MS, type Cell, type Measured } from './scheduler.ts';

/**
 * Warm-up cap of a contested pairing (priority 0) whose sweep visits ran into their cap unsettled:
 * this many times that cap, at most WARMUP_CAP_MAX_MS. A parser's JIT needs 3-4 s to reach full
 * speed, and a pool's lanes share the cores with their own compiler threads, so they warm slower
 * than the sequential loop: at the sweep's cap (0.72 s at 60 s) acorn's pools read x0.85-1.24 paired
 * against a truth of x1.8, and `sequential` was recommended. A side that settles stops early.
 */
export const CONTESTED_WARMUP_FACTOR = 4;

/** Whether the sweep's visits of a cell reached the warm-up cap before their rate settled. */
function unsettled(cell: CellResult): boolean {
  return (cell.warmup?.unsettled ?? 0) > 0;
}

/** A spec whose warm-up cap is raised to `capMs`, and the extra time that costs at most. */
function withWarmupCap(spec: VisitSpec, capMs: number): { spec: VisitSpec; extraMs: number } {
  const before = spec.warmupMaxMs ?? 0;
  return capMs > before ? { spec: { ...spec, warmupMaxMs: capMs }, extraMs: capMs - before } : { spec, extraMs: 0 };
}

/**
 * The cells of a swept workload that the paired phase measures against sequential: each model's
 * chosen level (bestOfModels; sequential itself included, as the baseline). Cells whose unpaired
 * speedup was withheld as impossible take part: an impossible figure is most often a baseline that
 * measured slow (a cold JIT, a slower vCPU), and measuring side by side with it is what settles
 * that. Left out, a workload whose every cell beat a slow baseline impossibly had nothing paired
 * and kept "sequential" (sieve, marked, py-regex in bench:truth at 74cceaf). A figure withheld as
 * too imprecise takes part too: pairing is what narrows it. Cells with too few batches to say
 * anything stay out.
 */
export function pairedChoices(workload: WorkloadResult): Map<Model, CellResult> {
  return bestOfModels(pairable(workload));
}

/** The cells pairedChoices chooses from. */
function pairable(workload: WorkloadResult): CellResult[] {
  return workload.cells.filter((c) => c.speedupWithheld === undefined || c.model === 'sequential' || withheldAsImpossible(c) || withheldAsImprecise(c));
}

/**
 * Which paired targets go first (0) and which last (1). Last: a cell that cannot beat sequential by
 * the margin whatever it measures (its physical bound, plausibility.ts: async on CPU-bound work, one
 * lane of a pool), or whose unpaired figure already decides against sequential with 95% confidence
 * (a pool of tiny tasks clearly slower; 64 HTTP requests in flight clearly faster by far); a figure
 * withheld as impossible or too imprecise, the recommended cell measured cold (coldRecommendation),
 * and a level that stood in for a faster one of its model by a close call (closeCall,
 * recommend.ts closeLevelCall: its figure decides which level the model is), always go first. At the default budget the paired phase buys about one
 * round of a dozen targets, and a shuffled order left the contested ones out as often as these
 * (acorn's thread and process cells went unpaired in 4 of 5 bench:truth runs at 96b9de3, and
 * sequential was recommended).
 */
export function pairingPriority(cell: CellResult, sequential: CellResult, options: { cores: number; margin: number; seed: number }, coldRecommendation = false, closeCall = false): number {
  if (speedupBound(cell, computingShare(sequential), options.cores) <= 1 + options.margin) return 1;
  // A figure withheld as impossible, or as too imprecise to stand alone, is only settled side by side.
  if (withheldAsImpossible(cell) || withheldAsImprecise(cell)) return 0;
  // One more host's figure, paired, settles whether this level or a faster one speaks for the model.
  if (closeCall) return 0;
  // The cell the sweep recommends is the figure the report will give: measured cold, it is paired
  // first (and warmed longer, pairedTargets) even when its unpaired figure already decides. acorn's
  // thread 2, decided at x1.25-1.31 from visits still warming up at the 0.72 s cap, went unpaired
  // in 3 of 5 bench:truth runs at c44ab40 (truth x1.84; paired first at 2734bb5, x1.77-1.93 in
  // 5 of 5). Only when cold: pairing every recommended cell first (2734bb5) also let paired
  // figures of Python process pools that read x1.0-1.06 (unpaired x1.7) overturn right answers
  // in 3 of 15 Python runs.
  if (coldRecommendation) return 0;
  if (cell.samples === 0 || sequential.samples === 0) return 0;
  const [lo, hi] = speedupInterval(cell, sequential, options.seed);
  // Already decided against sequential without pairing: clearly slower, or clearly faster by the margin.
  return hi < 1 || lo > 1 + options.margin ? 1 : 0;
}

/** Each workload's paired choices of every model but sequential, paired with its sequential cell. */
export function pairedTargets(swept: Pick<RunResults, 'workloads'>, cells: readonly Cell[], measured: Measured, options: { cores: number; margin: number; seed: number }): PairedModelTarget[] {
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
      const sequential = best.get('sequential')!;
      const recommended = w.recommendation?.model === model && w.recommendation.concurrency === chosen.concurrency;
      const close = closeLevelCall(pairable(w), chosen, { margin: options.margin });
      const priority = pairingPriority(chosen, sequential, options, recommended && (unsettled(sequential) || unsettled(chosen)), close);
      let baselineSpec = measured.spec(baseline);
      let candidateSpec = measured.spec(candidate);
      let extraMs = 0;
      // A contested pairing measured cold in the sweep warms both sides longer (each stops once settled).
      if (priority === 0 && (unsettled(sequential) || unsettled(chosen)) && baselineSpec.warmupMaxMs !== undefined) {
        const capMs = Math.min(WARMUP_CAP_MAX_MS, CONTESTED_WARMUP_FACTOR * baselineSpec.warmupMaxMs);
        const b = withWarmupCap(baselineSpec, capMs);
        const c = withWarmupCap(candidateSpec, capMs);
        [baselineSpec, candidateSpec, extraMs] = [b.spec, c.spec, b.extraMs + c.extraMs];
      }
      targets.push({
        baseline,
        candidate,
        baselineSpec,
        candidateSpec,
        expectedMs: measured.costMs(baseline) + measured.costMs(candidate) + extraMs,
        pinnable: runsOnOneCpu(w.cells.find((c) => c.model === 'sequential'), chosen),
        priority,
      });
    }
  }
  return targets;
}
