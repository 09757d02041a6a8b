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
import { COMPARE_DEFAULTS, analyzeCompare, orderComparisons, summarizeNoise } from '../analysis/compare.ts';
import { recommendationChanges } from '../analysis/recommendation-changes.ts';
import type { CompareFailure, CompareResults, CompareSettings, RefInfo, Verdict } from '../results/compare.ts';
import { comparisonMetric, runsOnOneCpu, selectCells, type SelectedCell } from '../analysis/compare-select.ts';
import { batchTasksFor, sweepCells, taskMs, type SweepVisit } from '../measure/sweep.ts';
import { DEFAULT_MARGIN } from '../analysis/recommend.ts';
import { DEFAULT_CONFIG_FILE, loadConfigAsync } from '../config/load.ts';
import type { Config, WorkloadConfig } from '../config/types.ts';
import { GitUsageError } from '../git/errors.ts';
import { isDirty, repoRoot, resolveCommit } from '../git/git.ts';
import { runPrepare } from '../git/prepare.ts';
import { createWorktree, type Worktree } from '../git/worktree.ts';
import { cellKey, planCells, visitSpec, type Cell } from '../measure/scheduler.ts';
import { writeJsonAtomic } from '../results/write.ts';
import type { VisitOutcome } from '../runtimes/visit.ts';
import type { Model } from '../types.ts';
import type { RunResults, WorkloadResult } from '../results/run.ts';
import { VERSION } from '../version.ts';
import { comparisonInputs, measureInterleaved, PAIRED_MIN_BATCHES, runPairedRounds, type MeasureRound, type PairedState, type PairedTarget } from '../measure/paired-rounds.ts';
import { describePlan, type RoundPlan } from '../measure/round-plan.ts';
import { runtimeFor } from '../runtimes/registry.ts';
import { runVisit } from '../runtimes/visit.ts';
import { buildRunResults, probeWorkloads, type ProgressEvent } from './run.ts';

/**
 * Without --time-budget, compare takes what its plan needs, up to this ceiling (a CI job's sane
 * limit): the sweep, then the paired rounds the noise asks for to decide every workload.
 */
export const DEFAULT_COMPARE_CAP_SECONDS = 600;
export const DEFAULT_COMPARE_FILE = '.concurrency-bench/compare.json';
/**
 * The sweep of every cell in both trees (recommendations, and what each cell costs): a share of an
 * explicit budget, or at most SWEEP_MAX_MS without one (its first round is complete however long
 * it takes; batches of slow cells are sized to what they cost, see sweepBatchTasks).
 */
const SWEEP_SHARE = 0.25;
const SWEEP_MAX_MS = 45_000;
/**
 * Measured time per side of a paired round, ms (batches interleaved with the other side's). Longer
 * than a sweep visit: interleaving cancels the machine's drift, so within a round it is white noise
 * that remains and it averages out (measured: the spread of a block of 10 interleaved pairs was a
 * third of a single pair's).
 */
const PAIRED_SAMPLE_MS = 300;
/**
 * The same for the rounds of the cells that do not gate: they describe, and with 12-22 of them in
 * a config like the examples, their rounds were most of a compare's paired time.
 */
const DESCRIPTIVE_SAMPLE_MS = 150;
/**
 * Target wall time of one batch of a paired visit of the primary (sequential) cell, ms: a batch of
 * a slow task (a 40 ms wait, 128 tasks) would otherwise take 5 s and six pairs of them a minute. At
 * concurrency 1 the number of tasks in a batch changes nothing but its length.
 */
const PAIRED_BATCH_MS = 25;

/** The measuring seams of compare: tests and the method benchmark replace these, production uses the defaults. */
export interface ComparePorts {
  /** One sweep visit of a cell in a fresh host. */
  visit: SweepVisit;
  /** One paired round of a target (both trees). */
  round: MeasureRound;
  /** Does each workload load? */
  probe: (workloads: readonly WorkloadConfig[], signal?: AbortSignal) => Promise<Map<string, VisitOutcome>>;
}

export const DEFAULT_PORTS: ComparePorts = {
  visit: (workload, model, concurrency, options) => {
    const spec = visitSpec({ workload, model, concurrency, key: '' }, options.sampleTimeMs);
    if (options.batchTasks !== undefined) spec.workload.tasks = Math.max(1, Math.min(workload.tasks, options.batchTasks));
    return runVisit(runtimeFor(workload.runtime), workload, spec, { signal: options.signal, hardTimeoutMs: workload.timeoutMs + 30_000 });
  },
  round: measureInterleaved,
  probe: probeWorkloads,
};

export interface CompareOptions {
  /** Base ref (paired mode). */
  base: string;
  /** Head ref; default: the working tree, uncommitted changes included. */
  head?: string;
  /** Config file, relative to cwd; the same path is used inside the base tree. */
  configPath?: string;
  /** A change smaller than this fraction is "unchanged"; default 0.05. */
  threshold?: number;
  /** Family-wise error rate of the gate's claims in each direction, across workloads and looks; default 0.05. */
  alpha?: number;
  /** Cap on the whole compare, seconds; default: what the plan needs, up to DEFAULT_COMPARE_CAP_SECONDS. */
  timeBudgetSeconds?: number;
  failOnRegression?: boolean;
  seed?: number;
  /** Where to write the results JSON (atomically, after every round); default .concurrency-bench/compare.json. */
  jsonPath?: string;
  /** Working directory (inside the repository); default process.cwd(). */
  cwd?: string;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** Measurement seams (tests, the method benchmark); default DEFAULT_PORTS. */
  ports?: Partial<ComparePorts>;
}

/**
 * 0 ok; 1 regression with --fail-on-regression; 3 something could not be measured; 4 a workload's
 * gate was not decided, with --fail-on-regression (a gate that measured too little must not pass
 * as if all were well); 130 interrupted.
 */
export function compareExitCode(results: CompareResults, options: { failOnRegression?: boolean; interrupted?: boolean }): number {
  if (options.interrupted) return 130;
  if (options.failOnRegression && results.regressions > 0) return 1;
  const failed =
    results.failures.length > 0 ||
    results.comparisons.some((c) => c.error !== undefined) ||
    results.workloads.some((w) => w.status === 'failed' || w.cells.some((c) => c.status !== 'ok'));
  if (failed) return 3;
  if (options.failOnRegression && (results.undecided ?? 0) > 0) return 4;
  return 0;
}

export function compareSettings(options: Pick<CompareOptions, 'threshold' | 'alpha' | 'timeBudgetSeconds' | 'seed'>, config: string): CompareSettings {
  return {
    threshold: options.threshold ?? COMPARE_DEFAULTS.threshold,
    noiseFloor: COMPARE_DEFAULTS.noiseFloor,
    memoryThreshold: COMPARE_DEFAULTS.memoryThreshold,
    alpha: options.alpha ?? COMPARE_DEFAULTS.alpha,
    timeBudgetSeconds: options.timeBudgetSeconds ?? DEFAULT_COMPARE_CAP_SECONDS,
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
  plan?: RoundPlan | null;
  extraFailures?: CompareFailure[];
}): CompareResults {
  const analysed = analyzeCompare(comparisonInputs(parts.states), parts.settings);
  const order = parts.headRun.workloads.map((w) => w.name);
  const comparisons = orderComparisons(analysed.comparisons, order);
  const planOf = (name: string) => parts.plan?.workloads.find((w) => w.workload === name);
  const workloadChanges = [...analysed.workloadChanges]
    .sort((a, b) => order.indexOf(a.workload) - order.indexOf(b.workload))
    .map((w) => {
      const p = planOf(w.workload);
      return p ? { ...w, plannedRounds: p.planned, wantedRounds: p.wanted } : w;
    });
  // The gate counts workloads: a workload's cells never add regressions of their own.
  const count = (verdict: Verdict) => workloadChanges.filter((w) => w.verdict === verdict).length;
  // Workloads measured fine in both trees whose gate got no primary comparison at all are undecided too.
  const gated = new Set(workloadChanges.map((w) => w.workload));
  const ungated = parts.headRun.workloads.filter((w) => w.status === 'ok' && parts.baseRun.workloads.some((b) => b.name === w.name && b.status === 'ok') && !gated.has(w.name));
  const pairedFailures: CompareFailure[] = parts.states
    .filter((s) => s.failure)
    .map((s) => ({ tree: s.failure!.tree, workload: s.target.cell.workload, model: s.target.cell.model, concurrency: s.target.cell.concurrency, message: s.failure!.message }));
  const undecided = count('inconclusive') + ungated.length;
  return {
    schemaVersion: 1,
    kind: 'compare',
    tool: { name: 'concurrency-bench', version: VERSION },
    base: parts.base,
    head: parts.head,
    paired: true,
    regressions: count('regression'),
    improvements: count('improvement'),
    undecided,
    comparisons,
    workloadChanges,
    plan: parts.plan ? { descriptiveRounds: parts.plan.descriptiveRounds, capped: parts.plan.capped, workloads: parts.plan.workloads.map(({ roundMs: _, ...w }) => w) } : null,
    recommendationChanges: recommendationChanges(parts.baseRun.workloads, parts.headRun.workloads, { seed: parts.settings.seed }),
    workloads: parts.headRun.workloads,
    baseWorkloads: parts.baseRun.workloads,
    environment: { ...parts.headRun.environment, runtimes: { ...parts.baseRun.environment.runtimes, ...parts.headRun.environment.runtimes } },
    settings: parts.settings,
    noise: summarizeNoise(comparisons),
    failures: [...treeFailures('base', parts.baseRun.workloads), ...treeFailures('head', parts.headRun.workloads), ...pairedFailures, ...(parts.extraFailures ?? [])],
    // Incomplete: interrupted, or a workload's gate got too few rounds to be looked at.
    incomplete: parts.incomplete || ungated.length > 0 || workloadChanges.some((w) => w.ci95 === null && w.error === undefined),
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

/** Link node_modules of the working tree into a worktree wherever the worktree lacks them (repository root and the config's directory). */
function shareNodeModules(root: string, tree: string, configDir: string): void {
  for (const dir of new Set(['', configDir === '.' ? '' : configDir])) {
    const source = join(root, dir, 'node_modules');
    const target = join(tree, dir, 'node_modules');
    if (existsSync(source) && !existsSync(target) && existsSync(join(tree, dir))) symlinkSync(source, target, 'dir');
  }
}

/** Load the config of the base tree from the same relative path as head's. */
async function loadTreeConfig(path: string, side: 'base' | 'head', ref: string, shownPath: string): Promise<Config> {
  if (!existsSync(path)) throw new GitUsageError(`${shownPath} does not exist in the ${side} tree (${ref}): compare needs the same config file on both sides`);
  return loadConfigAsync(path);
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
  const ports: ComparePorts = { ...DEFAULT_PORTS, ...options.ports };
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
    const baseConfig = await loadTreeConfig(join(baseTree.path, configRel), 'base', options.base, configRel);
    const headConfig = options.head ? await loadTreeConfig(join(headDir, configRel), 'head', options.head, configRel) : await loadConfigAsync(configAbs);

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
      const probes = await ports.probe(config.workloads, options.signal);
      for (const [name, p] of probes) options.onProgress?.({ type: 'probe', workload: `${side}: ${name}`, status: p.status === 'ok' ? 'ok' : `failed: ${p.error}` });
      trees.push({ side, info, config, probes, cells: treeCells(side, config.workloads, probes) });
    }
    const [base, head] = trees;
    // The sweep: a share of an explicit budget, at most SWEEP_MAX_MS of the default one.
    const sweepMs = options.timeBudgetSeconds !== undefined ? settings.timeBudgetSeconds * 1000 * SWEEP_SHARE : SWEEP_MAX_MS;
    const visits = await sweepCells([...base.cells, ...head.cells], {
      deadline: performance.now() + sweepMs,
      seed: settings.seed,
      visit: ports.visit,
      signal: options.signal,
      onVisit: (e) =>
        options.onProgress?.({ type: 'visit', round: e.round, done: e.done, total: e.total, label: `sweep ${e.cell.key.split('\u0000')[0]} ${e.cell.workload.name} ${e.cell.model} x${e.cell.concurrency}`, status: e.outcome.status }),
      onRound: (round, elapsedMs) => options.onProgress?.({ type: 'round', round, elapsedMs, phase: 'sweep' }),
    });

    // Paired targets, of workloads measured fine in both trees: the primary (sequential, the gate)
    // and the cells selected on the sweep (each model's best concurrency, the recommendations).
    const baseSweep = treeResults(base, visits, settings, true);
    const headSweep = treeResults(head, visits, settings, true);
    const targets: PairedTarget[] = [];
    for (const h of headSweep.workloads) {
      const b = baseSweep.workloads.find((w) => w.name === h.name);
      const baseWorkload = base.config.workloads.find((w) => w.name === h.name);
      const headWorkload = head.config.workloads.find((w) => w.name === h.name)!;
      if (!b || !baseWorkload || b.status !== 'ok' || h.status !== 'ok') continue;
      const sweptCell = (w: typeof h, model: Model, concurrency: number) => w.cells.find((c) => c.model === model && c.concurrency === concurrency);
      const cells = selectCells(b, h);
      const primary = primaryCell(b, h, cells);
      for (const cell of [...(primary && !cells.includes(primary) ? [primary] : []), ...cells]) {
        const [bc, hc] = [sweptCell(b, cell.model, cell.concurrency), sweptCell(h, cell.model, cell.concurrency)];
        const oneTask = Math.max(taskMs(visits.get(`base\u0000${cellKey(h.name, cell.model, cell.concurrency)}`)?.[0]), taskMs(visits.get(`head\u0000${cellKey(h.name, cell.model, cell.concurrency)}`)?.[0]));
        targets.push({
          cell,
          metric: comparisonMetric(bc, hc, availableParallelism()),
          pinToOneCpu: runsOnOneCpu(bc, hc),
          primary: cell === primary,
          // The primary runs one task at a time: its batches are sized to PAIRED_BATCH_MS.
          ...(cell === primary && cell.concurrency === 1 ? { batchTasks: batchTasksFor(headWorkload.tasks, 1, oneTask, PAIRED_BATCH_MS) } : {}),
          // A batch of tiny tasks is repeated within a sample up to about PAIRED_BATCH_MS: each batch of a
          // stepped visit costs a round trip to the host, and 2 tasks of 1 us made a 6 s compare take 26-40 s.
          ...(oneTask > 0 && headWorkload.tasks * oneTask < PAIRED_BATCH_MS / 2 ? { batchRepeat: Math.min(10_000, Math.floor(PAIRED_BATCH_MS / (headWorkload.tasks * oneTask))) } : {}),
          base: baseWorkload,
          head: headWorkload,
        });
      }
    }
    let plan: RoundPlan | null = null;
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
        settings,
        incomplete,
        plan,
      });
    };
    const estimate = (target: PairedTarget) => {
      let ms = 0;
      for (const side of ['base', 'head'] as const) {
        const timed = (visits.get(`${side}\u0000${cellKey(target.cell.workload, target.cell.model, target.cell.concurrency)}`) ?? []).filter((v) => v.elapsedMs > 0);
        ms += timed.length ? timed.reduce((sum, v) => sum + pairedSideCostMs(v), 0) / timed.length : 400 + PAIRED_SAMPLE_MS;
      }
      return ms;
    };
    const run = await runPairedRounds(targets, {
      settings,
      deadline,
      sampleTimeMs: PAIRED_SAMPLE_MS,
      descriptiveSampleTimeMs: DESCRIPTIVE_SAMPLE_MS,
      measureRound: ports.round,
      estimateRoundMs: estimate,
      signal: options.signal,
      onVisit: (e) => options.onProgress?.({ type: 'visit', ...e }),
      onPlan: (p) => {
        plan = p;
        options.onProgress?.({ type: 'plan', lines: describePlan(p, settings.threshold) });
      },
      onRound: (round, soFar) => {
        writeJsonAtomic(jsonPath, snapshot(soFar, true));
        options.onProgress?.({ type: 'round', round, elapsedMs: performance.now() - started, phase: 'paired' });
      },
    });
    plan = run.plan;
    const interrupted = options.signal?.aborted ?? false;
    const results = snapshot(run.states, interrupted);
    writeJsonAtomic(jsonPath, results);
    return { results, exitCode: compareExitCode(results, { failOnRegression: options.failOnRegression, interrupted }), jsonPath };
  } finally {
    for (const tree of worktrees) await tree.remove();
  }
}

/**
 * The comparison a workload's gate is decided on: the sequential cell (one task at a time, pinned
 * to one CPU, on CPU time when it computes), the least noisy measure of what a change to the task's
 * code costs; it runs in every model, so a slowdown of the task shows in it. When it did not
 * measure in both trees, the cheapest selected cell.
 */
export function primaryCell(base: WorkloadResult, head: WorkloadResult, selected: readonly SelectedCell[]): SelectedCell | undefined {
  const ok = (w: WorkloadResult) => w.cells.some((c) => c.model === 'sequential' && c.concurrency === 1 && c.status === 'ok' && c.throughput.median > 0);
  if (ok(base) && ok(head)) return selected.find((c) => c.model === 'sequential' && c.concurrency === 1) ?? { workload: head.name, model: 'sequential', concurrency: 1, roles: [] };
  return selected[0];
}
