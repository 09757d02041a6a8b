/**
 * The results files, run, compare and report (the action's report mode), as one description that
 * is both the structural check of a file read from an untrusted artifact and, generated from it,
 * the published JSON Schemas in schema/ (results.schema.json, compare.schema.json,
 * report.schema.json; test/results/schema.test.ts keeps those files equal to what this module
 * generates, and checks at compile time that every field of the TypeScript types in ./run.ts,
 * ./compare.ts and ./report.ts is described here).
 *
 * Report mode renders files that a fork's pull request produced: they may have been crafted. This
 * check admits only the shapes of those types (every field the renderers read, with its type,
 * bounded string lengths and array sizes), so that rendering cannot throw, loop for long or meet an
 * object where it expects text. Unknown extra fields are allowed (newer writers) and never
 * rendered. Escaping of the strings is the renderer's job.
 */
import { MODELS } from '../types.ts';
import type { AnyResults } from './compare.ts';
import type { ReportResults } from './report.ts';

/** A JSON Schema (draft 2020-12) fragment. */
export type JsonSchema = { [key: string]: unknown };

/** Checks `value` at `path`, pushing what is wrong to `errors`; `schema` says the same in JSON Schema. */
export type Check = ((value: unknown, path: string, errors: string[]) => void) & { readonly schema: JsonSchema };

const check = (schema: JsonSchema, fn: (value: unknown, path: string, errors: string[]) => void): Check => Object.assign(fn, { schema });

const MAX_ERRORS = 10;
/** Paths contain keys from the file itself: control characters are replaced so a message cannot forge a log line (or a workflow command). */
const push = (errors: string[], message: string) => {
  if (errors.length < MAX_ERRORS) errors.push(message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?').slice(0, 300));
};

const str = (max = 2_000): Check =>
  check({ type: 'string', maxLength: max }, (v, p, e) => {
    if (typeof v !== 'string') push(e, `${p}: expected a string`);
    else if (v.length > max) push(e, `${p}: string longer than ${max} characters`);
  });
const num: Check = check({ type: 'number' }, (v, p, e) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) push(e, `${p}: expected a finite number`);
});
const int: Check = check({ type: 'integer' }, (v, p, e) => {
  if (!Number.isSafeInteger(v)) push(e, `${p}: expected an integer`);
});
const bool: Check = check({ type: 'boolean' }, (v, p, e) => {
  if (typeof v !== 'boolean') push(e, `${p}: expected true or false`);
});
const nullable = (inner: Check): Check =>
  check({ anyOf: [inner.schema, { type: 'null' }] }, (v, p, e) => {
    if (v !== null) inner(v, p, e);
  });
const oneOf = (...values: readonly unknown[]): Check =>
  check(values.length === 1 ? { const: values[0] } : { enum: [...values] }, (v, p, e) => {
    if (!values.includes(v)) push(e, `${p}: expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
  });
const arr = (item: Check, max: number): Check =>
  check({ type: 'array', maxItems: max, items: item.schema }, (v, p, e) => {
    if (!Array.isArray(v)) return push(e, `${p}: expected an array`);
    if (v.length > max) return push(e, `${p}: more than ${max} items`);
    v.forEach((x, i) => item(x, `${p}[${i}]`, e));
  });
const pair = (item: Check): Check =>
  check({ type: 'array', minItems: 2, maxItems: 2, items: item.schema }, (v, p, e) => {
    if (!Array.isArray(v) || v.length !== 2) return push(e, `${p}: expected a pair`);
    v.forEach((x, i) => item(x, `${p}[${i}]`, e));
  });
/** An object's fields by name; a name ending in `?` is optional. */
export type Shape = Record<string, Check>;
/** Keys ending in `?` are optional. Other fields are allowed (a newer writer's) and not looked at. */
const obj = <S extends Shape>(shape: S): Check & { readonly shape: S } => {
  const fields = Object.entries(shape).map(([key, inner]) => ({ name: key.endsWith('?') ? key.slice(0, -1) : key, optional: key.endsWith('?'), inner }));
  const schema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, f.inner.schema])),
    required: fields.filter((f) => !f.optional).map((f) => f.name),
  };
  return Object.assign(
    check(schema, (v, p, e) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
      const record = v as Record<string, unknown>;
      for (const { name, optional, inner } of fields) {
        if (!Object.hasOwn(record, name) || record[name] === undefined) {
          if (!optional) push(e, `${p}.${name}: missing`);
          continue;
        }
        inner(record[name], `${p}.${name}`, e);
      }
    }),
    { shape },
  );
};
/** Schemas of the named checks, by name. */
const DEFS = new Map<string, JsonSchema>();
/** A check known to the schemas by name: `{ "$ref": "#/$defs/<name>" }` there, the definition once in `$defs`. */
const named = <C extends Check>(name: string, inner: C): C => {
  DEFS.set(name, inner.schema);
  const wrapper = (value: unknown, path: string, errors: string[]) => inner(value, path, errors);
  return Object.assign(wrapper, inner, { schema: { $ref: `#/$defs/${name}` } }) as unknown as C;
};
/** A small map of plain values (environment facts): no nesting beyond one level, bounded. */
const facts: Check = check(
  {
    type: 'object',
    maxProperties: 50,
    propertyNames: { maxLength: 100 },
    additionalProperties: { anyOf: [{ type: 'string', maxLength: 500 }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }] },
  },
  (v, p, e) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
    const entries = Object.entries(v);
    if (entries.length > 50) return push(e, `${p}: more than 50 entries`);
    for (const [key, value] of entries) {
      if (key.length > 100) push(e, `${p}: key longer than 100 characters`);
      if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) push(e, `${p}.${key}: expected a plain value`);
      else if (typeof value === 'string' && value.length > 500) push(e, `${p}.${key}: string longer than 500 characters`);
    }
  },
);
const mapOf = (inner: Check, max: number): Check =>
  check({ type: 'object', maxProperties: max, additionalProperties: inner.schema }, (v, p, e) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
    const entries = Object.entries(v);
    if (entries.length > max) return push(e, `${p}: more than ${max} entries`);
    for (const [key, value] of entries) inner(value, `${p}.${key}`, e);
  });

const model = named('model', oneOf(...MODELS));
const MAX_WORKLOADS = 1_000;
const MAX_CELLS = 1_000;

const cell = named('cell', obj({
  model,
  concurrency: int,
  'workers?': int,
  status: oneOf('ok', 'errored', 'timed-out', 'crashed'),
  'error?': str(),
  samples: num,
  rounds: num,
  throughput: obj({ median: nullable(num), ci95: pair(nullable(num)) }),
  latencyMs: obj({ p50: nullable(num), p99: nullable(num) }),
  cpuUtilization: nullable(num),
  'poolUtilization?': num,
  'overheadUtilization?': num,
  'runQueueShare?': num,
  'stealShare?': num,
  peakRssBytes: nullable(num),
  startupMs: nullable(num),
  speedup: nullable(num),
  'speedupWithheld?': str(),
  'paired?': obj({ speedup: num, ci95: pair(num), rounds: num, pairs: num, 'spread?': num, 'hosts?': arr(obj({ baseline: nullable(num), candidate: nullable(num) }), 10_000) }),
  'warmup?': obj({ medianMs: num, unsettled: num }),
  batchThroughputs: arr(num, 100_000),
  'batchesPerRound?': arr(int, 100_000),
  'hostRates?': arr(num, 100_000),
}));

const skippedCell = obj({ model, concurrency: int, reason: str() });
const recommendation = obj({
  model,
  concurrency: int,
  'workers?': int,
  speedup: num,
  'speedupRange?': pair(num),
  reason: str(),
  confidence: oneOf('high', 'low'),
  'doubts?': arr(oneOf('within-noise', 'one-round', 'suspect-baseline', 'model-not-measured', 'not-enough-data'), 5),
  withinNoise: arr(model, MODELS.length),
});

const workload = named('workload', obj({
  name: str(500),
  runtime: oneOf('node', 'python'),
  status: oneOf('ok', 'failed'),
  'error?': str(),
  classification: nullable(oneOf('cpu-bound', 'io-bound', 'mixed')),
  sequentialCpuUtilization: nullable(num),
  recommendation: nullable(recommendation),
  cells: arr(cell, MAX_CELLS),
  'skipped?': arr(skippedCell, MAX_CELLS),
}));

const environment = named('environment', obj({
  cpus: int,
  cpuModel: str(300),
  node: str(100),
  os: str(300),
  arch: str(100),
  totalMemoryBytes: num,
  runtimes: mapOf(facts, 10),
}));

const tool = obj({ name: oneOf('concurrency-bench'), version: str(100) });

const runSettings = obj({ timeBudgetSeconds: num, margin: num, rounds: num, seed: num, config: str(1_000) });

export const runResultsCheck = obj({
  schemaVersion: oneOf(1),
  kind: oneOf('run'),
  tool,
  incomplete: bool,
  environment,
  settings: runSettings,
  workloads: arr(workload, MAX_WORKLOADS),
});

const ref = obj({ ref: str(500), sha: nullable(str(64)), 'dirty?': bool });
const side = obj({ throughput: nullable(num), peakRssBytes: nullable(num) });
const modelAt = nullable(obj({ model, concurrency: int, 'workers?': int }));
const metric = oneOf('throughput', 'cpu-time');

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

// `metric` and `gating` are optional here although compare always writes them: files from before
// they existed are still read (as throughput, gating).
const comparison = obj({
  workload: str(500),
  model,
  concurrency: int,
  roles: arr(oneOf('best', 'recommended'), 2),
  'metric?': metric,
  'gating?': bool,
  ...decision,
  base: side,
  head: side,
  memoryChange: nullable(num),
  memoryGrowth: bool,
  detectableChange: nullable(num),
  'roundRates?': obj({ base: arr(num, 100_000), head: arr(num, 100_000) }),
  'error?': str(),
});

const workloadChange = obj({
  workload: str(500),
  cells: int,
  ...decision,
  'model?': model,
  'concurrency?': int,
  'metric?': metric,
  'detectableChange?': nullable(num),
  'plannedRounds?': int,
  'wantedRounds?': int,
  'error?': str(),
});

const plan = obj({
  descriptiveRounds: int,
  capped: bool,
  workloads: arr(obj({ workload: str(500), spread: nullable(num), wanted: int, planned: int, detectable: nullable(num) }), MAX_WORKLOADS),
});
const recommendationChange = obj({ workload: str(500), base: modelAt, head: modelAt });
const compareSettings = obj({
  threshold: num,
  noiseFloor: num,
  memoryThreshold: num,
  alpha: num,
  timeBudgetSeconds: num,
  seed: num,
  resamples: num,
  config: str(1_000),
});
const compareFailure = obj({ tree: oneOf('base', 'head'), 'workload?': str(500), 'model?': model, 'concurrency?': int, message: str() });
const noise = obj({ roundSpread: nullable(num), detectableChange: nullable(num) });

export const compareResultsCheck = obj({
  schemaVersion: oneOf(1),
  kind: oneOf('compare'),
  tool,
  base: ref,
  head: ref,
  paired: bool,
  regressions: int,
  improvements: int,
  'undecided?': int,
  'plan?': nullable(plan),
  comparisons: arr(comparison, MAX_WORKLOADS * MODELS.length * 2),
  'workloadChanges?': arr(workloadChange, MAX_WORKLOADS),
  recommendationChanges: arr(recommendationChange, MAX_WORKLOADS),
  workloads: arr(workload, MAX_WORKLOADS),
  'baseWorkloads?': arr(workload, MAX_WORKLOADS),
  environment,
  settings: compareSettings,
  noise,
  failures: arr(compareFailure, MAX_WORKLOADS * 10),
  incomplete: bool,
});

/** A run or a compare results file, told apart by `kind`. */
const anyResults: Check = ((run, compare) =>
  check({ oneOf: [run.schema, compare.schema] }, (v, p, e) => {
    const kind = (v as { kind?: unknown } | null)?.kind;
    if (kind === 'run') run(v, p, e);
    else if (kind === 'compare') compare(v, p, e);
    else push(e, `${p}.kind: expected "run" or "compare"`);
  }))(named('run', runResultsCheck), named('compare', compareResultsCheck));

/** Results files a report merges at most (MAX_RESULTS_FILES in read.ts). */
const MAX_REPORT_ENTRIES = 32;
const reportEntry = obj({ file: str(1_000), environment: str(1_000), results: anyResults });

/** The file the action's report mode writes (ReportResults): the results files it read, labelled. */
export const reportResultsCheck = obj({
  schemaVersion: oneOf(1),
  kind: oneOf('report'),
  entries: arr(reportEntry, MAX_REPORT_ENTRIES),
});

/**
 * The shape of every object the checks describe, by the TypeScript type it stands for: the test
 * checks at compile time that each type's fields and these are the same (a required field of the
 * type may be optional here, for files written before it existed; never the other way round).
 */
export const SHAPES = {
  RunResults: runResultsCheck.shape,
  RunSettings: runSettings.shape,
  Tool: tool.shape,
  Environment: environment.shape,
  WorkloadResult: workload.shape,
  CellResult: cell.shape,
  Recommendation: recommendation.shape,
  SkippedCell: skippedCell.shape,
  CompareResults: compareResultsCheck.shape,
  RefInfo: ref.shape,
  SideSummary: side.shape,
  Comparison: comparison.shape,
  WorkloadChange: workloadChange.shape,
  ComparePlan: plan.shape,
  RecommendationChange: recommendationChange.shape,
  CompareSettings: compareSettings.shape,
  CompareFailure: compareFailure.shape,
  CompareNoise: noise.shape,
  ReportResults: reportResultsCheck.shape,
  ReportEntry: reportEntry.shape,
};

/** Checks a results file of any kind (run, compare, report), pushing what is wrong to `errors`; the value when it passed. */
export function checkAnyResults(data: unknown, errors: string[]): AnyResults | ReportResults | undefined {
  const kind = (data as { kind?: unknown } | null)?.kind;
  if (kind === 'run') runResultsCheck(data, '$', errors);
  else if (kind === 'compare') compareResultsCheck(data, '$', errors);
  else if (kind === 'report') reportResultsCheck(data, '$', errors);
  else push(errors, '$.kind: expected "run", "compare" or "report"');
  return errors.length ? undefined : (data as AnyResults | ReportResults);
}

/** Where the schemas are published, spelled like schema/concurrency-bench.schema.json's `$id`. */
const SCHEMA_BASE = 'https://github.com/concurrency-bench/concurrency-bench/schema/';

/** The published JSON Schemas of the results files (schema/*.schema.json), generated from the checks above. */
export function resultsSchemaDocuments(): Record<'results.schema.json' | 'compare.schema.json' | 'report.schema.json', JsonSchema> {
  const document = (file: string, title: string, description: string, root: Check): JsonSchema => {
    // Only the definitions the document reaches, in a stable order.
    const used = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const ref = (node as { $ref?: unknown }).$ref;
        if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
          const name = ref.slice('#/$defs/'.length);
          if (!used.has(name)) {
            used.add(name);
            visit(DEFS.get(name));
          }
        }
        Object.values(node).forEach(visit);
      }
    };
    visit(root.schema);
    return {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `${SCHEMA_BASE}${file}`,
      title,
      description,
      ...root.schema,
      $defs: Object.fromEntries([...used].sort().map((name) => [name, DEFS.get(name)])),
    };
  };
  return {
    'results.schema.json': document(
      'results.schema.json',
      'concurrency-bench run results',
      'The file `concurrency-bench run --json` writes (kind "run"). Generated from src/results/schema.ts; the TypeScript type is RunResults.',
      runResultsCheck,
    ),
    'compare.schema.json': document(
      'compare.schema.json',
      'concurrency-bench compare results',
      'The file `concurrency-bench compare --json` writes (kind "compare"). Generated from src/results/schema.ts; the TypeScript type is CompareResults.',
      compareResultsCheck,
    ),
    'report.schema.json': document(
      'report.schema.json',
      'concurrency-bench report',
      "The file the action's report mode writes (kind \"report\"): every results file it read, labelled by environment. Generated from src/results/schema.ts; the TypeScript type is ReportResults.",
      reportResultsCheck,
    ),
  };
}
