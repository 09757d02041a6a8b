/**
 * `concurrency-bench compare`: head (the working tree, or --head REF) against --base REF, measured
 * on this machine in this job. The base is checked out into a temporary worktree; both trees run
 * the config's `prepare`; a short interleaved sweep of every cell gives each tree its `run`
 * results (recommendations); then paired rounds on the cells that matter decide the verdicts.
 * `compare BASE.json HEAD.json` (unpaired, from stored files) lives in compare-files.ts.
 */
import { existsSync, symlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { COMPARE_DEFAULTS, analyzeCompare, orderComparisons, recommendationChanges, summarizeNoise } from '../analysis/compare.ts';
import type { CompareFailure, CompareResults, CompareSettings, RefInfo, Verdict } from '../analysis/compare-types.ts';
import { comparisonMetric, runsOnOneCpu, selectCells } from '../analysis/compare-select.ts';
import { DEFAULT_MARGIN } from '../analysis/recommend.ts';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load.ts';
import type { Config, WorkloadConfig } from '../config/types.ts';
import { GitUsageError } from '../git/errors.ts';
import { isDirty, repoRoot, resolveCommit } from '../git/git.ts';
import { runPrepare } from '../git/prepare.ts';
import { createWorktree, type Worktree } from '../git/worktree.ts';
import { cellKey, planCells, type Cell } from '../measure/scheduler.ts';
import { writeJsonAtomic } from '../report/json.ts';
import type { VisitOutcome } from '../runtimes/visit.ts';
import { mulberry32, shuffled } from '../stats/rng.ts';
import type { RunResults, WorkloadResult } from '../types.ts';
import { VERSION } from '../version.ts';
import { comparisonInputs, measureInFreshHost, PAIRED_MIN_BATCHES, runPairedRounds, type MeasureVisit, type PairedState, type PairedTarget } from './compare-paired.ts';
import { buildRunResults, probeWorkloads, type ProgressEvent } from './run.ts';

/** About twice a plain run's default: the sweep of both trees plus the paired rounds. */
export const DEFAULT_COMPARE_BUDGET_SECONDS = 120;
export const DEFAULT_COMPARE_FILE = '.concurrency-bench/compare.json';
/**
 * Share of the budget for the sweep of every cell in both trees (the rest goes to paired rounds,
 * which decide the verdicts; the sweep's first round is complete however long it takes).
 */
const SWEEP_SHARE = 0.25;
/**
 * Measured time per side of a paired round, ms (batches interleaved with the other side's). Longer
 * than a sweep visit: interleaving cancels the machine's drift, so within a round it is white noise
 * that remains and it averages out (measured: the spread of a block of 10 interleaved pairs was a
 * third of a single pair's).
 */
const PAIRED_SAMPLE_MS = 300;
/** Fixed cost of a visit (process start, pool start, warm-up batch), before one is measured. */
const VISIT_OVERHEAD_GUESS_MS = 250;

export interface CompareOptions {
  /** Base ref (paired mode). */
  base: string;
  /** Head ref; default: the working tree, uncommitted changes included. */
  head?: string;
  /** Config file, relative to cwd; the same path is used inside the base tree. */
  configPath?: string;
  /** A change smaller than this fraction is "unchanged"; default 0.05. */
  threshold?: number;
  /** Fraction an interval must clear for a regression to be real; default 0.01. */
  noiseFloor?: number;
  /** Family-wise error rate of the claims (regression, improvement), across comparisons and looks; default 0.05. */
  alpha?: number;
  timeBudgetSeconds?: number;
  failOnRegression?: boolean;
  seed?: number;
  /** Where to write the results JSON (atomically, after every round); default .concurrency-bench/compare.json. */
  jsonPath?: string;
  /** Working directory (inside the repository); default process.cwd(). */
  cwd?: string;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** Measurement hooks; default: fresh hosts through the runtime registry. */
  measure?: MeasureVisit;
  probe?: (workloads: readonly WorkloadConfig[], signal?: AbortSignal) => Promise<Map<string, VisitOutcome>>;
}

/** 0 ok; 1 regression with --fail-on-regression; 3 something could not be measured; 130 interrupted. */
export function compareExitCode(results: CompareResults, options: { failOnRegression?: boolean; interrupted?: boolean }): number {
  if (options.interrupted) return 130;
  if (options.failOnRegression && results.regressions > 0) return 1;
  const failed =
    results.failures.length > 0 ||
    results.comparisons.some((c) => c.error !== undefined) ||
    results.workloads.some((w) => w.status === 'failed' || w.cells.some((c) => c.status !== 'ok'));
  return failed ? 3 : 0;
}

export function compareSettings(options: Pick<CompareOptions, 'threshold' | 'noiseFloor' | 'alpha' | 'timeBudgetSeconds' | 'seed'>, config: string): CompareSettings {
  return {
    threshold: options.threshold ?? COMPARE_DEFAULTS.threshold,
    noiseFloor: options.noiseFloor ?? COMPARE_DEFAULTS.noiseFloor,
    memoryThreshold: COMPARE_DEFAULTS.memoryThreshold,
    alpha: options.alpha ?? COMPARE_DEFAULTS.alpha,
    timeBudgetSeconds: options.timeBudgetSeconds ?? DEFAULT_COMPARE_BUDGET_SECONDS,
    minRounds: COMPARE_DEFAULTS.minRounds,
    maxRounds: COMPARE_DEFAULTS.maxRounds,
    seed: options.seed ?? COMPARE_DEFAULTS.seed,
    resamples: COMPARE_DEFAULTS.resamples,
    config,
  };
}

/** One side of the compare: where it is and what it declares. */
interface Tree {
  side: 'base' | 'head';
  info: RefInfo;
  config: Config;
  probes: Map<string, VisitOutcome>;
  cells: Cell[];
}

/** Cells of one tree, keyed by side so base and head cells of the same name stay apart. */
function treeCells(side: 'base' | 'head', workloads: readonly WorkloadConfig[], probes: ReadonlyMap<string, VisitOutcome>): Cell[] {
  return workloads
    .filter((w) => probes.get(w.name)?.status === 'ok')
    .flatMap((w) => planCells(w, w.models))
    .map((c) => ({ ...c, key: `${side}\u0000${cellKey(c.workload.name, c.model, c.concurrency)}` }));
}

/**
 * The sweep: every cell of both trees, interleaved in seeded random order, for a share of the
 * budget (at least one round, at most three). A failed cell is not visited again.
 */
async function sweep(
  cells: readonly Cell[],
  options: { deadline: number; seed: number; measure: MeasureVisit; signal?: AbortSignal; onProgress?: (e: ProgressEvent) => void },
): Promise<Map<string, VisitOutcome[]>> {
  const visits = new Map<string, VisitOutcome[]>(cells.map((c) => [c.key, []]));
  const random = mulberry32(options.seed);
  const perVisit = (options.deadline - performance.now()) / 2 / Math.max(1, cells.length);
  const sampleTimeMs = Math.round(Math.min(200, Math.max(20, perVisit - VISIT_OVERHEAD_GUESS_MS)));
  let healthy = [...cells];
  for (let round = 1; round <= 3 && healthy.length > 0; round++) {
    const started = performance.now();
    const order = shuffled(healthy, random);
    let done = 0;
    for (const cell of order) {
      if (options.signal?.aborted || (round > 1 && performance.now() > options.deadline)) break;
      const outcome = await options.measure(cell.workload, cell.model, cell.concurrency, { sampleTimeMs, signal: options.signal });
      if (outcome.status !== 'aborted') visits.get(cell.key)!.push(outcome);
      options.onProgress?.({ type: 'visit', round, done: ++done, total: order.length, label: `sweep ${cell.key.split('\u0000')[0]} ${cell.workload.name} ${cell.model} x${cell.concurrency}`, status: outcome.status });
    }
    healthy = healthy.filter((c) => visits.get(c.key)!.every((v) => v.status === 'ok'));
    if (options.signal?.aborted) break;
    const elapsed = performance.now() - started;
    options.onProgress?.({ type: 'round', round, elapsedMs: elapsed, phase: 'sweep' });
    if (performance.now() + elapsed * 0.9 > options.deadline) break;
  }
  return visits;
}

function treeResults(tree: Tree, visits: ReadonlyMap<string, VisitOutcome[]>, settings: CompareSettings, incomplete: boolean): RunResults {
  return buildRunResults(tree.config, tree.probes, tree.cells, visits, {
    timeBudgetSeconds: settings.timeBudgetSeconds,
    margin: DEFAULT_MARGIN,
    seed: settings.seed,
    rounds: 0,
    incomplete,
    workloads: tree.config.workloads,
  });
}

/** Failures seen in a tree's own results (workloads that failed, cells that did not measure). */
function treeFailures(side: 'base' | 'head', workloads: readonly WorkloadResult[]): CompareFailure[] {
  const out: CompareFailure[] = [];
  for (const w of workloads) {
    if (w.status === 'failed') out.push({ tree: side, workload: w.name, message: w.error ?? 'failed' });
    for (const c of w.cells) {
      if (c.status !== 'ok') out.push({ tree: side, workload: w.name, model: c.model, concurrency: c.concurrency, message: `${c.status}: ${c.error ?? 'no detail'}` });
    }
  }
  return out;
}

/** Assemble the results document from the trees' results and the paired states. */
export function buildCompareResults(parts: {
  base: RefInfo;
  head: RefInfo;
  baseRun: RunResults;
  headRun: RunResults;
  states: readonly PairedState[];
  settings: CompareSettings;
  incomplete: boolean;
  extraFailures?: CompareFailure[];
}): CompareResults {
  const analysed = analyzeCompare(comparisonInputs(parts.states), parts.settings);
  const order = parts.headRun.workloads.map((w) => w.name);
  const comparisons = orderComparisons(analysed.comparisons, order);
  const workloadChanges = [...analysed.workloadChanges].sort((a, b) => order.indexOf(a.workload) - order.indexOf(b.workload));
  const count = (verdict: Verdict) => comparisons.filter((c) => c.verdict === verdict).length + workloadChanges.filter((w) => w.verdict === verdict).length;
  const pairedFailures: CompareFailure[] = parts.states
    .filter((s) => s.failure)
    .map((s) => ({ tree: s.failure!.tree, workload: s.target.cell.workload, model: s.target.cell.model, concurrency: s.target.cell.concurrency, message: s.failure!.message }));
  const starved = parts.states.some((s) => !s.failure && s.rounds.length < parts.settings.minRounds);
  return {
    schemaVersion: 1,
    kind: 'compare',
    tool: { name: 'concurrency-bench', version: VERSION },
    base: parts.base,
    head: parts.head,
    paired: true,
    regressions: count('regression'),
    improvements: count('improvement'),
    comparisons,
    workloadChanges,
    recommendationChanges: recommendationChanges(parts.baseRun.workloads, parts.headRun.workloads, { seed: parts.settings.seed }),
    workloads: parts.headRun.workloads,
    baseWorkloads: parts.baseRun.workloads,
    environment: { ...parts.headRun.environment, runtimes: { ...parts.baseRun.environment.runtimes, ...parts.headRun.environment.runtimes } },
    settings: parts.settings,
    noise: summarizeNoise(comparisons),
    failures: [...treeFailures('base', parts.baseRun.workloads), ...treeFailures('head', parts.headRun.workloads), ...pairedFailures, ...(parts.extraFailures ?? [])],
    incomplete: parts.incomplete || starved,
  };
}

/**
 * What one side of a paired round will cost, from a sweep visit of the cell: the visit's overhead
 * (start-up, warm-up, teardown) plus the paired sample (PAIRED_SAMPLE_MS, or PAIRED_MIN_BATCHES of
 * the cell's batches if longer). Slightly optimistic on purpose: if the budget ends first, that is a
 * look too; stopping at maxRounds with budget left would waste rounds.
 */
export function pairedSideCostMs(visit: VisitOutcome): number {
  const measuredMs = visit.samples.reduce((sum, s) => sum + s.wallMs, 0);
  const batchMs = visit.samples.length ? measuredMs / visit.samples.length : 0;
  return Math.max(0, visit.elapsedMs - measuredMs) + Math.max(PAIRED_SAMPLE_MS, PAIRED_MIN_BATCHES * batchMs);
}

/**
 * Rounds per comparison the remaining budget can pay for, from the sweep's visit costs, clamped to
 * [minRounds, maxRounds]. Unknown costs (no timed visit) leave maxRounds as it is.
 */
export function affordableRounds(targets: readonly PairedTarget[], visits: ReadonlyMap<string, VisitOutcome[]>, remainingMs: number, settings: Pick<CompareSettings, 'minRounds' | 'maxRounds'>): number {
  let roundMs = 0;
  for (const target of targets) {
    for (const side of ['base', 'head'] as const) {
      const timed = (visits.get(`${side}\u0000${cellKey(target.cell.workload, target.cell.model, target.cell.concurrency)}`) ?? []).filter((v) => v.elapsedMs > 0);
      if (timed.length === 0) return settings.maxRounds;
      roundMs += timed.reduce((sum, v) => sum + pairedSideCostMs(v), 0) / timed.length;
    }
  }
  if (roundMs <= 0) return settings.maxRounds;
  return Math.max(settings.minRounds, Math.min(settings.maxRounds, Math.floor(remainingMs / roundMs)));
}

/** Link node_modules of the working tree into a worktree wherever the worktree lacks them (repository root and the config's directory). */
function shareNodeModules(root: string, tree: string, configDir: string): void {
  for (const dir of new Set(['', configDir === '.' ? '' : configDir])) {
    const source = join(root, dir, 'node_modules');
    const target = join(tree, dir, 'node_modules');
    if (existsSync(source) && !existsSync(target) && existsSync(join(tree, dir))) symlinkSync(source, target, 'dir');
  }
}

/** Load the config of the base tree from the same relative path as head's. */
function loadTreeConfig(path: string, side: 'base' | 'head', ref: string, shownPath: string): Config {
  if (!existsSync(path)) throw new GitUsageError(`${shownPath} does not exist in the ${side} tree (${ref}): compare needs the same config file on both sides`);
  return loadConfig(path);
}

export async function compareCommand(options: CompareOptions): Promise<{ results: CompareResults; exitCode: number; jsonPath: string }> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const started = performance.now();
  const configAbs = resolve(cwd, options.configPath ?? DEFAULT_CONFIG_FILE);
  const root = await repoRoot(cwd);
  const configRel = relative(root, configAbs);
  if (configRel.startsWith('..')) throw new GitUsageError(`the config ${configAbs} is outside the repository ${root}`);
  const baseSha = await resolveCommit(root, options.base);
  const headSha = options.head ? await resolveCommit(root, options.head) : await resolveCommit(root, 'HEAD').catch(() => null);
  const jsonPath = resolve(cwd, options.jsonPath ?? DEFAULT_COMPARE_FILE);
  const settings = compareSettings(options, configRel);
  const measure = options.measure ?? measureInFreshHost;
  const probe = options.probe ?? probeWorkloads;
  const deadline = started + settings.timeBudgetSeconds * 1000;

  const worktrees: Worktree[] = [];
  try {
    const baseTree = await createWorktree(root, baseSha, { label: 'base' });
    worktrees.push(baseTree);
    let headDir = root;
    if (options.head) {
      const headTree = await createWorktree(root, headSha!, { label: 'head' });
      worktrees.push(headTree);
      headDir = headTree.path;
    }
    const baseInfo: RefInfo = { ref: options.base, sha: baseSha };
    const headInfo: RefInfo = options.head ? { ref: options.head, sha: headSha } : { ref: 'working tree', sha: headSha, dirty: await isDirty(root) };
    const baseConfig = loadTreeConfig(join(baseTree.path, configRel), 'base', options.base, configRel);
    const headConfig = options.head ? loadTreeConfig(join(headDir, configRel), 'head', options.head, configRel) : loadConfig(configAbs);

    for (const [side, config, ref] of [['base', baseConfig, `${options.base}@${baseSha.slice(0, 7)}`], ['head', headConfig, options.head ?? 'working tree']] as const) {
      if (config.prepare) await runPrepare(config.prepare, config.dir, side, { signal: options.signal, label: ref });
    }
    // A fresh worktree has no installed dependencies. Without a `prepare` to install them, borrow
    // the working tree's node_modules, so workloads that import packages load on both sides (a
    // dependency change between base and head needs `prepare`, e.g. "npm ci").
    for (const tree of worktrees) {
      const config = tree === worktrees[0] ? baseConfig : headConfig;
      if (!config.prepare) shareNodeModules(root, tree.path, dirname(configRel));
    }

    const trees: Tree[] = [];
    for (const [side, info, config] of [['base', baseInfo, baseConfig], ['head', headInfo, headConfig]] as const) {
      const probes = await probe(config.workloads, options.signal);
      for (const [name, p] of probes) options.onProgress?.({ type: 'probe', workload: `${side}: ${name}`, status: p.status === 'ok' ? 'ok' : `failed: ${p.error}` });
      trees.push({ side, info, config, probes, cells: treeCells(side, config.workloads, probes) });
    }
    const [base, head] = trees;
    const sweepDeadline = started + settings.timeBudgetSeconds * 1000 * SWEEP_SHARE;
    const visits = await sweep([...base.cells, ...head.cells], { deadline: sweepDeadline, seed: settings.seed, measure, signal: options.signal, onProgress: options.onProgress });

    // Paired targets: cells selected on the sweep of workloads measured fine in both trees.
    const baseSweep = treeResults(base, visits, settings, true);
    const headSweep = treeResults(head, visits, settings, true);
    const targets: PairedTarget[] = [];
    for (const h of headSweep.workloads) {
      const b = baseSweep.workloads.find((w) => w.name === h.name);
      const baseWorkload = base.config.workloads.find((w) => w.name === h.name);
      const headWorkload = head.config.workloads.find((w) => w.name === h.name)!;
      if (!b || !baseWorkload || b.status !== 'ok' || h.status !== 'ok') continue;
      for (const cell of selectCells(b, h)) {
        const sweptCell = (w: typeof h) => w.cells.find((c) => c.model === cell.model && c.concurrency === cell.concurrency);
        const [bc, hc] = [sweptCell(b), sweptCell(h)];
        targets.push({ cell, metric: comparisonMetric(bc, hc, availableParallelism()), pinToOneCpu: runsOnOneCpu(bc, hc), base: baseWorkload, head: headWorkload });
      }
    }

    // The looks of the sequential decision are fixed before any paired data is seen: from the rounds
    // the remaining budget can pay for (what the sweep's visits of these cells cost), not from the
    // theoretical maximum, so alpha is not spent on looks that could never come.
    const pairedSettings = { ...settings, maxRounds: affordableRounds(targets, visits, deadline - performance.now(), settings) };
    const snapshot = (states: readonly PairedState[], incomplete: boolean) => {
      // Paired visits also feed the trees' own cell results: more samples for the recommendation.
      const all = new Map(visits);
      for (const s of states) {
        for (const side of ['base', 'head'] as const) {
          const key = `${side}\u0000${cellKey(s.target.cell.workload, s.target.cell.model, s.target.cell.concurrency)}`;
          all.set(key, [...(all.get(key) ?? []), ...s.visits[side]]);
        }
      }
      return buildCompareResults({
        base: baseInfo,
        head: headInfo,
        baseRun: treeResults(base, all, settings, incomplete),
        headRun: treeResults(head, all, settings, incomplete),
        states,
        settings: pairedSettings,
        incomplete,
      });
    };
    const states = await runPairedRounds(targets, {
      settings: pairedSettings,
      deadline,
      sampleTimeMs: PAIRED_SAMPLE_MS,
      // Production rounds interleave fresh hosts; a stand-in measure (tests) gets two visits per round.
      measure: options.measure,
      signal: options.signal,
      onVisit: (e) => options.onProgress?.({ type: 'visit', ...e }),
      onRound: (round, soFar) => {
        writeJsonAtomic(jsonPath, snapshot(soFar, true));
        options.onProgress?.({ type: 'round', round, elapsedMs: performance.now() - started, phase: 'paired' });
      },
    });
    const interrupted = options.signal?.aborted ?? false;
    const results = snapshot(states, interrupted);
    writeJsonAtomic(jsonPath, results);
    return { results, exitCode: compareExitCode(results, { failOnRegression: options.failOnRegression, interrupted }), jsonPath };
  } finally {
    for (const tree of worktrees) await tree.remove();
  }
}
