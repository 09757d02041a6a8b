/**
 * The results file written by `compare` (the JSON contract that outside checks and the GitHub
 * Action read). `change` and every interval are fractions of throughput: -0.07 = 7% lower on head.
 */
import type { Model } from '../types.js';
import type { Environment, RunResults, WorkloadResult } from './run.js';
/** What a comparison concluded about head against base. */
export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'inconclusive';
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
    /**
     * True for the comparison a workload's gate is decided on (one per workload in a paired compare;
     * every comparison of an unpaired one). False: description only, its verdict counts for nothing.
     */
    gating: boolean;
    /** What `change` is measured on (see ComparisonMetric); `base` and `head` are wall-clock throughput either way. */
    metric: ComparisonMetric;
    verdict: Verdict;
    /**
     * Estimated change of throughput (on `metric`), a fraction (-0.07 = 7% lower); null when not
     * measured. A gating comparison's is exp of the per-round log-ratios' mean (from ten rounds, their
     * 10% trimmed mean: analysis/gate.ts).
     */
    change: number | null;
    /** 95% interval of `change` for this comparison alone (a gate's from Yuen's/Student's t, the others' bootstrap); `unchanged` is decided on it. */
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
    roundRates?: {
        base: number[];
        head: number[];
    };
    /** Why there is no estimate (a side failed to measure), from the user's code or the host. */
    error?: string;
}
/**
 * A workload's gate: the one regression decision per workload, taken on its primary comparison
 * (the sequential cell: one task at a time, pinned to one CPU, on CPU time when it computes; the
 * least noisy measure of what a change to the task's code costs). `verdict` `inconclusive` means
 * not decided: the budget ran out before the rounds could tell.
 */
export interface WorkloadChange extends Pick<Comparison, 'verdict' | 'change' | 'ci95' | 'holmCi' | 'holmLevel' | 'roundSpread' | 'detectableChange' | 'model' | 'concurrency' | 'metric'> {
    workload: string;
    /** Comparisons the decision rests on (1: the primary). */
    cells: number;
    rounds: number;
    /** Rounds the plan wanted for 95% power at the threshold, and the rounds it could pay for. */
    plannedRounds?: number;
    wantedRounds?: number;
    /** Why there is no decision (a side failed to measure). */
    error?: string;
}
/** The recommended model or concurrency differs between base and head. */
export interface RecommendationChange {
    workload: string;
    /** `workers`: a hybrid's, as its recommendation has them. */
    base: {
        model: Model;
        concurrency: number;
        workers?: number;
    } | null;
    head: {
        model: Model;
        concurrency: number;
        workers?: number;
    } | null;
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
    /** Family-wise error rate of the gate's claims in each direction, across workloads (Holm) and looks (O'Brien-Fleming spending). */
    alpha: number;
    /** The cap on the whole compare, seconds (the default when none was given: see DEFAULT_COMPARE_CAP_SECONDS). */
    timeBudgetSeconds: number;
    seed: number;
    resamples: number;
    config: string;
}
export interface CompareResults {
    schemaVersion: 1;
    kind: 'compare';
    tool: {
        name: 'concurrency-bench';
        version: string;
    };
    base: RefInfo;
    head: RefInfo;
    /** True for the interleaved paired measurement; false when two stored results files were compared (less reliable). */
    paired: boolean;
    /** Workloads whose gate found a regression (paired); regression verdicts (unpaired). Non-gating cells never count. */
    regressions: number;
    /** Workloads whose gate found an improvement (paired); improvement verdicts (unpaired). */
    improvements: number;
    /** Paired: workloads whose gate is not decided (`inconclusive`, or no rounds at all). */
    undecided?: number;
    /** Regressions first, then by workload order, model cost order. */
    comparisons: Comparison[];
    /** Paired mode: each workload's gate (see WorkloadChange), one per workload measured in both trees. */
    workloadChanges?: WorkloadChange[];
    /** Paired mode: the plan of the rounds, made after the first look (null when no workload got that far). */
    plan?: {
        /** Rounds each non-gating comparison was planned. */
        descriptiveRounds: number;
        /** True when the budget could not pay for every workload's wanted rounds. */
        capped: boolean;
        workloads: Array<{
            workload: string;
            spread: number | null;
            wanted: number;
            planned: number;
            detectable: number | null;
        }>;
    } | null;
    recommendationChanges: RecommendationChange[];
    /** Head's results, same shape as `run` writes. */
    workloads: WorkloadResult[];
    /** Base's results (same shape), for the report's side-by-side numbers. */
    baseWorkloads?: WorkloadResult[];
    environment: Environment;
    settings: CompareSettings;
    /** The noise seen on this machine across comparisons. */
    noise: {
        roundSpread: number | null;
        detectableChange: number | null;
    };
    failures: CompareFailure[];
    /** True when interrupted, or the budget ran out before every comparison had the minimum rounds. */
    incomplete: boolean;
}
/** Either kind of results file. */
export type AnyResults = RunResults | CompareResults;
