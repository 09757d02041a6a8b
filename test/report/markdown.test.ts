import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LENGTH, renderCompareMarkdown, renderRunMarkdown } from '../../src/report/markdown.ts';
import { HOSTILE, cell, compareResults, runResults } from './fixtures.ts';

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
  it('shows a hybrid by its layout, and exactly the cells the reason names (not async 2 for "thread+async x3.1 at 2 threads")', () => {
    const mixed = runResults(['mixed']);
    const w = mixed.workloads[0];
    const seq = 28;
    w.cells = [
      cell('sequential', 1, seq),
      cell('async', 2, 55),
      cell('async', 64, 178),
      cell('thread', 4, 97),
      cell('thread+async', 8, 200, { workers: 2 }),
      cell('thread+async', 32, 275, { workers: 2 }),
      cell('process+async', 32, 270, { workers: 2 }),
    ].map((c) => ({ ...c, speedup: c.throughput.median / seq }));
    w.recommendation = {
      model: 'thread+async',
      concurrency: 32,
      workers: 2,
      speedup: 9.8,
      reason: 'I/O-bound: async x6.4 at 64 in flight, thread x3.5 at 4 threads, thread+async x7.1 at 2 threads x 4 in flight. Recommended: thread+async at 2 threads x 16 in flight: x9.8; best single model async at 64 in flight: x6.4.',
      confidence: 'high',
      withinNoise: [],
    };
    const out = renderRunMarkdown(mixed);
    expect(out).toContain('#### mixed: thread+async 2x16 (9.80x sequential)');
    expect(out).toContain('| ✅ **thread+async** | 2x16 | 275 (267 to 281) | 9.82x |');
    expect(out).toContain('| thread+async | 2x4 | 200 (194 to 204) |');
    expect(out).not.toContain('| async | 2 |');
    checkTables(out);
  });
  it('says in a few words why a confidence is low when the reason that says so at length is cut', () => {
    const long = runResults(['long', 'short']);
    const [cut, whole] = long.workloads;
    const doubts = ['one-round', 'suspect-baseline'] as const;
    cut.recommendation = { ...cut.recommendation!, confidence: 'low', doubts: [...doubts], reason: `${'x'.repeat(590)} 2 of 3 cells measured faster than sequential by more than is possible.` };
    whole.recommendation = { ...whole.recommendation!, confidence: 'low', doubts: [...doubts], reason: 'Measured in one round only; the sequential figure itself is suspect.' };
    const rendered = renderRunMarkdown(long);
    expect(rendered).toContain('… _(not sure: one round of hosts; the sequential figure itself read slow)_');
    // A reason printed whole says it already: no note beside it.
    expect(rendered).toContain('the sequential figure itself is suspect.\n');
    expect(rendered.match(/not sure:/g)).toHaveLength(1);
  });
  it('charts throughput by concurrency in a collapsed mermaid xychart, sequential as a reference line', () => {
    expect(md).toContain('<details><summary>Chart: throughput by concurrency</summary>');
    expect(md).toContain('xychart-beta\n    title "thread - bars: tasks/s / red line: sequential"\n    x-axis "threads" ["1", "2", "4"]\n    y-axis "tasks/s" 0 --> 250');
    expect(md).toContain('    bar "thread" [95, 190, 185]\n    line "sequential" [100, 100, 100]');
  });
});

describe('renderCompareMarkdown', () => {
  const results = compareResults(['hash', ...HOSTILE]);
  const md = renderCompareMarkdown(results);
  it('matches the snapshot', () => {
    expect(md).toMatchSnapshot();
  });
  it('leads with the verdict per workload and the regressions, counted per workload', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('### 🔴 **hash** 6.1% slower (-8.1% to -4.6%) · 4 unchanged · 1 recommendation changed · 2 memory increases · ❌ 1 failed');
    const caution = md.indexOf('> [!CAUTION]');
    expect(caution).toBeGreaterThan(0);
    expect(caution).toBeLessThan(md.indexOf('####'));
    // One regression: the workload's gate; its thread cell's slowdown is described, not counted.
    expect(md).toContain("> 1 workload slower beyond the 5% threshold:\n> - **hash**: **6.1% slower** (95% CI -8.1% to -4.6%; sequential cell's throughput, from CPU time; 12 rounds)");
    expect(md).toContain("🚦 Gate: 🔴 **6.1% slower** (95% CI -8.1% to -4.6%; sequential cell's throughput, from CPU time; 12 rounds)");
    expect(md).toContain('> - **hash**: process x2 → thread x2');
  });
  it('shows base -> head and the change with its CI in the table, the gate marked, other cells clearly not gating; escapes refs and failures', () => {
    expect(md).toContain('| sequential | 1 | 100 → 93.9 | 🔴 ▼ **-6.1%** (-8.1% to -4.6%) · from CPU time · 🚦 gate | 1.00x | 15.0 ms | 98% | 57.2 MiB → 85.8 MiB ⚠️ +50% |');
    expect(md).toContain('🟠 ▼ -15.2% (-17.2% to -13.7%) · slower here, not gating');
    expect(md).toContain('▲ +8.1% (+6.1% to +9.6%) · faster here, not gating');
    expect(md).toContain('❔ ▼ -3.0% (-5.0% to -1.5%) · inconclusive');
    expect(md).toContain('Comparing feature/&lt;x&gt;\\|y (fedcba9) with uncommitted changes against base main (0123456).');
    checkHostileNeutralised(md);
  });
  it('figures in the gate line, the regression list and the table agree', () => {
    const gate = results.workloadChanges![0];
    const cell = results.comparisons.find((c) => c.workload === 'hash' && c.gating)!;
    expect([gate.change, gate.ci95]).toEqual([cell.change, cell.ci95]);
  });
  it('says which workloads are not decided, and why, before the details', () => {
    const gates = results.workloadChanges!.map((w, i) => (i === 1 ? { ...w, verdict: 'inconclusive' as const, detectableChange: 0.097, rounds: 8, plannedRounds: 8, wantedRounds: 40 } : w));
    const text = renderCompareMarkdown({ ...results, workloadChanges: gates, undecided: 1 });
    expect(text.split('\n')[0]).toContain('not decided');
    expect(text).toContain('> [!WARNING]\n> Not decided: the measurements could not tell whether this workload changed by 5%');
    expect(text).toContain('smallest change it could flag: 9.7%; the budget paid for 8 of the 40 rounds it needed');
  });
  it('charts head as bars and base as a line', () => {
    expect(md).toContain('title "thread - bars: head / grey line: base / red line: sequential"');
    expect(md).toContain('    line "base" [105, 209, 204]');
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
      regressions: 0,
      recommendationChanges: [],
      failures: [],
      workloads: results.workloads.filter((w) => w.status === 'ok'),
    };
    expect(renderCompareMarkdown(quiet).split('\n')[0]).toBe('### ✅ 5 workloads unchanged');
  });
});

describe('renderRunMarkdown: a machine that did not hold still', () => {
  const results = runResults(['steady', ...HOSTILE]);
  results.workloads[0].cells[0] = { ...results.workloads[0].cells[0], hostRates: [100, 102, 98] };
  results.workloads[2].cells[0] = { ...results.workloads[2].cells[0], hostRates: [556, 285, 540, 455] };
  const md = renderRunMarkdown(results);
  it('warns under the headline, naming the workload and its slowest and fastest sequential host', () => {
    const warning = md.split('\n\n')[1];
    expect(warning).toMatch(/^> \[!WARNING\]\n> The baseline did not hold still/);
    expect(warning).toContain('285 to 556 tasks/s in 4 hosts, x1.95');
    // The three causes seen on this VM, so a reader knows which to suspect (docs/method.md).
    expect(warning).toMatch(/the machine's speed moved/i);
    expect(warning).toContain('hosts started in different states');
    expect(warning).toContain('alternate with another host');
    expect(warning).not.toContain('steady');
    checkHostileNeutralised(md);
    expect(warning).toContain('**&lt;img src=x onerror=alert(1)&gt;**');
  });
  it('says nothing when every workload held still', () => {
    expect(renderRunMarkdown(runResults(['a']))).not.toContain('[!WARNING]');
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
    // The list comes before any workload's section (the headline names the first few workloads).
    expect(md.indexOf('[!CAUTION]')).toBeLessThan(md.indexOf('- **workload-'));
    expect(md.split('\n')[0]).toContain('4994 more');
  });
  it('drops charts before tables when a little over', () => {
    const full = renderRunMarkdown(runResults(['a', 'b', 'c']));
    const md = renderRunMarkdown(runResults(['a', 'b', 'c']), { maxLength: full.length - 1 });
    expect(md).not.toContain('```mermaid');
    expect(md).toContain('| model');
    expect(md).toContain('charts omitted');
  });
});
