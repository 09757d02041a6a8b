/**
 * What `run`'s paired phase measures (measure/paired-models.ts measures it): after the sweep, each
 * workload's chosen cell of every model against its sequential cell, in an order that puts first
 * what could change the answer.
 */
import { runsOnOneCpu } from '../analysis/compare-select.ts';
import { computingShare } from '../analysis/classify.ts';
import { measuredSpeedup, speedupBound, speedupInterval, withheldAsImpossible, withheldAsImprecise, withheldAtBound } from '../analysis/plausibility.ts';
import { bestOfModels, closeLevelCall } from '../analysis/recommend.ts';
import type { CellResult, RunResults, WorkloadResult } from '../results/run.ts';
import type { Model } from '../types.ts';
import { AGAIN_UNTIL_ROUNDS, type PairedModelTarget } from './paired-models.ts';
import type { VisitSpec } from '../runtimes/types.ts';
import type { VisitOutcome } from '../runtimes/visit.ts';
import { median } from '../stats/paired.ts';
import { raisedRepeat } from './sample-length.ts';
import { WARMUP_CAP_MAX_MS, type Cell, type Measured } from './scheduler.ts';

/**
 * Warm-up cap of a contested pairing (overturn or contested) whose sweep visits ran into their cap unsettled:
 * this many times that cap, at most WARMUP_CAP_MAX_MS. A parser's JIT needs 3-4 s to reach full
 * speed, and a pool's lanes share the cores with their own compiler threads, so they warm slower
 * than the sequential loop: at the sweep's cap (0.72 s at 60 s) acorn's pools read x0.85-1.24 paired
 * against a truth of x1.8, and `sequential` was recommended. A side that settles stops early.
 */
export const CONTESTED_WARMUP_FACTOR = 4;

/**
 * A paired sample lasts at least about this long, ms: the sweep's repeat (samples of about 30 ms)
 * is raised for the paired phase, judged by the cell's sweep samples. A pool's batch ends when its
 * slowest lane does, so a few milliseconds lost on either core (to whatever else ran there; not
 * yet pinned down) stretch a 15 ms batch by half: sieve's thread 2
 * pairs read x0.8 to x2.2 in 15-30 ms samples, round medians x1.39-1.72 and one run's x1.01 against
 * a truth of x1.78, where samples of about 90 ms read x1.56-1.92, round medians x1.74-1.78
 * (2026-12-01, 4 rounds each, same machine and hour).
 */
export const PAIRED_SAMPLE_MS = 100;

/** Batch pairs per paired round of `run`'s paired phase. */
export const PAIRS_PER_ROUND = 6;

/**
 * The spec with its repeat raised so that a sample lasts about PAIRED_SAMPLE_MS, judged by the
 * median sample of the cell's sweep visits, and the extra time per sample that costs.
 */
export function withPairedSampleLength(spec: VisitSpec, visits: readonly VisitOutcome[] | undefined): { spec: VisitSpec; extraSampleMs: number } {
  const samples = (visits ?? []).flatMap((v) => v.samples).filter((s) => s.wallMs > 0 && s.tasks > 0);
  if (samples.length === 0) return { spec, extraSampleMs: 0 };
  const batchMs = median(samples.map((s) => (s.wallMs * spec.workload.tasks) / s.tasks));
  const repeat = Math.max(1, spec.batchRepeat ?? 1);
  const next = raisedRepeat(repeat, repeat * batchMs, PAIRED_SAMPLE_MS);
  return next === repeat ? { spec, extraSampleMs: 0 } : { spec: { ...spec, batchRepeat: next }, extraSampleMs: (next - repeat) * batchMs };
}

/**
 * The spec whose warm-up ends, as settled, after the longest warm-up the cell's sweep visits needed
 * to settle, when every one of them that judged it settled (else unchanged: the settle rule and its cap decide).
 * The sweep judged settling on its own short samples; a paired sample lasts about PAIRED_SAMPLE_MS,
 * and the rule needs eight of them, more than the cap allows at the default budget: every paired
 * side warmed up to the cap, 0.72 s, where the sweep's hosts of the same cells had settled in
 * 0.15-0.53 s (the Python corpus, 2026-12-02): half of each 3 s paired visit.
 */
export function withSweepWarmup(spec: VisitSpec, visits: readonly VisitOutcome[] | undefined): VisitSpec {
  // Visits without a warm-up record (a calibration's) had a fixed warm-up and say nothing of settling.
  const warmups = (visits ?? []).flatMap((v) => (v.warmup ? [v.warmup] : []));
  if (warmups.length === 0 || warmups.some((w) => !w.settled)) return spec;
  return { ...spec, warmupSettledMs: Math.max(...warmups.map((w) => w.ms)) };
}

/**
 * Warm-up floor of a Node workload's contested pairing against a baseline read far too slow (below),
 * as a multiple of the sweep's cap, at most WARMUP_CAP_MAX_MS: 2.88 s at 60 s. V8 can hold a loop
 * on a slower tier for a while and then step up, and the settle rule, which sees only a flat rate,
 * calls the plateau settled (measure/warmup.ts). sieve's sweep visits of sequential settled at
 * 0.2-0.45 s on 440-450/s in all five bench:truth runs at 91f6fd1 (truth 810/s, where async 24 of
 * the same loop read x1.75-1.84 of it, three times), and the settled warm-up, reused for the
 * pairing, left thread 2 and process 2 before their own steps (cold hosts, per 200 ms: thread 2
 * ~550-870/s up to 0.8-2.0 s, then ~1,000-1,340; process 2 up to 1.6-2.6 s, 2026-12-03): paired
 * x1.16 and x1.09, and `sequential` was recommended (truth thread 2 x1.65). Such a pairing ignores
 * the sweep's settled warm-ups and warms each side this long. Measured at 680595a: sieve's pools
 * then ran 1,146-1,368/s (thread 2) in their rounds, at full speed; its sequential hosts still read
 * 440-481 or 817-836/s after the same warm-up, so its slow baselines are not only a plateau
 * (docs/benchmarks.md, "Night of 2026-12-04").
 */
export const PLATEAU_WARMUP_FACTOR = 4;

/**
 * A baseline read far too slow: another cell's unpaired figure is above its physical bound by more
 * than this factor. Not merely "impossible" (withheldAsImpossible), which one round of noisy hosts
 * reaches at x1.06-1.17 on async cells (multiply, gzip-sync, marked, acorn in bench:truth at
 * 91f6fd1 and 8671513); sieve's async 24 read x1.75-1.84 where x1.00 is possible, acorn's async 16 x1.41.
 */
export const PLATEAU_ABOVE_BOUND = 1.3;

/** Whether a swept workload's sequential cell read far slower than another cell shows it can run (PLATEAU_ABOVE_BOUND). */
export function baselineOnPlateau(workload: Pick<WorkloadResult, 'cells'>, sequential: CellResult, cores: number): boolean {
  if (!(sequential.throughput.median > 0)) return false;
  const share = computingShare(sequential);
  return workload.cells.some(
    (c) => c.model !== 'sequential' && withheldAsImpossible(c) && c.throughput.median / sequential.throughput.median > PLATEAU_ABOVE_BOUND * speedupBound(c, share, cores),
  );
}

/** The longest warm-up of a cell's sweep visits, ms (0 without a record): what its cost as learned includes. */
function sweepWarmupMs(visits: readonly VisitOutcome[] | undefined): number {
  return Math.max(0, ...(visits ?? []).flatMap((v) => (v.warmup ? [v.warmup.ms] : [])));
}

/** A spec that warms up exactly `floorMs` (no settle judgement before it), and the extra that costs beyond the sweep's warm-up. */
function withWarmupFloor(spec: VisitSpec, floorMs: number, visits: readonly VisitOutcome[] | undefined): { spec: VisitSpec; extraMs: number } {
  const { warmupSettledMs: _ignored, ...rest } = spec;
  return { spec: { ...rest, warmupTimeMs: Math.max(floorMs, spec.warmupTimeMs ?? 0), warmupMaxMs: floorMs }, extraMs: Math.max(0, floorMs - sweepWarmupMs(visits)) };
}

/** Whether the sweep's visits of a cell reached the warm-up cap before their rate settled. */
function unsettled(cell: CellResult): boolean {
  return (cell.warmup?.unsettled ?? 0) > 0;
}

/**
 * A spec whose warm-up cap is raised to `capMs`, and the extra time that costs at most. A side that
 * warms up as long as its sweep visits took to settle (withSweepWarmup) stops there: no extra.
 */
function withWarmupCap(spec: VisitSpec, capMs: number): { spec: VisitSpec; extraMs: number } {
  if (spec.warmupSettledMs !== undefined) return { spec, extraMs: 0 };
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
export function pairedChoices(workload: WorkloadResult, options: { cores?: number; margin?: number } = {}): Map<Model, CellResult> {
  return bestOfModels(pairable(workload), options);
}

/** The cells pairedChoices chooses from. */
function pairable(workload: WorkloadResult): CellResult[] {
  return workload.cells.filter((c) => c.speedupWithheld === undefined || c.model === 'sequential' || withheldAsImpossible(c) || withheldAsImprecise(c));
}

/** Where a cell stands to the sweep's recommendation, for pairingPriority. */
export interface PairingContext {
  /** The cell is the one the sweep recommends: its figure is the one the report gives. */
  recommended?: boolean;
  /** The recommended cell, or the sequential baseline, ended warm-up unsettled in the sweep. */
  cold?: boolean;
  /** The cell stood in for a faster level of its model by a close call (recommend.ts closeLevelCall). */
  closeCall?: boolean;
  /** The sweep's recommended figure (the recommendation's speedup over sequential). */
  recommendedSpeedup?: number;
  /** The sweep recommends sequential (or nothing): a contested cell could overturn "do not parallelise". */
  sequentialRecommended?: boolean;
  /**
   * Another cell of the workload measured faster than sequential by more than is possible (not
   * merely noise at its bound): the sequential visits are suspect (they read slow), and so is every
   * unpaired figure decided against them.
   */
  suspectBaseline?: boolean;
}

/**
 * Pairings that could overturn a `sequential` answer go first, then the others that could change the
 * answer, the recommended figure next, the rest last.
 */
export const PRIORITY = { overturn: 0, contested: 1, reportedFigure: 2, decided: 3 } as const;

/**
 * Which paired targets go first. The paired phase at the default budget buys about one round of a
 * dozen targets, and a shuffled order left the contested ones out as often as not (acorn's thread
 * and process cells went unpaired in 4 of 5 bench:truth runs at 96b9de3, and sequential was
 * recommended).
 *
 * First (overturn, then contested): a figure withheld as impossible or too imprecise, the recommended cell
 * measured cold or decided against a suspect baseline, a level that stood in for a faster one of its
 * model by a close call, and any cell whose unpaired interval does not decide it against sequential
 * (pairedTargets adds a faster level within reach of the recommended one, contested too).
 * Next (reportedFigure): the recommended cell, already decided: pairing changes no answer, but its
 * figure is the one the report gives, and an unpaired figure is one draw of two hosts' speeds:
 * fs.readFile's async 4 read x2.90 unpaired (truth x2.15) and async 64 x2.74 (truth x3.63) in two
 * of five bench:truth runs at b7b7b99 (its sequential rate moves 4,400-5,400/s between hosts).
 * Python process pools whose paired figures read x1.0-1.06 kept this cell cold-only at 52bbb3e;
 * with paired figures as Hodges-Lehmann estimates of neighbouring pairs (acda908) they read
 * x1.54-1.78 against truths of x1.59-1.69 in 30 runs at 801f9a4 and b7b7b99.
 * Last (decided): a cell that cannot beat sequential by the margin whatever it measures (its
 * physical bound, plausibility.ts: async on CPU-bound work, one lane of a pool); one whose unpaired
 * figure already decides against sequential with 95% confidence (a pool of tiny tasks clearly
 * slower; 64 HTTP requests in flight clearly faster by far); and one whose unpaired interval falls
 * a whole margin short of the recommended figure even at its top, so it cannot change the answer
 * however imprecise it is (fs.readFile's thread 4 and process 4, x1.4-1.7 beside async 64's x3.6,
 * took the paired phase's time while the recommended cell went unpaired).
 */
export function pairingPriority(cell: CellResult, sequential: CellResult, options: { cores: number; margin: number; seed: number }, context: PairingContext = {}): number {
  const priority = answerPriority(cell, sequential, options, context);
  // Of the contested, those that could overturn "sequential" go first: that answer, wrong, tells a
  // user not to parallelise work that runs 1.8x faster on two cores. acorn's pools, contested,
  // lost a shuffled order to four other workloads' contested cells in 2 of 5 bench:truth runs at
  // 2d8bc7e (`sequential` recommended, truth x1.78-1.91), where 5 paired visits fitted for 18 targets.
  return priority === PRIORITY.contested && context.sequentialRecommended ? PRIORITY.overturn : priority;
}

function answerPriority(cell: CellResult, sequential: CellResult, options: { cores: number; margin: number; seed: number }, context: PairingContext): number {
  if (speedupBound(cell, computingShare(sequential), options.cores) <= 1 + options.margin) return PRIORITY.decided;
  const measured = cell.samples > 0 && sequential.samples > 0;
  const [lo, hi] = measured ? speedupInterval(cell, sequential, options.seed) : [Number.NaN, Number.NaN];
  if (!context.recommended && context.recommendedSpeedup !== undefined && hi * (1 + options.margin) < context.recommendedSpeedup) return PRIORITY.decided;
  // A figure withheld as impossible, or as too imprecise to stand alone, is only settled side by side.
  if (withheldAsImpossible(cell) || withheldAsImprecise(cell)) return PRIORITY.contested;
  // One more host's figure, paired, settles whether this level or a faster one speaks for the model.
  if (context.closeCall) return PRIORITY.contested;
  // The recommended cell measured cold is paired first (and warmed longer, pairedTargets) even when
  // its unpaired figure already decides. acorn's thread 2, decided at x1.25-1.31 from visits still
  // warming up at the 0.72 s cap, went unpaired in 3 of 5 bench:truth runs at c44ab40 (truth
  // x1.84; paired first at 2734bb5, x1.77-1.93 in 5 of 5).
  if (context.recommended && context.cold) return PRIORITY.contested;
  // So is the recommended cell decided against a baseline that another cell showed to have read
  // slow: py-json-dumps (GIL-bound) got thread 2 at x1.43 unpaired (truth x0.90) beside async
  // withheld as impossible at x1.40, decided, and six paired visits did not reach it (bench:truth
  // at a2fadb3).
  if (context.recommended && context.suspectBaseline) return PRIORITY.contested;
  if (!measured) return PRIORITY.contested;
  // A cell that could beat the recommended one by the margin (the top of its interval above it) is
  // contested however clearly it beats sequential: paired, it can take the recommendation's place,
  // or let a hybrid show it beats every simpler model. py-fetch-then-parse's process 4 read x3.26
  // unpaired, decided against sequential, and lost a shuffle among decided cells in a bench:truth
  // run at d53219b: process+async x5.31 paired could not be shown to beat it, and async 32 x2.3
  // was recommended (truth: process+async x5.26).
  if (!context.recommended && context.recommendedSpeedup !== undefined && hi > context.recommendedSpeedup * (1 + options.margin)) return PRIORITY.contested;
  // Undecided against sequential: neither clearly slower nor clearly faster by the margin.
  if (!(hi < 1 || lo > 1 + options.margin)) return PRIORITY.contested;
  return context.recommended ? PRIORITY.reportedFigure : PRIORITY.decided;
}

/**
 * Each workload's paired choices of every model but sequential, paired with its sequential cell;
 * and, for the recommended model, a faster level still within reach (fasterLevelWithinReach).
 */
export function pairedTargets(swept: Pick<RunResults, 'workloads'>, cells: readonly Cell[], measured: Measured, options: { cores: number; margin: number; seed: number; pairs?: number }): PairedModelTarget[] {
  const targets: PairedModelTarget[] = [];
  for (const w of swept.workloads) {
    if (w.status !== 'ok') continue;
    const best = pairedChoices(w, { cores: options.cores, margin: options.margin });
    const baseline = cells.find((c) => c.workload.name === w.name && c.model === 'sequential');
    const sequential = best.get('sequential');
    if (!baseline || !sequential) continue;
    const plateau = w.runtime === 'node' && baselineOnPlateau(w, sequential, options.cores);
    const target = (chosen: CellResult, priority: number): PairedModelTarget | undefined => {
      const candidate = cells.find((c) => c.workload.name === w.name && c.model === chosen.model && c.concurrency === chosen.concurrency);
      if (!candidate) return undefined;
      const baselineSized = withPairedSampleLength(measured.spec(baseline), measured.visits.get(baseline.key));
      const candidateSized = withPairedSampleLength(measured.spec(candidate), measured.visits.get(candidate.key));
      let baselineSpec = withSweepWarmup(baselineSized.spec, measured.visits.get(baseline.key));
      let candidateSpec = withSweepWarmup(candidateSized.spec, measured.visits.get(candidate.key));
      const pairs = options.pairs ?? PAIRS_PER_ROUND;
      let baselineExtraMs = pairs * baselineSized.extraSampleMs;
      let candidateExtraMs = pairs * candidateSized.extraSampleMs;
      // How a contested pairing warms longer, if it does: a Node workload's against a baseline read
      // far too slow warms each side PLATEAU_WARMUP_FACTOR sweep caps (the sweep's "settled" may have
      // been a JIT plateau); one measured cold in the sweep warms each side that had not settled there
      // up to CONTESTED_WARMUP_FACTOR caps (each stops once settled).
      const cap = baselineSpec.warmupMaxMs;
      const longer: ((spec: VisitSpec, visits: readonly VisitOutcome[] | undefined) => { spec: VisitSpec; extraMs: number }) | undefined =
        priority > PRIORITY.contested || cap === undefined
          ? undefined
          : plateau
            ? (spec, visits) => withWarmupFloor(spec, Math.min(WARMUP_CAP_MAX_MS, PLATEAU_WARMUP_FACTOR * cap), visits)
            : unsettled(sequential) || unsettled(chosen)
              ? (spec) => withWarmupCap(spec, Math.min(WARMUP_CAP_MAX_MS, CONTESTED_WARMUP_FACTOR * cap))
              : undefined;
      if (longer) {
        const b = longer(baselineSpec, measured.visits.get(baseline.key));
        const c = longer(candidateSpec, measured.visits.get(candidate.key));
        [baselineSpec, candidateSpec] = [b.spec, c.spec];
        [baselineExtraMs, candidateExtraMs] = [baselineExtraMs + b.extraMs, candidateExtraMs + c.extraMs];
      }
      const baselineMs = measured.costMs(baseline) + baselineExtraMs;
      return {
        baseline,
        candidate,
        baselineSpec,
        candidateSpec,
        expectedMs: baselineMs + measured.costMs(candidate) + candidateExtraMs,
        baselineMs,
        pinnable: runsOnOneCpu(w.cells.find((c) => c.model === 'sequential'), chosen),
        priority,
      };
    };
    // A baseline read far too slow is suspect even where the figure that shows it is within noise of its bound.
    const suspectBaseline = plateau || w.cells.some((c) => withheldAsImpossible(c) && !withheldAtBound(c));
    for (const [model, chosen] of best) {
      if (model === 'sequential') continue;
      const recommended = w.recommendation?.model === model && w.recommendation.concurrency === chosen.concurrency;
      const priority = pairingPriority(chosen, sequential, options, {
        recommended,
        cold: unsettled(sequential) || unsettled(chosen),
        closeCall: closeLevelCall(pairable(w), chosen, { margin: options.margin }),
        recommendedSpeedup: w.recommendation?.speedup,
        sequentialRecommended: !w.recommendation || w.recommendation.model === 'sequential',
        suspectBaseline,
      });
      // A faster level within reach is paired first: paired, it can take the model's place from the
      // recommended level (bestOfModels), which pairing the recommended level alone cannot do; the
      // recommended level's own pairing then only refines its figure (fs.readFile's async 4, paired
      // first in 7.7 s, left no time for async 64 in a bench:truth run at aa02c58).
      const faster = recommended ? fasterLevelWithinReach(pairable(w), chosen, sequential, options) : undefined;
      const chosenTarget = target(chosen, faster ? Math.max(priority, PRIORITY.reportedFigure) : priority);
      if (chosenTarget) targets.push(chosenTarget);
      const fasterTarget = faster && target(faster, PRIORITY.contested);
      if (fasterTarget) targets.push(fasterTarget);
    }
  }
  return targets;
}

/**
 * A faster level of the recommended cell's model that its own figure cannot rule out: unpaired, too
 * imprecise to stand alone, with the top of its interval above the recommended level's figure by
 * more than the margin (the fastest such level by its median). The level rule (bestOfModels)
 * compares points, and an imprecise point is one draw: fs.readFile's async 64 read x1.34-5.00 and
 * x0.91-3.24 unpaired in two bench:truth runs (at 1930a57 and a2fadb3), async 4 was chosen and
 * recommended at x2.8 (truth x2.83 against async 16's x4.27 and async 64's x4.20), and async 64,
 * never a model's choice, was never paired. Paired, the two levels stand on one footing.
 */
export function fasterLevelWithinReach(cells: readonly CellResult[], chosen: CellResult, sequential: CellResult, options: { margin: number; seed: number }): CellResult | undefined {
  if (chosen.model === 'sequential' || !(sequential.throughput.median > 0)) return undefined;
  const own = measuredSpeedup(chosen, sequential);
  const reach = cells.filter(
    (c) =>
      c.model === chosen.model &&
      c.concurrency > chosen.concurrency &&
      c.paired === undefined &&
      withheldAsImprecise(c) &&
      c.samples > 0 &&
      speedupInterval(c, sequential, options.seed)[1] > own * (1 + options.margin),
  );
  return reach.sort((a, b) => b.throughput.median - a.throughput.median)[0];
}

/**
 * The target that follows a workload's recommendation (measurePairedModels' followUp): when the
 * analysis with the pairings so far recommends a cell that has no paired round yet (a pairing took
 * the recommendation off the cell it had chosen), that cell's pairing; when it recommends
 * sequential, the pairing of a model's newly chosen level that could overturn that and is not
 * planned yet; otherwise none. `now` is the workload analysed with the pairings so far;
 * `pairedSoFar` the rounds per cell key of every target planned (measured or waiting).
 */
export function followUpTarget(
  now: WorkloadResult,
  cells: readonly Cell[],
  measured: Measured,
  pairedSoFar: ReadonlyMap<string, readonly unknown[]>,
  options: { cores: number; margin: number; seed: number; pairs?: number },
): PairedModelTarget | undefined {
  const rec = now.recommendation;
  if (now.status !== 'ok') return undefined;
  if (!rec || rec.model === 'sequential') {
    // A pairing that read a pool's chosen level low can leave `sequential` standing while another
    // level of that model, unpaired and not planned, now speaks for it and could still overturn the
    // answer: py-json-dumps' process 2 paired at x1.21 (truth x1.73), process 4 then stood at x1.7
    // unpaired "within noise", and sequential was recommended (bench:truth at 224a4bc). The fastest such cell.
    const cellOf = ({ candidate }: PairedModelTarget) => now.cells.find((c) => c.model === candidate.model && c.concurrency === candidate.concurrency);
    const rate = (t: PairedModelTarget) => cellOf(t)?.throughput.median ?? 0;
    const targets = pairedTargets({ workloads: [now] }, cells, measured, options);
    const unplanned = targets.filter((t) => t.priority === PRIORITY.overturn && !pairedSoFar.has(t.candidate.key)).sort((a, b) => rate(b) - rate(a))[0];
    if (unplanned) return unplanned;
    // Else a pool whose paired rounds read faster than sequential by more than the margin, yet not
    // with 95% confidence, is measured again at once, up to AGAIN_UNTIL_ROUNDS rounds (the one
    // that reads fastest first): py-regex's process 2 paired x1.29 (interval x1.01-1.61; truth
    // x1.70) and `sequential` was recommended, in a bench:truth run at aa02c58 where the paired
    // phase fitted 5 visits for 18 targets and no second round. Once more was not always enough:
    // acorn's process 2 read x1.92 over two rounds (interval x1.02-2.41; truth x1.89) and
    // `sequential` stood at 6d09516, while the last 6 s of the paired phase went to the already
    // recommended figures of two other workloads.
    const pairedSpeedup = (t: PairedModelTarget) => cellOf(t)?.paired?.speedup ?? 0;
    const roundsSoFar = (t: PairedModelTarget) => pairedSoFar.get(t.candidate.key)?.length ?? 0;
    const again = targets
      .filter((t) => roundsSoFar(t) >= 1 && roundsSoFar(t) < AGAIN_UNTIL_ROUNDS && pairedSpeedup(t) > 1 + options.margin)
      .sort((a, b) => pairedSpeedup(b) - pairedSpeedup(a))[0];
    return again && { ...again, again: true };
  }
  const cell = cells.find((c) => c.workload.name === now.name && c.model === rec.model && c.concurrency === rec.concurrency);
  if (!cell || (pairedSoFar.get(cell.key)?.length ?? 0) > 0) return undefined;
  return pairedTargets({ workloads: [now] }, cells, measured, options).find((t) => t.candidate.key === cell.key);
}

/**
 * The pairings of a workload still waiting for their first round (planned in `pairedSoFar` with no
 * round yet) at the priority the answer so far gives them (pairingPriority on `now`, the workload
 * analysed with the pairings measured so far). The priorities of the plan were set on the sweep's
 * answer; a pairing that moves the answer moves them: once acorn's thread 2 paired at x1.62 took
 * the answer off `sequential`, its process 2 could no longer overturn `sequential`, yet still went
 * ahead of marked's thread 2, which could, and which then found no time left (bench:truth at
 * 9eaafbe, marked answered `sequential` against a truth of x1.46-1.75). A pairing that leaves
 * `sequential` standing raises the others of its workload the same way.
 */
export function waitingPriorities(
  now: WorkloadResult,
  cells: readonly Cell[],
  measured: Measured,
  pairedSoFar: ReadonlyMap<string, readonly unknown[]>,
  options: { cores: number; margin: number; seed: number; pairs?: number },
): PairedModelTarget[] {
  if (now.status !== 'ok') return [];
  return pairedTargets({ workloads: [now] }, cells, measured, options).filter((t) => pairedSoFar.get(t.candidate.key)?.length === 0);
}
