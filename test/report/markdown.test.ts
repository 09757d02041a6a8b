import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LENGTH, renderCompareMarkdown, renderRunMarkdown } from '../../src/report/markdown.ts';
import { HOSTILE, compareResults, runResults } from './fixtures.ts';

/** Table rows of a rendered report: every row must have as many cells as its header. */
function checkTables(md: string) {
  const lines = md.split('\n');
  let width = 0;
  for (const line of lines) {
    if (!line.startsWith('|')) {
      width = 0;
      continue;
    }
    // Split on pipes that are not backslash-escaped, as GitHub does.
    const cells = line.split(/(?<!\\)\|/).length - 2;
    if (width === 0) width = cells;
    expect(cells, line).toBe(width);
  }
}

function checkHostileNeutralised(md: string) {
  expect(md).not.toMatch(/<img/i);
  expect(md).not.toMatch(/<script/i);
  expect(md).not.toMatch(/<b>/);
  expect(md).not.toMatch(/@(org|everyone|here)\b/);
  // The only backticks are our own mermaid fences and method notes, never user text.
  expect(md).not.toContain('`x`');
  expect(md).not.toContain('`rm');
  checkTables(md);
}

describe('renderRunMarkdown', () => {
  const results = runResults(['hash', ...HOSTILE]);
  const md = renderRunMarkdown(results);
  it('matches the snapshot', () => {
    expect(md).toMatchSnapshot();
  });
  it('is deterministic', () => {
    expect(renderRunMarkdown(runResults(['hash', ...HOSTILE]))).toBe(md);
  });
  it('puts a one-line verdict first and the environment last', () => {
    expect(md.split('\n')[0]).toBe('### ❌ **concurrency-bench**: 6 workloads · recommended: 5 thread · ❌ 1 failed');
    expect(md.trimEnd().split('\n').at(-1)).toMatch(/^<sub>Environment: 2 cores .* Node v24\.21\.0 · python 3\.12\.3 · linux 6\.1 x64/);
  });
  it('escapes hostile workload names and error messages', () => {
    checkHostileNeutralised(md);
    expect(md).toContain('#### a\\|b: thread x2');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('@\u200borg/team');
  });
  it('has a table with throughput, speedup, p99, CPU and memory, the recommendation marked', () => {
    expect(md).toContain('| model');
    expect(md).toContain('| ✅ **thread** | 2 | 190 (184 to 194) | 1.90x | 7.9 ms | 194% | 70.0 MiB |');
    expect(md).toContain('❌ crashed: worker died: &lt;b&gt;\\|boom\\|&lt;/b&gt; second line @\u200bhere');
  });
  it('charts throughput by concurrency in a collapsed mermaid xychart', () => {
    expect(md).toContain('<details><summary>Throughput by concurrency: hash</summary>');
    expect(md).toContain('```mermaid\nxychart-beta\n    title "thread (sequential: 100 tasks/s)"\n    x-axis "concurrency" ["1", "2", "4"]');
    expect(md).toContain('    bar [95, 190, 185]');
  });
});

describe('renderCompareMarkdown', () => {
  const results = compareResults(['hash', ...HOSTILE]);
  const md = renderCompareMarkdown(results);
  it('matches the snapshot', () => {
    expect(md).toMatchSnapshot();
  });
  it('leads with the verdict line and the regressions', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('### 🔴 **concurrency-bench**: 6 workloads · **2 regressions** · 4 improvements · 1 recommendation changed · 1 memory increase · ❌ 1 failed');
    const caution = md.indexOf('> [!CAUTION]');
    expect(caution).toBeGreaterThan(0);
    expect(caution).toBeLessThan(md.indexOf('####'));
    expect(md).toContain('> - **hash** · thread x2: **-15.2%** throughput (95% CI -17.2% to -13.7%, 12 rounds)');
    // The workload taken as a whole leads the list, and its section says it too.
    expect(md.indexOf('> - **hash** · all 3 compared models together: **-6.1%** (95% CI -8.0% to -4.2%, 12 rounds)')).toBeLessThan(md.indexOf('> - **hash** · thread x2'));
    expect(md).toContain('All 3 compared models together: **-6.1%** (95% CI -8.0% to -4.2%, 12 rounds) · 🔴 **regression**');
    expect(md).toContain('> - **hash**: process x2 → thread x2');
  });
  it('shows the change vs base with its CI in the table and escapes refs and failures', () => {
    expect(md).toContain('🔴 **-15.2%** (-17.2% to -13.7%) · memory +50%');
    expect(md).toContain('🟢 **+8.1%** (+6.1% to +9.6%)');
    expect(md).toContain('❔ -3.0% (-5.0% to -1.5%) inconclusive');
    expect(md).toContain('Comparing feature/&lt;x&gt;\\|y (fedcba9) with uncommitted changes against base main (0123456).');
    checkHostileNeutralised(md);
  });
  it('charts head as bars and base as a line', () => {
    expect(md).toContain('title "thread (sequential: 100 tasks/s) - bars: head / line: base"');
    expect(md).toContain('    line [105, 209, 204]');
  });
  it('labels an unpaired comparison as less reliable', () => {
    const unpaired = renderCompareMarkdown({ ...results, paired: false });
    expect(unpaired).toContain('**less reliable**');
    expect(md).not.toContain('less reliable');
  });
  it('says so plainly when nothing changed', () => {
    const quiet = {
      ...results,
      comparisons: results.comparisons.map((c) => ({ ...c, verdict: 'unchanged' as const, memoryGrowth: false })),
      workloadChanges: results.workloadChanges!.map((w) => ({ ...w, verdict: 'unchanged' as const })),
      recommendationChanges: [],
      failures: [],
      workloads: results.workloads.filter((w) => w.status === 'ok'),
    };
    expect(renderCompareMarkdown(quiet).split('\n')[0]).toBe('### ✅ **concurrency-bench**: 5 workloads · no regression · recommendations unchanged');
  });
});

describe('size limit', () => {
  const names = Array.from({ length: 5000 }, (_, i) => `workload-${i}|<b>@team`);
  it('trims 5,000 workloads of a run to fit with a note', () => {
    const md = renderRunMarkdown(runResults(names));
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    expect(md).toContain("_Report trimmed to stay under GitHub's comment size limit");
    expect(md).toMatch(/_\.\.\. and \d+ more workloads not shown\._/);
    expect(md.split('\n')[0]).toContain('5001 workloads');
    checkHostileNeutralised(md);
  });
  it('trims 5,000 workloads of a compare, keeping the regressions list capped and first', () => {
    const md = renderCompareMarkdown(compareResults(names, () => true));
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    expect(md.length).toBeGreaterThan(DEFAULT_MAX_LENGTH / 2);
    expect(md).toContain('> - ... and 4980 more');
    expect(md.indexOf('[!CAUTION]')).toBeLessThan(md.indexOf('workload-1\\|'));
  });
  it('drops charts before tables when a little over', () => {
    const full = renderRunMarkdown(runResults(['a', 'b', 'c']));
    const md = renderRunMarkdown(runResults(['a', 'b', 'c']), { maxLength: full.length - 1 });
    expect(md).not.toContain('```mermaid');
    expect(md).toContain('| model');
    expect(md).toContain('charts omitted');
  });
});
