/**
 * One results format: the published JSON Schemas (schema/results.schema.json, compare.schema.json,
 * report.schema.json) are generated from the checks in src/results/schema.ts, which report mode
 * applies to untrusted files; the TypeScript types (src/results/run.ts, src/results/compare.ts,
 * src/results/report.ts) are held to the same fields at compile time (npm run typecheck), and the
 * files the code writes are validated against the schemas here.
 *
 * After changing a check: UPDATE_SCHEMAS=1 npx vitest run test/results/schema.test.ts
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompareFailure, CompareResults, CompareSettings, Comparison, RecommendationChange, RefInfo, SideSummary, WorkloadChange } from '../../src/results/compare.ts';
import { compareStored } from '../../src/commands/compare-files.ts';
import type { ReportResults } from '../../src/results/report.ts';
import { checkAnyResults, resultsSchemaDocuments, SHAPES } from '../../src/results/schema.ts';
import type { CellResult, Environment, Recommendation, RunResults, SkippedCell, WorkloadResult } from '../../src/results/run.ts';
import { runCli, scratchProject } from '../helpers/cli.ts';
import { expectPublishedFormat, problems, published, SCHEMA_FILES, schemaFor, undocumented, validators } from '../helpers/published-format.ts';
import { compareResults as githubCompare, environment as githubEnvironment, runResults as githubRun, workload as githubWorkload } from '../github/fixtures.ts';
import { compareResults as reportCompare, runResults as reportRun } from '../report/fixtures.ts';
import { failedWorkload, hostileCompare, nothingToReport, regressionInOneOfThree, undecidedCompare } from '../report/realistic.ts';

// ---- Compile time: each TypeScript type and its shape in the checks have the same fields. ----

/** Field names a shape describes (`name?` is the optional field `name`). */
type Described<S> = { [K in keyof S]: K extends `${infer N}?` ? N : K }[keyof S];
/** Fields a shape requires. */
type RequiredDescribed<S> = { [K in keyof S]: K extends `${string}?` ? never : K }[keyof S];
/** Fields a type requires. */
type RequiredOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
/**
 * Compiles only when the type's fields and the shape's are the same, and every field the shape
 * requires the type requires too (else a valid file would be rejected). The error names the field.
 */
function sameFields<T, S>(_check: { undescribed: Exclude<keyof T, Described<S>>; notInType: Exclude<Described<S>, keyof T>; requiredOnlyHere: Exclude<RequiredDescribed<S>, RequiredOf<T>> } extends { undescribed: never; notInType: never; requiredOnlyHere: never } ? true : { undescribed: Exclude<keyof T, Described<S>>; notInType: Exclude<Described<S>, keyof T>; requiredOnlyHere: Exclude<RequiredDescribed<S>, RequiredOf<T>> }): void {}

type Shapes = typeof SHAPES;
sameFields<RunResults, Shapes['RunResults']>(true);
sameFields<RunResults['settings'], Shapes['RunSettings']>(true);
sameFields<RunResults['tool'], Shapes['Tool']>(true);
sameFields<Environment, Shapes['Environment']>(true);
sameFields<WorkloadResult, Shapes['WorkloadResult']>(true);
sameFields<CellResult, Shapes['CellResult']>(true);
sameFields<Recommendation, Shapes['Recommendation']>(true);
sameFields<SkippedCell, Shapes['SkippedCell']>(true);
sameFields<CompareResults, Shapes['CompareResults']>(true);
sameFields<RefInfo, Shapes['RefInfo']>(true);
sameFields<SideSummary, Shapes['SideSummary']>(true);
sameFields<Comparison, Shapes['Comparison']>(true);
sameFields<WorkloadChange, Shapes['WorkloadChange']>(true);
sameFields<NonNullable<CompareResults['plan']>, Shapes['ComparePlan']>(true);
sameFields<RecommendationChange, Shapes['RecommendationChange']>(true);
sameFields<CompareSettings, Shapes['CompareSettings']>(true);
sameFields<CompareFailure, Shapes['CompareFailure']>(true);
sameFields<CompareResults['noise'], Shapes['CompareNoise']>(true);
sameFields<ReportResults, Shapes['ReportResults']>(true);
sameFields<ReportResults['entries'][number], Shapes['ReportEntry']>(true);

// ---- Run time ----

const root = join(import.meta.dirname, '..', '..');
const FILES = SCHEMA_FILES;
const generated = resultsSchemaDocuments();

function reportOf(...results: Array<RunResults | CompareResults>): ReportResults {
  // As the action's report mode writes it (src/main.ts).
  return { schemaVersion: 1, kind: 'report', entries: results.map((r, i) => ({ file: `results-${i}/results.json`, environment: `Linux x64, ${r.environment.cpus} cores, Node ${r.environment.node}`, results: r })) };
}

const stored = (run: RunResults): RunResults => ({
  ...run,
  workloads: run.workloads.map((w) => ({ ...w, cells: w.cells.map((c, i) => ({ ...c, batchThroughputs: Array.from({ length: 12 }, (_, k) => c.throughput.median * (1 + 0.01 * (((k * 7 + i) % 5) - 2))) })) })),
});

const FIXTURES: Array<[string, RunResults | CompareResults | ReportResults]> = [
  ['run (report fixtures)', reportRun(['hash', 'io', 'tiny'])],
  ['run (github fixtures)', githubRun([githubWorkload('a', 'thread', 4), githubWorkload('b', 'async', 16)])],
  ['compare (report fixtures)', reportCompare(['hash', 'io'])],
  ['compare (github fixtures)', githubCompare([githubWorkload('a', 'thread', 4)], ['a'], githubEnvironment(4))],
  ['compare, a regression in one of three', regressionInOneOfThree()],
  ['compare, nothing to report', nothingToReport()],
  ['compare, a workload failed', failedWorkload()],
  ['compare, undecided', undecidedCompare()],
  ['compare, hostile names', hostileCompare().results],
  ['compare, unpaired (two stored runs)', compareStored(stored(reportRun(['hash', 'other'])), stored(reportRun(['hash', 'other'])), { base: 'base.json', head: 'head.json' })],
  ['report of a run and a compare', reportOf(reportRun(['hash']), regressionInOneOfThree())],
];

describe('the published results schemas', () => {
  it('are what src/results/schema.ts generates', () => {
    if (process.env.UPDATE_SCHEMAS) {
      for (const file of FILES) {
        writeFileSync(join(root, 'schema', file), `${JSON.stringify(generated[file], null, 2)}\n`);
        published[file] = JSON.parse(JSON.stringify(generated[file]));
      }
    }
    for (const file of FILES) expect(published[file], `schema/${file} is stale: UPDATE_SCHEMAS=1 npx vitest run test/results/schema.test.ts`).toEqual(JSON.parse(JSON.stringify(generated[file])));
  });

  it('are strict JSON Schema 2020-12 that ajv compiles', () => {
    for (const file of FILES) {
      expect(published[file].$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(validators()[file], file).toBeTypeOf('function');
    }
  });

  it.each(FIXTURES)('%s: valid by the schema and the checker, every field documented', (_name, doc) => {
    expect(problems(doc)).toEqual({ schema: [], checker: [] });
    const schema = published[schemaFor[doc.kind]]!;
    expect(undocumented(doc, schema, schema.$defs as Record<string, unknown>)).toEqual([]);
  });

  it('a hand-broken file is rejected by both, naming the field', () => {
    const run = reportRun(['hash']) as unknown as { workloads: Array<{ cells: Array<Record<string, unknown>> }> };
    run.workloads[0]!.cells[1]!.throughput = { median: 'fast', ci95: [1, 2] };
    delete run.workloads[0]!.cells[0]!.latencyMs;
    const found = problems(run as unknown as RunResults);
    expect(found.schema).toEqual(expect.arrayContaining(['/workloads/0/cells/0 must have required property \'latencyMs\'']));
    expect(found.schema.some((p) => p.startsWith('/workloads/0/cells/1/throughput/median '))).toBe(true);
    expect(found.checker).toEqual(['$.workloads[0].cells[0].latencyMs: missing', '$.workloads[0].cells[1].throughput.median: expected a finite number']);

    const report = reportOf(regressionInOneOfThree()) as unknown as { entries: Array<{ results: { regressions: unknown } }> };
    report.entries[0]!.results.regressions = -0.5;
    const inReport = problems(report as unknown as ReportResults);
    expect(inReport.checker).toEqual(['$.entries[0].results.regressions: expected an integer']);
    expect(inReport.schema.some((p) => p.startsWith('/entries/0/results/regressions '))).toBe(true);

    expect(problems({ kind: 'report', schemaVersion: 1, entries: [{ file: 'x.json', environment: 'e', results: { kind: 'summary' } }] } as unknown as ReportResults).checker).toEqual([
      '$.entries[0].results.kind: expected "run" or "compare"',
    ]);
  });

  it('a field the schema does not name is found, however deep', () => {
    const run = reportRun(['hash']);
    const schema = published['results.schema.json'];
    const extra = { ...run, hint: 1, workloads: [{ ...run.workloads[0]!, cells: [{ ...run.workloads[0]!.cells[0]!, paired: { speedup: 1, ci95: [1, 1], rounds: 1, pairs: 1, stray: 0 } }] }] };
    expect(undocumented(extra, schema, schema.$defs as Record<string, unknown>).sort()).toEqual(['$.hint', '$.workloads[0].cells[0].paired.stray']);
  });

  it('the checker accepts the report file and names the kinds it knows', () => {
    const errors: string[] = [];
    expect(checkAnyResults(reportOf(reportRun(['hash'])), errors)).toBeTruthy();
    expect(errors).toEqual([]);
    checkAnyResults({ kind: 'summary' }, errors);
    expect(errors).toEqual(['$.kind: expected "run", "compare" or "report"']);
  });

  it('a results file written by a real run is valid', async () => {
    const project = scratchProject([{ name: 'quick', module: 'quick.mjs', tasks: 4, models: ['async', 'thread'], concurrency: [2] }]);
    const run = await runCli(['run', '--config', project.config, '--time-budget', '5', '--json', project.results], { cwd: project.dir });
    expect(run.code, run.stderr).toBe(0);
    expectPublishedFormat<RunResults>(project.results);
    // And the unpaired compare of that file with itself, as `compare BASE.json HEAD.json` writes it.
    const out = mkdtempSync(join(tmpdir(), 'cb-schema-'));
    const compared = await runCli(['compare', project.results, project.results, '--json', join(out, 'compare.json')], { cwd: project.dir });
    expect(compared.code, compared.stderr).toBe(0);
    expect(expectPublishedFormat<CompareResults>(join(out, 'compare.json')).paired).toBe(false);
  });

  it('every test that writes a results document checks it against the published format', () => {
    // A test file that asks for a results file or document (--json, a jsonPath, the action's
    // results output, report mode) validates what it got with expectPublishedFormat. Files that
    // only write configs or broken documents on purpose say so here, with the reason.
    const exempt: Record<string, string> = {
      'test/helpers/cli.ts': 'the helper that runs the CLI; its callers check',
      'test/results/schema.test.ts': 'this file',
      'test/results/write.test.ts': 'writes arbitrary objects to test the atomic writer',
      'test/cli/color.test.ts': 'writes a fixture document as the input of `report`; colours only',
      'test/cli/exit-codes.test.ts': 'a fixture input, and runs killed on purpose (exit 70) whose files are not the point',
    };
    const writes = /'--json'|jsonPath|results\.json|compare\.json|report\.json|outputs\.results/;
    const files = readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `test/${f}`);
    const unchecked = files.filter((f) => {
      if (f in exempt) return false;
      const text = readFileSync(join(root, f), 'utf8');
      return writes.test(text) && !/expectPublishedFormat[<(]/.test(text);
    });
    expect(unchecked).toEqual([]);
    for (const f of Object.keys(exempt)) expect(files, `exempt file ${f} no longer exists`).toContain(f);
  });
});
