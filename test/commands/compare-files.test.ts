import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareFilesCommand, compareStored, ResultsFileError } from '../../src/commands/compare-files.ts';
import { reportCommand } from '../../src/commands/report.ts';
import type { RunResults } from '../../src/results/run.ts';
import { runResults } from '../report/fixtures.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

const dir = mkdtempSync(join(tmpdir(), 'cb-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A run whose thread x2 cell of `slow` has its stored batches scaled by `factor`. */
function stored(factor: number, slow = 'hash'): RunResults {
  const run = runResults(['hash', 'other']);
  for (const w of run.workloads) {
    w.cells = w.cells.map((c, i) => ({ ...c, batchThroughputs: Array.from({ length: 12 }, (_, k) => c.throughput.median * (1 + 0.01 * (((k * 7 + i) % 5) - 2)) * (w.name === slow && c.model === 'thread' ? factor : 1)) }));
  }
  return run;
}

describe('compare BASE.json HEAD.json (unpaired)', () => {
  it('compares stored batch throughputs and labels the result unpaired', () => {
    const results = compareStored(stored(1), stored(0.8), { base: 'base.json', head: 'head.json' });
    expectPublishedFormat(results);
    expect(results.paired).toBe(false);
    expect(results.base).toEqual({ ref: 'base.json', sha: null });
    const regressions = results.comparisons.filter((c) => c.verdict === 'regression');
    expect(regressions.map((c) => `${c.workload} ${c.model} x${c.concurrency}`)).toEqual(['hash thread x2']);
    expect(regressions[0].change).toBeCloseTo(-0.2, 2);
    expect(results.comparisons.filter((c) => c.workload === 'other').every((c) => c.verdict === 'unchanged')).toBe(true);
    expect(results.failures).toEqual([
      { tree: 'base', workload: 'broken|one', message: 'Cannot find module `./x` <script>' },
      { tree: 'head', workload: 'broken|one', message: 'Cannot find module `./x` <script>' },
    ]);
  });
  it('reads files, sets the exit code, and rejects files that are not results (exit 2)', async () => {
    writeFileSync(join(dir, 'base.json'), JSON.stringify(stored(1)));
    writeFileSync(join(dir, 'head.json'), JSON.stringify(stored(0.8)));
    writeFileSync(join(dir, 'junk.json'), JSON.stringify({ kind: 'run', workloads: 'x' }));
    const { results, exitCode } = await compareFilesCommand({ baseFile: 'base.json', headFile: 'head.json', cwd: dir, failOnRegression: true });
    expect(results.regressions).toBe(1);
    expect(exitCode).toBe(1);
    const junk = await compareFilesCommand({ baseFile: 'base.json', headFile: 'junk.json', cwd: dir }).catch((e: unknown) => e);
    expect(junk).toBeInstanceOf(ResultsFileError);
    expect((junk as ResultsFileError).exitCode).toBe(2);
    await expect(compareFilesCommand({ baseFile: 'missing.json', headFile: 'head.json', cwd: dir })).rejects.toThrow('"missing.json": no such file');
  });
});

describe('report RESULTS.json', () => {
  it('renders a run and a compare file in every format', async () => {
    writeFileSync(join(dir, 'run.json'), JSON.stringify(stored(1)));
    const { results } = await compareFilesCommand({ baseFile: 'base.json', headFile: 'head.json', cwd: dir });
    writeFileSync(join(dir, 'compare.json'), JSON.stringify(results));
    const md = await reportCommand('compare.json', 'md', { cwd: dir });
    expect(md.output).toContain('**1 regression**');
    expect(md.output).toContain('**less reliable**');
    const term = await reportCommand('compare.json', 'terminal', { cwd: dir });
    expect(term.output).toMatch(/^concurrency-bench compare: 3 workloads · 1 regression/);
    expect(term.output).toMatch(/hash +thread x2 +regression +throughput +-20\.\d%/);
    expect(term.output).toContain('UNPAIRED');
    expect((await reportCommand('run.json', 'md', { cwd: dir })).output).toMatch(/^### ❌ \*\*concurrency-bench\*\*: 3 workloads/);
    expect((await reportCommand('run.json', 'terminal', { cwd: dir })).output).toContain('concurrency-bench 0.1.0');
    expect(JSON.parse((await reportCommand('compare.json', 'json', { cwd: dir })).output)).toEqual(JSON.parse(JSON.stringify(results)));
    await expect(reportCommand('junk.json', 'md', { cwd: dir })).rejects.toBeInstanceOf(ResultsFileError);
  });
});
