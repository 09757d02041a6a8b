import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { analyzeWorkload, failedWorkload } from '../analysis/analyze.ts';
import { withheldAsImpossible } from '../analysis/plausibility.ts';
import { addDoubt, DEFAULT_MARGIN } from '../analysis/recommend.ts';
import { ConfigError } from '../config/errors.ts';
import { loadConfigAsync } from '../config/load.ts';
import type { Config, WorkloadConfig } from '../config/types.ts';
import { describeEnvironment } from '../environment.ts';
import { aggregateCell } from '../measure/aggregate.ts';
import { hostRate, sequentialHostRates } from '../measure/host-rates.ts';
import { measurePairedModels, type PairedModelRound } from '../measure/paired-models.ts';
import { followUpTarget, PAIRS_PER_ROUND, pairedTargets, PRIORITY, waitingPriorities } from '../measure/paired-targets.ts';
import { cellKey, measureInRounds, planCells, visitSpec, type Cell } from '../measure/scheduler.ts';
import { pairedSpeedup, type PairedSpeedup } from '../stats/paired-speedup.ts';
import { writeJsonAtomic } from '../results/write.ts';
import { runtimeFor } from '../runtimes/registry.ts';
import { runVisit, type VisitOutcome } from '../runtimes/visit.ts';
import { MODELS } from '../types.ts';
import { noUseForHybrids } from '../measure/hybrids.ts';
import type { CellResult, RunResults, WorkloadResult } from '../results/run.ts';
import { VERSION } from '../version.ts';

export const DEFAULT_TIME_BUDGET_SECONDS = 60;
export const DEFAULT_RESULTS_FILE = '.concurrency-bench/results.json';

export interface RunOptions {
  configPath: string;
  /** Wall-clock budget for all measuring, seconds. */
  timeBudgetSeconds?: number;
  margin?: number;
  seed?: number;
  /** Where to write the results JSON (always written, atomically, after every round). */
  jsonPath?: string;
  /** Only these workloads (by name). */
  only?: string[];
  signal?: AbortSignal;
  /** Progress lines (for a TTY display). */
  onProgress?: (event: ProgressEvent) => void;
  /** Config already loaded (compare measures a tree whose config it has read). */
  config?: Config;
}

export type ProgressEvent =
  | { type: 'probe'; workload: string; status: string }
  | { type: 'visit'; round: number; done: number; total: number; label: string; status: string }
  | { type: 'round'; round: number; elapsedMs: number; /** Which loop the round belongs to when there are several (compare). */ phase?: string }
  /** compare: the plan of the paired rounds, as lines to print before they run. */
  | { type: 'plan'; lines: string[] };

/** Probe every workload once: does the module load in this runtime? Failures become failed workloads. */
export async function probeWorkloads(workloads: readonly WorkloadConfig[], signal?: AbortSignal) {
  const probes = new Map<string, VisitOutcome>();
  for (const workload of workloads) {
    const cell: Cell = { workload, model: 'sequential', concurrency: 1, key: '' };
    probes.set(workload.name, await runVisit(runtimeFor(workload.runtime), workload, visitSpec(cell, 0, 'probe'), { signal, hardTimeoutMs: workload.timeoutMs + 30_000 }));
  }
  return probes;
}

/** Build the results document from whatever has been measured so far. */
export function buildRunResults(
  config: Config,
  probes: ReadonlyMap<string, VisitOutcome>,
  cells: readonly Cell[],
  visits: ReadonlyMap<string, VisitOutcome[]>,
  settings: { timeBudgetSeconds: number; margin: number; seed: number; rounds: number; incomplete: boolean; workloads: readonly WorkloadConfig[]; cores?: number },
  skipped: ReadonlyMap<string, string> = new Map(),
  paired: ReadonlyMap<string, PairedCellEstimate> = new Map(),
  hostRates: ReadonlyMap<string, readonly number[]> = new Map(),
): RunResults {
  const runtimes: Record<string, Record<string, unknown>> = {};
  const workloads: WorkloadResult[] = settings.workloads.map((workload) => {
    const probe = probes.get(workload.name);
    if (probe?.env) runtimes[workload.runtime] = { ...runtimes[workload.runtime], ...probe.env };
    if (!probe || probe.status !== 'ok') {
      return failedWorkload(workload.name, workload.runtime, probe?.error ?? 'not measured (interrupted before it started)');
    }
    const own = cells.filter((c) => c.workload === workload);
    const results = own
      .map((c) => {
        const cell = aggregateCell(c.model, c.concurrency, visits.get(c.key) ?? [], settings.cores);
        const pairedSpeedup = paired.get(c.key);
        const rates = c.model === 'sequential' ? hostRates.get(workload.name) : undefined;
        return cell && { ...cell, ...(pairedSpeedup ? { paired: roundPaired(pairedSpeedup) } : {}), ...(rates?.length ? { hostRates: rates.map((r) => Math.round(r * 1000) / 1000) } : {}) };
      })
      .filter((c): c is CellResult => c !== undefined);
    const result = analyzeWorkload(workload.name, workload.runtime, results, { margin: settings.margin, seed: settings.seed, cores: settings.cores });
    const notMeasured = own.filter((c) => skipped.has(c.key)).map((c) => ({ model: c.model, concurrency: c.concurrency, reason: skipped.get(c.key)! }));
    if (notMeasured.length > 0) result.skipped = notMeasured;
    // A baseline the budget left out says so where the failure is read (the terminal, the comment).
    const baselineSkipped = notMeasured.find((n) => n.model === 'sequential');
    if (result.status === 'failed' && baselineSkipped && !result.cells.some((c) => c.model === 'sequential')) {
      result.error = `the sequential baseline was not measured: ${baselineSkipped.reason}; a longer --time-budget measures it`;
    }
    // A model none of whose cells was measured was not compared: the recommendation cannot rule it
    // out. Not a hybrid the coarse sweep showed no use for: that was measured to be ruled out.
    const unmeasured = MODELS.filter((m) => notMeasured.some((n) => n.model === m && !noUseForHybrids(n.reason)) && !result.cells.some((c) => c.model === m && c.samples > 0));
    if (result.recommendation && unmeasured.length > 0) {
      result.recommendation.reason += ` Not measured within the budget: ${unmeasured.join(', ')} (a longer --time-budget measures ${unmeasured.length > 1 ? 'them' : 'it'}).`;
      addDoubt(result.recommendation, 'model-not-measured');
    }
    return result;
  });
  return {
    schemaVersion: 1,
    kind: 'run',
    tool: { name: 'concurrency-bench', version: VERSION },
    incomplete: settings.incomplete,
    environment: describeEnvironment(runtimes),
    settings: { timeBudgetSeconds: settings.timeBudgetSeconds, margin: settings.margin, rounds: settings.rounds, seed: settings.seed, config: config.file },
    workloads,
  };
}

/** A cell's paired estimate and, when known, each round's host rates (CellResult.paired.hosts). */
export type PairedCellEstimate = PairedSpeedup & { hosts?: readonly PairedRoundHosts[] };
type PairedRoundHosts = NonNullable<NonNullable<CellResult['paired']>['hosts']>[number];

function roundPaired(p: PairedCellEstimate): NonNullable<CellResult['paired']> {
  const r = (value: number) => Math.round(value * 1000) / 1000;
  const rate = (value: number | null) => (value === null ? null : r(value));
  return {
    speedup: r(p.speedup),
    ci95: [r(p.ci95[0]), r(p.ci95[1])],
    rounds: p.rounds,
    pairs: p.pairs,
    spread: Math.round(p.spread * 10_000) / 10_000,
    ...(p.hosts ? { hosts: p.hosts.map((h) => ({ baseline: rate(h.baseline), candidate: rate(h.candidate) })) } : {}),
  };
}

/**
 * Share of run's budget kept for the paired phase: each model's chosen cell measured against
 * sequential in paired rounds (measure/paired-models.ts). The rest goes to the sweep of every cell.
 */
export const PAIRED_SHARE = 0.4;

/**
 * Cells a workload's paired phase may add after the sweep's choices (measurePairedModels' followUp):
 * when a pairing takes the recommendation off the cell it had chosen, the cell it moved to is paired
 * too, in the same round, so that the figure the report gives is a paired one. At the default
 * budget the paired phase buys about one round, and in 30 bench:truth runs at six commits
 * (2026-12-01) 51 of about 500 recommendations rested on an unpaired figure, 31 of them because
 * the level of the model that was paired lost its place to one that was not (fs.readFile's async 4
 * paired at x1.45, then async 64 reported at x2.77 unpaired against a truth of x4.2). Two at most,
 * so that one workload whose answer keeps moving does not take the other workloads' rounds.
 */
export const FOLLOW_UPS_PER_WORKLOAD = 2;

/** Exit code of a run: 0 all measured, 3 some workload or cell failed, 130 interrupted. */
export function runExitCode(results: RunResults, interrupted: boolean): number {
  if (interrupted) return 130;
  const failed = results.workloads.some((w) => w.status === 'failed' || w.cells.some((c) => c.status !== 'ok'));
  return failed ? 3 : 0;
}

/** `concurrency-bench run`: probe, measure in rounds within the budget, analyse, save. */
export async function runCommand(options: RunOptions): Promise<{ results: RunResults; exitCode: number; jsonPath: string }> {
  const config = options.config ?? (await loadConfigAsync(options.configPath));
  const timeBudgetSeconds = options.timeBudgetSeconds ?? DEFAULT_TIME_BUDGET_SECONDS;
  const margin = options.margin ?? DEFAULT_MARGIN;
  const seed = options.seed ?? 1;
  const jsonPath = resolve(options.jsonPath ?? DEFAULT_RESULTS_FILE);
  const unknown = (options.only ?? []).filter((name) => !config.workloads.some((w) => w.name === name));
  if (unknown.length > 0) {
    const available = config.workloads.map((w) => JSON.stringify(w.name)).join(', ');
    throw new ConfigError(config.file, '--workload', `no workload named ${unknown.map((n) => JSON.stringify(n)).join(', ')} (available: ${available})`);
  }
  const workloads = options.only ? config.workloads.filter((w) => options.only!.includes(w.name)) : config.workloads;
  const started = performance.now();

  const probes = await probeWorkloads(workloads, options.signal);
  for (const [name, probe] of probes) options.onProgress?.({ type: 'probe', workload: name, status: probe.status === 'ok' ? 'ok' : `failed: ${probe.error}` });
  const cells = workloads
    .filter((w) => probes.get(w.name)?.status === 'ok')
    .flatMap((w) => planCells(w, runtimeFor(w.runtime).models));

  let rounds = 0;
  const cores = availableParallelism();
  const save = (visits: ReadonlyMap<string, VisitOutcome[]>, incomplete: boolean, skipped?: ReadonlyMap<string, string>, paired?: ReadonlyMap<string, PairedCellEstimate>, pairedRounds?: ReadonlyMap<string, PairedModelRound[]>) => {
    const results = buildRunResults(config, probes, cells, visits, { timeBudgetSeconds, margin, seed, rounds, incomplete, workloads, cores }, skipped, paired, sequentialHostRates(cells, visits, pairedRounds));
    writeJsonAtomic(jsonPath, results);
    return results;
  };
  // The probes' time counts: the budget is for the whole run.
  const budgetMs = Math.max(0, timeBudgetSeconds * 1000 - (performance.now() - started));
  const deadline = performance.now() + budgetMs;
  const pairable = cells.some((c) => c.model !== 'sequential') && cells.some((c) => c.model === 'sequential');
  const measured = await measureInRounds(cells, {
    budgetMs: pairable ? budgetMs * (1 - PAIRED_SHARE) : budgetMs,
    // The paired phase's share, for a workload the coarse sweep would otherwise leave with sequential alone.
    reserveMs: pairable ? budgetMs * PAIRED_SHARE : 0,
    seed,
    cores,
    signal: options.signal,
    onVisit: ({ round, done, total, cell, outcome }) =>
      options.onProgress?.({ type: 'visit', round, done, total, label: `${cell.workload.name} ${cell.model} x${cell.concurrency}`, status: outcome.status }),
    // Figures that cannot be true are measured again, next to their baseline, in the next round.
    doubtful: (soFar) => {
      const results = buildRunResults(config, probes, cells, soFar, { timeBudgetSeconds, margin, seed, rounds, incomplete: true, workloads, cores });
      const keys = new Set<string>();
      for (const w of results.workloads) {
        for (const c of w.cells) if (withheldAsImpossible(c)) keys.add(cellKey(w.name, c.model, c.concurrency));
      }
      return keys;
    },
    onRound: (round, soFar) => {
      rounds = round;
      // Saved after every round: an interruption or a later failure loses nothing measured.
      save(soFar, true);
      options.onProgress?.({ type: 'round', round, elapsedMs: performance.now() - started });
    },
  });
  const { visits, skipped } = measured;

  // The paired phase: each model's chosen cell against sequential, both hosts alive at once.
  let paired = new Map<string, PairedCellEstimate>();
  let pairedRounds: ReadonlyMap<string, PairedModelRound[]> = new Map();
  if (pairable && !options.signal?.aborted) {
    const swept = buildRunResults(config, probes, cells, visits, { timeBudgetSeconds, margin, seed, rounds, incomplete: true, workloads, cores }, skipped);
    const targets = pairedTargets(swept, cells, measured, { cores, margin, seed, pairs: PAIRS_PER_ROUND });
    if (targets.length > 0) {
      const followUps = new Map<string, number>();
      options.onProgress?.({ type: 'plan', lines: [`paired: ${targets.length} cell${targets.length === 1 ? '' : 's'} against sequential, ${PAIRS_PER_ROUND} batch pairs per round, until the budget ends`] });
      const measuredPairs = await measurePairedModels(targets, {
        deadline,
        allowanceMs: measured.allowanceMs,
        seed: seed + 1,
        pairs: PAIRS_PER_ROUND,
        maxRounds: 10,
        shareBaseline: true,
        // A pairing that cannot change the answer waits until the others have had their rounds.
        deferredPriority: PRIORITY.decided,
        signal: options.signal,
        onVisit: ({ round, done, total, cell, outcome }) =>
          options.onProgress?.({ type: 'visit', round, done, total, label: `paired: ${cell.workload.name} ${cell.model} x${cell.concurrency} / sequential`, status: outcome.status }),
        followUp: (target, soFar) => {
          const workload = target.candidate.workload;
          const own = new Map([...soFar].filter(([key]) => cells.some((c) => c.key === key && c.workload === workload)));
          const now = buildRunResults(config, probes, cells, visits, { timeBudgetSeconds, margin, seed, rounds, incomplete: true, workloads: [workload], cores }, skipped, pairedSpeedups(own, seed));
          const options = { cores, margin, seed, pairs: PAIRS_PER_ROUND };
          // The workload's waiting pairings move to the priority the answer so far gives them; they add no cell.
          const moved = waitingPriorities(now.workloads[0], cells, measured, soFar, options);
          if ((followUps.get(workload.name) ?? 0) >= FOLLOW_UPS_PER_WORKLOAD) return moved;
          const next = followUpTarget(now.workloads[0], cells, measured, soFar, options);
          if (!next) return moved;
          followUps.set(workload.name, (followUps.get(workload.name) ?? 0) + 1);
          return [next, ...moved.filter((t) => t.candidate.key !== next.candidate.key)];
        },
        onRound: (round, soFar) => {
          paired = pairedSpeedups(soFar, seed);
          pairedRounds = soFar;
          save(visits, true, skipped, paired, pairedRounds);
          options.onProgress?.({ type: 'round', round, elapsedMs: performance.now() - started, phase: 'paired' });
        },
      });
      paired = pairedSpeedups(measuredPairs, seed);
      pairedRounds = measuredPairs;
    }
  }
  const interrupted = options.signal?.aborted ?? false;
  const results = save(visits, interrupted, skipped, paired, pairedRounds);
  return { results, exitCode: runExitCode(results, interrupted), jsonPath };
}

export function pairedSpeedups(rounds: ReadonlyMap<string, PairedModelRound[]>, seed: number): Map<string, PairedCellEstimate> {
  const out = new Map<string, PairedCellEstimate>();
  for (const [key, list] of rounds) {
    const estimate = pairedSpeedup(list, { seed });
    if (!estimate) continue;
    // Each round's two hosts as they read: whether a figure from few rounds rests on a host that read
    // apart from the sweep's hosts of the same cell is in the results file, not only in the run.
    const hosts = list.map((round) => ({ baseline: hostRate(round.baseline) ?? null, candidate: hostRate(round.candidate) ?? null }));
    out.set(key, { ...estimate, hosts });
  }
  return out;
}
