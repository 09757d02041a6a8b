import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkResults, loadUntrustedResults, loadUntrustedResultsAll, MAX_RESULTS_BYTES, resolveResultFiles, UntrustedResultsError } from '../../src/results/read.ts';
import { compareResults, runResults, workload } from '../github/fixtures.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

const dir = mkdtempSync(join(tmpdir(), 'cb-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('untrusted results files', () => {
  it('admits run and compare results and reads a glob in sorted order', async () => {
    mkdirSync(join(dir, 'a', 'x'), { recursive: true });
    mkdirSync(join(dir, 'a', 'y'), { recursive: true });
    writeFileSync(join(dir, 'a', 'y', 'results.json'), JSON.stringify(runResults([workload('hash', 'thread', 2)])));
    writeFileSync(join(dir, 'a', 'x', 'results.json'), JSON.stringify(compareResults([workload('hash', 'thread', 2)], [])));
    const files = await resolveResultFiles(['a/**/*.json'], dir);
    expect(files).toEqual([join('a', 'x', 'results.json'), join('a', 'y', 'results.json')]);
    expect((await Promise.all(files.map((f) => loadUntrustedResults(f, dir)))).map((l) => l.results.kind)).toEqual(['compare', 'run']);
  });

  it('reads a report-mode file as the results files it holds, and refuses it where one results file is wanted', async () => {
    const run = runResults([workload('hash', 'thread', 2)]);
    const report = { schemaVersion: 1, kind: 'report', entries: [{ file: 'a.json', environment: 'linux x64', results: run }, { file: 'b.json', environment: 'macos arm64', results: run }] };
    writeFileSync(join(dir, 'report.json'), JSON.stringify(expectPublishedFormat(report)));
    expect((await loadUntrustedResultsAll('report.json', dir)).map((l) => l.results.kind)).toEqual(['run', 'run']);
    await expect(loadUntrustedResults('report.json', dir)).rejects.toThrow(/a report file \(it holds 2 results files\)/);
    writeFileSync(join(dir, 'bad-report.json'), JSON.stringify({ ...report, entries: [{ file: 'a.json', environment: 'x', results: { ...run, kind: 'exec' } }] }));
    await expect(loadUntrustedResultsAll('bad-report.json', dir)).rejects.toThrow(UntrustedResultsError);
  });

  it('rejects wrong shapes, oversized files, symlinks and missing matches, naming the problem', async () => {
    const good = runResults([workload('hash', 'thread', 2)]);
    const bad = (mutate: (r: any) => void) => {
      const copy: any = structuredClone(good);
      mutate(copy);
      return () => checkResults(copy, 'f.json');
    };
    expect(bad((r) => (r.kind = 'exec'))).toThrow('$.kind: expected "run", "compare" or "report"');
    expect(bad((r) => (r.workloads[0].name = { toString: 'x' }))).toThrow('$.workloads[0].name: expected a string');
    expect(bad((r) => delete r.workloads[0].cells[0].throughput)).toThrow('$.workloads[0].cells[0].throughput: missing');
    expect(bad((r) => (r.workloads[0].cells[0].model = 'fork-bomb'))).toThrow('$.workloads[0].cells[0].model: expected one of');
    expect(bad((r) => (r.environment.runtimes = { python: { 'evil\n::error::x': { nested: 1 } } }))).toThrow(/evil\?::error::x: expected a plain value/);
    writeFileSync(join(dir, 'big.json'), ' '.repeat(MAX_RESULTS_BYTES + 1));
    await expect(loadUntrustedResults('big.json', dir)).rejects.toThrow(/more than the \d+ allowed/);
    symlinkSync('/etc/hostname', join(dir, 'link.json'));
    await expect(loadUntrustedResults('link.json', dir)).rejects.toThrow('not a regular file');
    await expect(resolveResultFiles(['nothing/*.json'], dir)).rejects.toThrow(UntrustedResultsError);
  });
});
