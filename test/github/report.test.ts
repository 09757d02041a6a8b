import { describe, expect, it } from 'vitest';
import { labelEntries, recommendationsOf, renderReport } from '../../src/github/report.ts';
import { compareResults, environment, runResults, workload } from './fixtures.ts';

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

  it('names a hybrid recommendation by its layout, in the comment and in the `recommendations` output', () => {
    const two = workload('fetch', 'thread+async', 16);
    two.recommendation!.workers = 2;
    two.cells[1]!.workers = 2;
    const four = workload('fetch', 'process+async', 32);
    four.recommendation!.workers = 4;
    four.cells[1]!.workers = 4;
    const entries = labelEntries([runResults([two], environment(2)), runResults([four], environment(4))]);
    expect(renderReport(entries)).toMatch(/\| ⚠️ fetch \| thread\+async 2x8 \| process\+async 4x8 \|/);
    expect(recommendationsOf(entries)).toEqual([
      { workload: 'fetch', model: 'thread+async', concurrency: 16, workers: 2, speedup: 1.9, environment: 'linux 6.8 x64, 2 cores, Node v24.21.0' },
      { workload: 'fetch', model: 'process+async', concurrency: 32, workers: 4, speedup: 1.9, environment: 'linux 6.8 x64, 4 cores, Node v24.21.0' },
    ]);
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
