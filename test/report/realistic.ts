/**
 * Compare results shaped like real ones (the figures of docs/example-comment.md: a paired compare of
 * the four Node examples on a 2-core runner), in the variants the report must get right: a
 * regression in one of three workloads, nothing to report, a workload that failed, a compare that
 * could not decide, hostile names, and enough workloads to hit the comment cap.
 */
import type { Comparison, CompareResults, WorkloadChange } from '../../src/results/compare.ts';
import type { ReportContext } from '../../src/report/markdown.ts';
import type { Model } from '../../src/types.ts';
import type { CellResult, WorkloadResult } from '../../src/results/run.ts';

type Levels = Partial<Record<Model, Array<[concurrency: number, head: number, base: number]>>>;

interface Compared {
  model: Model;
  concurrency: number;
  change: number;
  ci: [number, number];
  verdict: Comparison['verdict'];
  metric?: Comparison['metric'];
  rounds?: number;
}

export interface WorkloadSpec {
  name: string;
  levels: Levels;
  recommendation: { model: Model; concurrency: number; reason: string; confidence?: 'high' | 'low' };
  /** The first is the gate (its sequential cell); the others describe. */
  compared: Compared[];
  cpu: number;
  detectable?: number;
}

function cell(model: Model, concurrency: number, median: number, seq: number, cpu: number): CellResult {
  return {
    model,
    concurrency,
    status: 'ok',
    samples: 24,
    rounds: 4,
    throughput: { median, ci95: [median * 0.99, median * 1.01] },
    latencyMs: { p50: (1000 * concurrency) / median, p99: (1400 * concurrency) / median },
    cpuUtilization: model === 'sequential' ? cpu : Math.min(2, cpu * concurrency),
    peakRssBytes: (95 + (model === 'process' ? 75 : model === 'thread' ? 25 : 0) * concurrency) * 1048576,
    startupMs: 40,
    speedup: median / seq,
    batchThroughputs: [median * 0.99, median, median * 1.01],
  };
}

function workloadOf(spec: WorkloadSpec, side: 0 | 1): WorkloadResult {
  const seq = spec.levels.sequential![0]![side + 1]!;
  const cells = Object.entries(spec.levels).flatMap(([model, levels]) => levels!.map(([c, head, base]) => cell(model as Model, c, side === 0 ? head : base, seq, spec.cpu)));
  const rec = cells.find((c) => c.model === spec.recommendation.model && c.concurrency === spec.recommendation.concurrency)!;
  return {
    name: spec.name,
    runtime: 'node',
    status: 'ok',
    classification: spec.cpu > 0.8 ? 'cpu-bound' : 'io-bound',
    sequentialCpuUtilization: spec.cpu,
    recommendation: { ...spec.recommendation, speedup: rec.throughput.median / seq, confidence: spec.recommendation.confidence ?? 'high', withinNoise: [] },
    cells,
  };
}

function comparisonOf(spec: WorkloadSpec, k: Compared, gating: boolean): Comparison {
  const level = spec.levels[k.model]!.find(([c]) => c === k.concurrency)!;
  const [, head, base] = level;
  return {
    workload: spec.name,
    model: k.model,
    concurrency: k.concurrency,
    roles: ['best'],
    gating,
    metric: k.metric ?? 'throughput',
    verdict: k.verdict,
    change: k.change,
    ci95: k.ci,
    holmCi: [k.ci[0] - 0.004, k.ci[1] + 0.004],
    holmLevel: 0.99,
    rounds: k.rounds ?? 6,
    base: { throughput: base, peakRssBytes: 100 * 1048576 },
    head: { throughput: head, peakRssBytes: 100 * 1048576 },
    memoryChange: 0,
    memoryGrowth: false,
    roundSpread: 0.012,
    detectableChange: spec.detectable ?? 0.04,
  };
}

function gateOf(spec: WorkloadSpec): WorkloadChange {
  const c = comparisonOf(spec, spec.compared[0]!, true);
  return { workload: spec.name, model: c.model, concurrency: c.concurrency, metric: c.metric, verdict: c.verdict, change: c.change, ci95: c.ci95, holmCi: c.holmCi, holmLevel: c.holmLevel, roundSpread: c.roundSpread, detectableChange: c.detectableChange, cells: 1, rounds: c.rounds };
}

export const CPU_HASH: WorkloadSpec = {
  name: 'cpu-hash',
  cpu: 1,
  levels: {
    sequential: [[1, 286, 301]],
    async: [[8, 287, 301]],
    thread: [[1, 254, 276], [2, 497, 489], [4, 449, 442]],
    process: [[1, 264, 280], [2, 504, 524], [4, 487, 505]],
  },
  recommendation: {
    model: 'thread',
    concurrency: 2,
    reason: 'CPU-bound (sequential used 100% of a core): async x1.0 at 8 in flight, thread x1.7 at 2 threads, process x1.8 at 2 processes. Recommended: thread at 2 threads, which beats every cheaper option by more than 10% with 95% confidence; process was faster but within noise, so the cheaper thread is recommended.',
    confidence: 'low',
  },
  compared: [
    { model: 'sequential', concurrency: 1, change: -0.055, ci: [-0.068, -0.042], verdict: 'regression', metric: 'cpu-time' },
    { model: 'async', concurrency: 8, change: -0.047, ci: [-0.054, -0.04], verdict: 'regression', metric: 'cpu-time' },
    { model: 'thread', concurrency: 2, change: 0.005, ci: [-0.18, 0.25], verdict: 'inconclusive', metric: 'cpu-time' },
    { model: 'process', concurrency: 2, change: -0.038, ci: [-0.109, 0.042], verdict: 'inconclusive', metric: 'cpu-time' },
  ],
};

export const TINY_TASK: WorkloadSpec = {
  name: 'tiny-task',
  cpu: 1,
  detectable: 0.038,
  levels: {
    sequential: [[1, 724_123, 722_700]],
    async: [[16, 734_737, 741_900]],
    thread: [[1, 7190, 7350], [2, 13_700, 14_700], [4, 19_579, 20_600]],
    process: [[1, 6630, 6160], [2, 20_600, 14_400], [4, 25_504, 25_900]],
  },
  recommendation: {
    model: 'sequential',
    concurrency: 1,
    reason: 'CPU-bound (sequential used 100% of a core and waited 8% for one): async x1.0 at 16 in flight, thread x0.03 at 4 threads, process x0.04 at 4 processes. No model beat sequential by more than 10% with 95% confidence, so the simplest code wins; handing a task to a thread or process costs more than the task itself.',
  },
  compared: [
    { model: 'sequential', concurrency: 1, change: 0.002, ci: [-0.009, 0.013], verdict: 'unchanged', metric: 'cpu-time', rounds: 15 },
    { model: 'async', concurrency: 16, change: -0.01, ci: [-0.045, 0.026], verdict: 'unchanged', metric: 'cpu-time' },
    { model: 'thread', concurrency: 4, change: -0.048, ci: [-0.214, 0.147], verdict: 'inconclusive', metric: 'cpu-time' },
    { model: 'process', concurrency: 4, change: 0.004, ci: [-0.088, 0.11], verdict: 'inconclusive', metric: 'cpu-time' },
  ],
};

export const BLOCKING_CALL: WorkloadSpec = {
  name: 'blocking-call',
  cpu: 0.02,
  detectable: 0.048,
  levels: {
    sequential: [[1, 194, 194]],
    async: [[8, 195, 195]],
    thread: [[1, 182, 186], [2, 364, 370], [4, 719, 715]],
    process: [[1, 185, 184], [2, 370, 363], [4, 727, 729]],
  },
  recommendation: {
    model: 'thread',
    concurrency: 4,
    reason: 'I/O-bound (sequential used 2% of a core): async x1.0 at 8 in flight, thread x3.7 at 4 threads, process x3.7 at 4 processes. Recommended: thread at 4 threads, which beats every cheaper option by more than 10% with 95% confidence.',
  },
  compared: [
    { model: 'sequential', concurrency: 1, change: 0.001, ci: [-0.001, 0.002], verdict: 'unchanged', rounds: 5 },
    { model: 'async', concurrency: 8, change: -0.001, ci: [-0.008, 0.005], verdict: 'unchanged' },
    { model: 'thread', concurrency: 4, change: 0, ci: [-0.019, 0.021], verdict: 'unchanged' },
    { model: 'process', concurrency: 4, change: 0, ci: [-0.021, 0.02], verdict: 'unchanged' },
  ],
};

/** cpu-hash without its regression: every cell unchanged. */
export const CPU_HASH_STEADY: WorkloadSpec = {
  ...CPU_HASH,
  compared: [
    { model: 'sequential', concurrency: 1, change: -0.004, ci: [-0.012, 0.004], verdict: 'unchanged', metric: 'cpu-time' },
    { model: 'thread', concurrency: 2, change: 0.012, ci: [-0.02, 0.045], verdict: 'unchanged', metric: 'cpu-time' },
  ],
};

export function realisticCompare(specs: readonly WorkloadSpec[], overrides: Partial<CompareResults> = {}): CompareResults {
  const workloadChanges = specs.map(gateOf);
  return {
    schemaVersion: 1,
    kind: 'compare',
    tool: { name: 'concurrency-bench', version: '0.1.0' },
    base: { ref: '0123456789abcdef0123456789abcdef01234567', sha: '0123456789abcdef0123456789abcdef01234567' },
    head: { ref: 'working tree', sha: '5698693aaaabbbbccccddddeeeeffff000011112', dirty: false },
    paired: true,
    regressions: workloadChanges.filter((w) => w.verdict === 'regression').length,
    improvements: workloadChanges.filter((w) => w.verdict === 'improvement').length,
    undecided: workloadChanges.filter((w) => w.verdict === 'inconclusive').length,
    comparisons: specs.flatMap((spec) => spec.compared.map((k, i) => comparisonOf(spec, k, i === 0))),
    workloadChanges,
    recommendationChanges: [],
    workloads: specs.map((s) => workloadOf(s, 0)),
    baseWorkloads: specs.map((s) => workloadOf(s, 1)),
    environment: { cpus: 2, cpuModel: 'AMD EPYC', node: 'v24.21.0', os: 'Linux 6.18.44', arch: 'x64', totalMemoryBytes: 8e9, runtimes: {} },
    settings: { threshold: 0.05, noiseFloor: 0.01, memoryThreshold: 0.1, alpha: 0.05, timeBudgetSeconds: 600, seed: 1, resamples: 2000, config: 'concurrency-bench.config.json' },
    noise: { roundSpread: 0.012, detectableChange: 0.04 },
    failures: [],
    incomplete: false,
    ...overrides,
  };
}

/** A regression in one of three workloads. */
export const regressionInOneOfThree = () => realisticCompare([CPU_HASH, TINY_TASK, BLOCKING_CALL]);

/** Nothing to report: three workloads, every cell unchanged. */
export const nothingToReport = () => realisticCompare([CPU_HASH_STEADY, TINY_TASK, BLOCKING_CALL]);

/** The head's cpu-hash fails to load: no cells, no gate figures, a failure from the head tree. */
export function failedWorkload(): CompareResults {
  const results = realisticCompare([CPU_HASH_STEADY, TINY_TASK, BLOCKING_CALL]);
  const message = "Cannot find module './hash.js' imported from cpu-hash.workload.ts";
  results.workloads[0] = { ...results.workloads[0]!, status: 'failed', error: message, recommendation: null, classification: null, sequentialCpuUtilization: null, cells: [] };
  results.comparisons = results.comparisons.filter((c) => c.workload !== 'cpu-hash');
  results.workloadChanges = results.workloadChanges!.map((g) =>
    g.workload === 'cpu-hash' ? { ...g, verdict: 'inconclusive', change: null, ci95: null, holmCi: null, detectableChange: null, rounds: 0, error: message } : g,
  );
  results.undecided = 1;
  results.failures = [{ tree: 'head', workload: 'cpu-hash', message }];
  return results;
}

/** The budget ran out before cpu-hash's gate could tell: not decided, with its figures so far. */
export function undecidedCompare(): CompareResults {
  const spec: WorkloadSpec = {
    ...CPU_HASH,
    compared: [{ model: 'sequential', concurrency: 1, change: -0.031, ci: [-0.072, 0.009], verdict: 'inconclusive', metric: 'cpu-time', rounds: 3 }, ...CPU_HASH.compared.slice(2)],
    detectable: 0.097,
  };
  const results = realisticCompare([spec, TINY_TASK, BLOCKING_CALL], { incomplete: true });
  results.workloadChanges![0] = { ...results.workloadChanges![0]!, plannedRounds: 3, wantedRounds: 40 };
  return results;
}

export const HOSTILE_NAMES = ['a|b', '<img src=x onerror=alert(1)>', '@org/team', 'tick`s` and **bold**\nnewline'];

/** Every string a repository or event controls, hostile: workload names, refs, the PR branch, errors. */
export function hostileCompare(): { results: CompareResults; context: ReportContext } {
  const specs = HOSTILE_NAMES.map((name, i) => ({ ...(i === 0 ? CPU_HASH : BLOCKING_CALL), name }));
  const results = realisticCompare(specs, {
    base: { ref: 'main|<b>x</b>', sha: '0123456789abcdef0123456789abcdef01234567' },
    head: { ref: 'feature/<x>|y @here', sha: 'fedcba9876543210fedcba9876543210fedcba98', dirty: true },
    failures: [{ tree: 'base', workload: HOSTILE_NAMES[1], model: 'process', concurrency: 4, message: 'crashed: `rm -rf` @everyone | <b>' }],
    settings: { threshold: 0.05, noiseFloor: 0.01, memoryThreshold: 0.1, alpha: 0.05, timeBudgetSeconds: 600, seed: 1, resamples: 2000, config: 'bench/`touch x`.json' },
  });
  const context: ReportContext = {
    head: { ref: '<script>alert(1)</script> `x` @everyone #1 | [link](javascript:alert(1))', sha: 'fedcba9876543210fedcba9876543210fedcba98' },
    base: { ref: 'main\n### injected', sha: 'not-a-sha <b>' },
    runUrl: 'javascript:alert(1)//https://github.com/x/y/actions/runs/1',
    updatedAt: '<b>yesterday</b>',
    methodUrl: 'https://github.com/x/y/blob/main/docs/compare-method.md) [evil](https://evil.example',
  };
  return { results, context };
}

/** As the action passes it on a pull request. */
export const PR_CONTEXT: ReportContext = {
  head: { ref: 'feature/faster-hash', sha: 'abcdef1234567890abcdef1234567890abcdef12' },
  base: { ref: 'main', sha: '0123456789abcdef0123456789abcdef01234567' },
  runUrl: 'https://github.com/octo/bench/actions/runs/4242',
  updatedAt: '2026-11-30T08:21:33.000Z',
  methodUrl: 'https://github.com/octo/concurrency-bench/blob/v1/docs/compare-method.md',
};
