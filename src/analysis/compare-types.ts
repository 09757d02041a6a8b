/**
 * The results file written by `compare` (the JSON contract that outside checks and the GitHub
 * Action read). `change` and every interval are fractions of throughput: -0.07 = 7% lower on head.
 */
import type { Environment, Model, RunResults, WorkloadResult } from '../types.ts';

/** What a comparison concluded about head against base. */
export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'inconclusive';
export const VERDICTS: readonly Verdict[] = ['regression', 'improvement', 'unchanged', 'inconclusive'];

/** One side of a compare. */
export interface RefInfo {
  /** The ref as the user gave it (`main`, `HEAD~1`, `working tree`, or a file name in unpaired mode). */
  ref: string;
  /** Resolved commit, or null when unknown (a stored results file without one). */
  sha: string | null;
  /** True when head is the working tree and it had uncommitted changes. */
  dirty?: boolean;
}

/** A measured cell as seen from one tree. */
export interface SideSummary {
  /** Median throughput over this side's rounds, tasks/s. */
  throughput: number | null;
  /** Median peak RSS over this side's rounds, bytes. */
  peakRssBytes: number | null;
}

/**
 * What a comparison's change is measured on. `throughput`: tasks per wall-clock second. `cpu-time`:
 * tasks per CPU-second, for cells that kept their cores busy computing in both trees; there a change
 * of CPU time per task is a change of throughput, and it does not move with the time other VMs take
 * from a shared runner (steal), which wall-clock throughput does (by 10-50% per visit, measured).
 */
export type ComparisonMetric = 'throughput' | 'cpu-time';

export interface Comparison {
  workload: string;
  model: Model;
  concurrency: number;
  /** Why this cell was compared: the model's best concurrency and/or a recommended cell. */
  roles: Array<'best' | 'recommended'>;
  /** What `change` is measured on (see ComparisonMetric); `base` and `head` are wall-clock throughput either way. */
  metric: ComparisonMetric;
  verdict: Verdict;
  /** Estimated change of throughput (on `metric`), a fraction (-0.07 = 7% lower); null when not measured. */
  change: number | null;
  /** 95% bootstrap interval of `change` for this comparison alone; `unchanged` is decided on it. */
  ci95: [number, number] | null;
  /** The interval at the Holm step-down level (family-wise 95% over all comparisons); regressions and improvements are claimed on it. */
  holmCi: [number, number] | null;
  /** Confidence level of `holmCi` (0.95 for a single comparison, up to 1 - 0.05/m). */
  holmLevel: number;
  /** Paired rounds (or, unpaired, the smaller number of stored batches) behind the estimate. */
  rounds: number;
  base: SideSummary;
  head: SideSummary;
  /** Change of peak RSS, a fraction (median of paired ratios); null when not reported. */
  memoryChange: number | null;
  /** True when peak memory grew beyond the memory threshold. */
  memoryGrowth: boolean;
  /** Robust standard deviation of the per-round log-ratio (the noise this cell showed here). */
  roundSpread: number | null;
  /** Smallest change this comparison could have flagged with the rounds it got. */
  detectableChange: number | null;
  /** Paired mode: each side's rate per round on `metric` (tasks per wall-clock or CPU second; 0 = not measured), so the verdict can be audited. */
  roundRates?: { base: number[]; head: number[] };
  /** Why there is no estimate (a side failed to measure), from the user's code or the host. */
  error?: string;
}

/**
 * A workload taken as a whole: the per-round mean of the log-ratios of its comparisons (every model
 * it was compared on), in the same Holm family as the comparisons. A change to the task's code moves
 * every model; pooling them sees it with fewer rounds than any one cell.
 */
export interface WorkloadChange extends Pick<Comparison, 'verdict' | 'change' | 'ci95' | 'holmCi' | 'holmLevel' | 'roundSpread'> {
  workload: string;
  /** Comparisons pooled. */
  cells: number;
  /** Rounds pooled (round k averages the comparisons that had a round k). */
  rounds: number;
}

/** The recommended model or concurrency differs between base and head. */
export interface RecommendationChange {
  workload: string;
  base: { model: Model; concurrency: number } | null;
  head: { model: Model; concurrency: number } | null;
}

/** Something that kept a tree or a cell from being measured. */
export interface CompareFailure {
  tree: 'base' | 'head';
  workload?: string;
  model?: Model;
  concurrency?: number;
  message: string;
}

export interface CompareSettings {
  /** A change smaller than this is "unchanged"; one at least this large is what gating is about. */
  threshold: number;
  /** A regression must be significantly beyond this (the interval must clear it), a fraction. */
  noiseFloor: number;
  /** Peak-memory growth beyond this fraction is reported. */
  memoryThreshold: number;
  /** Family-wise error rate across all comparisons (Holm). */
  alpha: number;
  timeBudgetSeconds: number;
  minRounds: number;
  maxRounds: number;
  seed: number;
  resamples: number;
  config: string;
}

export interface CompareResults {
  schemaVersion: 1;
  kind: 'compare';
  tool: { name: 'concurrency-bench'; version: string };
  base: RefInfo;
  head: RefInfo;
  /** True for the interleaved paired measurement; false when two stored results files were compared (less reliable). */
  paired: boolean;
  /** Number of regression verdicts: comparisons with verdict `regression`, plus workloads whose `workloadChanges` entry is one. */
  regressions: number;
  /** Number of comparisons with verdict `improvement`. */
  improvements: number;
  /** Regressions first, then by workload order, model cost order. */
  comparisons: Comparison[];
  /** Paired mode: each workload with two or more comparisons, taken as a whole (see WorkloadChange). */
  workloadChanges?: WorkloadChange[];
  recommendationChanges: RecommendationChange[];
  /** Head's results, same shape as `run` writes. */
  workloads: WorkloadResult[];
  /** Base's results (same shape), for the report's side-by-side numbers. */
  baseWorkloads?: WorkloadResult[];
  environment: Environment;
  settings: CompareSettings;
  /** The noise seen on this machine across comparisons. */
  noise: { roundSpread: number | null; detectableChange: number | null };
  failures: CompareFailure[];
  /** True when interrupted, or the budget ran out before every comparison had the minimum rounds. */
  incomplete: boolean;
}

/** Either kind of results file. */
export type AnyResults = RunResults | CompareResults;
