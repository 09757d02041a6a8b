/**
 * A structural check of a results file (run or compare) read from an untrusted artifact.
 *
 * Report mode renders files that a fork's pull request produced: they may have been crafted. This
 * check admits only the shapes in src/types.ts and src/analysis/compare-types.ts (every field the
 * renderers read, with its type, bounded string lengths and array sizes), so that rendering cannot
 * throw, loop for long or meet an object where it expects text. Unknown extra fields are allowed
 * (newer writers) and never rendered. Escaping of the strings is the renderer's job.
 */
import { MODELS } from '../types.ts';

export type Check = (value: unknown, path: string, errors: string[]) => void;

const MAX_ERRORS = 10;
/** Paths contain keys from the file itself: control characters are replaced so a message cannot forge a log line (or a workflow command). */
const push = (errors: string[], message: string) => {
  if (errors.length < MAX_ERRORS) errors.push(message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?').slice(0, 300));
};

const str = (max = 2_000): Check => (v, p, e) => {
  if (typeof v !== 'string') push(e, `${p}: expected a string`);
  else if (v.length > max) push(e, `${p}: string longer than ${max} characters`);
};
const num: Check = (v, p, e) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) push(e, `${p}: expected a finite number`);
};
const int: Check = (v, p, e) => {
  if (!Number.isSafeInteger(v)) push(e, `${p}: expected an integer`);
};
const bool: Check = (v, p, e) => {
  if (typeof v !== 'boolean') push(e, `${p}: expected true or false`);
};
const nullable = (check: Check): Check => (v, p, e) => {
  if (v !== null) check(v, p, e);
};
const oneOf = (...values: readonly unknown[]): Check => (v, p, e) => {
  if (!values.includes(v)) push(e, `${p}: expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
};
const arr = (item: Check, max: number): Check => (v, p, e) => {
  if (!Array.isArray(v)) return push(e, `${p}: expected an array`);
  if (v.length > max) return push(e, `${p}: more than ${max} items`);
  v.forEach((x, i) => item(x, `${p}[${i}]`, e));
};
const pair = (item: Check): Check => (v, p, e) => {
  if (!Array.isArray(v) || v.length !== 2) return push(e, `${p}: expected a pair`);
  v.forEach((x, i) => item(x, `${p}[${i}]`, e));
};
/** Keys ending in `?` are optional. */
const obj = (shape: Record<string, Check>): Check => (v, p, e) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
  const record = v as Record<string, unknown>;
  for (const [key, check] of Object.entries(shape)) {
    const optional = key.endsWith('?');
    const name = optional ? key.slice(0, -1) : key;
    if (!Object.hasOwn(record, name) || record[name] === undefined) {
      if (!optional) push(e, `${p}.${name}: missing`);
      continue;
    }
    check(record[name], `${p}.${name}`, e);
  }
};
/** A small map of plain values (environment facts): no nesting beyond one level, bounded. */
const facts: Check = (v, p, e) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
  const entries = Object.entries(v);
  if (entries.length > 50) return push(e, `${p}: more than 50 entries`);
  for (const [key, value] of entries) {
    if (key.length > 100) push(e, `${p}: key longer than 100 characters`);
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) push(e, `${p}.${key}: expected a plain value`);
    else if (typeof value === 'string' && value.length > 500) push(e, `${p}.${key}: string longer than 500 characters`);
  }
};
const mapOf = (check: Check, max: number): Check => (v, p, e) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
  const entries = Object.entries(v);
  if (entries.length > max) return push(e, `${p}: more than ${max} entries`);
  for (const [key, value] of entries) check(value, `${p}.${key}`, e);
};

const model = oneOf(...MODELS);
const MAX_WORKLOADS = 1_000;
const MAX_CELLS = 1_000;

const cell = obj({
  model,
  concurrency: int,
  status: oneOf('ok', 'errored', 'timed-out', 'crashed'),
  'error?': str(),
  samples: num,
  rounds: num,
  throughput: obj({ median: nullable(num), ci95: pair(nullable(num)) }),
  latencyMs: obj({ p50: nullable(num), p99: nullable(num) }),
  cpuUtilization: nullable(num),
  'poolUtilization?': num,
  'overheadUtilization?': num,
  peakRssBytes: nullable(num),
  startupMs: nullable(num),
  speedup: nullable(num),
  'speedupWithheld?': str(),
  'paired?': obj({ speedup: num, ci95: pair(num), rounds: num, pairs: num }),
  'warmup?': obj({ medianMs: num, unsettled: num }),
  batchThroughputs: arr(num, 100_000),
});

const skippedCell = obj({ model, concurrency: int, reason: str() });

const workload = obj({
  name: str(500),
  runtime: oneOf('node', 'python'),
  status: oneOf('ok', 'failed'),
  'error?': str(),
  classification: nullable(oneOf('cpu-bound', 'io-bound', 'mixed')),
  sequentialCpuUtilization: nullable(num),
  recommendation: nullable(
    obj({
      model,
      concurrency: int,
      speedup: num,
      reason: str(),
      confidence: oneOf('high', 'low'),
      withinNoise: arr(model, MODELS.length),
    }),
  ),
  cells: arr(cell, MAX_CELLS),
  'skipped?': arr(skippedCell, MAX_CELLS),
});

const environment = obj({
  cpus: int,
  cpuModel: str(300),
  node: str(100),
  os: str(300),
  arch: str(100),
  totalMemoryBytes: num,
  runtimes: mapOf(facts, 10),
});

const tool = obj({ name: oneOf('concurrency-bench'), version: str(100) });

export const runResultsCheck: Check = obj({
  schemaVersion: oneOf(1),
  kind: oneOf('run'),
  tool,
  incomplete: bool,
  environment,
  settings: obj({ timeBudgetSeconds: num, margin: num, rounds: num, seed: num, config: str(1_000) }),
  workloads: arr(workload, MAX_WORKLOADS),
});

const ref = obj({ ref: str(500), sha: nullable(str(64)), 'dirty?': bool });
const side = obj({ throughput: nullable(num), peakRssBytes: nullable(num) });
const modelAt = nullable(obj({ model, concurrency: int }));

/** What a comparison and a workload taken as a whole both carry. */
const decision = {
  verdict: oneOf('regression', 'improvement', 'unchanged', 'inconclusive'),
  change: nullable(num),
  ci95: nullable(pair(num)),
  holmCi: nullable(pair(num)),
  holmLevel: num,
  rounds: num,
  roundSpread: nullable(num),
};

export const compareResultsCheck: Check = obj({
  schemaVersion: oneOf(1),
  kind: oneOf('compare'),
  tool,
  base: ref,
  head: ref,
  paired: bool,
  regressions: int,
  improvements: int,
  'undecided?': int,
  'plan?': nullable(
    obj({
      descriptiveRounds: int,
      capped: bool,
      workloads: arr(obj({ workload: str(500), spread: nullable(num), wanted: int, planned: int, detectable: nullable(num) }), MAX_WORKLOADS),
    }),
  ),
  comparisons: arr(
    obj({
      workload: str(500),
      model,
      concurrency: int,
      roles: arr(oneOf('best', 'recommended'), 2),
      'metric?': oneOf('throughput', 'cpu-time'),
      'gating?': bool,
      ...decision,
      base: side,
      head: side,
      memoryChange: nullable(num),
      memoryGrowth: bool,
      detectableChange: nullable(num),
      'error?': str(),
    }),
    MAX_WORKLOADS * MODELS.length * 2,
  ),
  'workloadChanges?': arr(
    obj({
      workload: str(500),
      cells: int,
      ...decision,
      'model?': model,
      'concurrency?': int,
      'metric?': oneOf('throughput', 'cpu-time'),
      'detectableChange?': nullable(num),
      'plannedRounds?': int,
      'wantedRounds?': int,
      'error?': str(),
    }),
    MAX_WORKLOADS,
  ),
  recommendationChanges: arr(obj({ workload: str(500), base: modelAt, head: modelAt }), MAX_WORKLOADS),
  workloads: arr(workload, MAX_WORKLOADS),
  'baseWorkloads?': arr(workload, MAX_WORKLOADS),
  environment,
  settings: obj({
    threshold: num,
    noiseFloor: num,
    memoryThreshold: num,
    alpha: num,
    timeBudgetSeconds: num,
    seed: num,
    resamples: num,
    config: str(1_000),
  }),
  noise: obj({ roundSpread: nullable(num), detectableChange: nullable(num) }),
  failures: arr(
    obj({ tree: oneOf('base', 'head'), 'workload?': str(500), 'model?': model, 'concurrency?': int, message: str() }),
    MAX_WORKLOADS * 10,
  ),
  incomplete: bool,
});
