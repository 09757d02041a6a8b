import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { labelEntries, recommendationsOf, renderReport } from '../../src/github/report.ts';
import { checkResults, loadUntrustedResults, loadUntrustedResultsAll, MAX_RESULTS_BYTES, resolveResultFiles, UntrustedResultsError } from '../../src/github/untrusted.ts';
import { compareResults, environment, runResults, workload } from './fixtures.ts';
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

describe('merged report', () => {
  it('has one section per environment and flags where recommendations differ, escaping hostile names', () => {
    const hostile = '<img src=x onerror=alert(1)> @org/team a|b';
    const small = compareResults([workload('hash', 'async', 8), workload(hostile, 'thread', 2)], ['hash'], environment(2));
    const big = runResults([workload('hash', 'thread', 16), workload(hostile, 'thread', 2)], environment(16));
    const entries = labelEntries([small, big]);
    const md = renderReport(entries);
    expect(md).toContain('**The recommendation differs between environments for 1 of 2 workloads**');
    expect(md).toMatch(/\| ⚠️ hash \| async x8 \| thread x16 \|/);
    expect(md).toContain('**1 regression**');
    expect(md).toContain('<details open>\n<summary><b>linux 6.8 x64, 2 cores, Node v24.21.0</b></summary>');
    expect(md).toContain('<details>\n<summary><b>linux 6.8 x64, 16 cores, Node v24.21.0</b></summary>');
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/@org/);
    expect(recommendationsOf(entries)).toContainEqual({ workload: 'hash', model: 'async', concurrency: 8, speedup: 1.9, environment: 'linux 6.8 x64, 2 cores, Node v24.21.0' });
  });

  it('stays under the size limit with many environments and workloads, and numbers identical environments', () => {
    const many = Array.from({ length: 300 }, (_, i) => workload(`w${i}`, 'thread', 2));
    const entries = labelEntries(Array.from({ length: 8 }, () => runResults(many)));
    expect(entries[1]!.label).toBe('linux 6.8 x64, 2 cores, Node v24.21.0 (#2)');
    const md = renderReport(entries, 60_000);
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md.match(/<details>\n<summary>/g)).toHaveLength(8);
  });
});
