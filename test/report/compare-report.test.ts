/**
 * The compare report as a reviewer meets it, on results shaped like real ones: snapshots of the
 * cases that matter, and a reader's check that no figure said in prose (headline, caution block,
 * gate line, a folded workload's summary) differs from the table row it refers to.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE_CAP_SECONDS } from '../../src/commands/compare.ts';
import { buildCommentBody, commentMarker, GITHUB_COMMENT_LIMIT } from '../../src/github/comment-body.ts';
import { DEFAULT_COMPARE_BUDGET_SECONDS, DEFAULT_MAX_LENGTH, renderCompareMarkdown, reproduceCommand } from '../../src/report/markdown.ts';
import { BLOCKING_CALL, CPU_HASH, failedWorkload, hostileCompare, nothingToReport, PR_CONTEXT, realisticCompare, regressionInOneOfThree, TINY_TASK, undecidedCompare } from './realistic.ts';

const PCT = '([+-]?\\d+\\.\\d%)';

/** A table row's cells, split on unescaped pipes as GitHub does. */
const cellsOf = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());

interface GateRow {
  cell: string;
  change: string;
  ci: [string, string];
}

/** Per workload (as its heading or folded summary names it), the table row the gate (🚦) was decided on. */
function gateRows(md: string): Map<string, GateRow> {
  const rows = new Map<string, GateRow>();
  let workload = '';
  let header: string[] | null = null;
  for (const line of md.split('\n')) {
    const heading = /^#### (?:❌ )?(.+?): /.exec(line) ?? /^<details><summary><strong>(.+?)<\/strong>/.exec(line);
    if (heading) workload = heading[1]!;
    if (!line.startsWith('|')) {
      header = null;
      continue;
    }
    const cells = cellsOf(line);
    if (!header) {
      header = cells;
      continue;
    }
    const col = header.indexOf('throughput change (95% CI)');
    if (col < 0 || !cells[col]?.includes('🚦')) continue;
    const m = new RegExp(`${PCT}\\*{0,2} \\(${PCT} to ${PCT}\\)`).exec(cells[col]!);
    expect(m, `gate row of ${workload}: ${line}`).not.toBeNull();
    expect(rows.has(workload), `one gate row for ${workload}`).toBe(false);
    const model = cells[0]!.replace(/[✅*]/g, '').trim();
    rows.set(workload, { cell: model === 'sequential' ? 'sequential' : `${model} x${cells[1]}`, change: m![1]!, ci: [m![2]!, m![3]!] });
  }
  return rows;
}

/** "13.6% slower" as the table's signed change. */
const signed = (size: string, direction: string) => (direction === 'slower' ? `-${size}` : `+${size}`);

/**
 * Every figure of a gate said in prose, checked against the gate row; returns how many were checked.
 * `tablesTrimmed`: the report dropped tables to fit the cap, so prose without a table is not an error.
 */
function checkProseAgainstTables(md: string, tablesTrimmed = false): number {
  const rows = gateRows(md);
  let checked = 0;
  const expectRow = (workload: string, change: string | null, ci: [string, string], cell: string | null, where: string) => {
    const row = rows.get(workload);
    if (!row && tablesTrimmed) return;
    expect(row, `${where}: a table with the gate row of ${workload}`).toBeDefined();
    if (change !== null) expect(change, `${where}: change of ${workload}`).toBe(row!.change);
    expect(ci, `${where}: interval of ${workload}`).toEqual(row!.ci);
    if (cell !== null) expect(cell, `${where}: the cell of ${workload}'s gate`).toBe(row!.cell);
    checked++;
  };
  const lines = md.split('\n');
  // Headline: "**name** 5.5% slower (-6.8% to -4.2%)".
  for (const m of lines[0]!.matchAll(new RegExp(`\\*\\*(.+?)\\*\\* (\\d+\\.\\d%) (slower|faster) \\(${PCT} to ${PCT}\\)`, 'g'))) {
    expectRow(m[1]!, signed(m[2]!, m[3]!), [m[4]!, m[5]!], null, 'headline');
  }
  let workload = '';
  for (const line of lines.slice(1)) {
    const heading = /^#### (?:❌ )?(.+?): /.exec(line);
    if (heading) workload = heading[1]!;
    // Caution block: "> - **name**: **5.5% slower** (95% CI -6.8% to -4.2%; sequential cell's ...".
    const caution = new RegExp(`^> - \\*\\*(.+?)\\*\\*: \\*\\*(\\d+\\.\\d%) (slower|faster)\\*\\* \\(95% CI ${PCT} to ${PCT}; (.+?) cell's`).exec(line);
    if (caution) expectRow(caution[1]!, signed(caution[2]!, caution[3]!), [caution[4]!, caution[5]!], caution[6]!, 'caution block');
    // Gate line, decided: "🚦 Gate: 🔴 **5.5% slower** (95% CI ...; sequential cell's ...".
    const decided = new RegExp(`^🚦 Gate: .*?\\*\\*(\\d+\\.\\d%) (slower|faster)\\*\\* \\(95% CI ${PCT} to ${PCT}; (.+?) cell's`).exec(line);
    if (decided) expectRow(workload, signed(decided[1]!, decided[2]!), [decided[3]!, decided[4]!], decided[5]!, 'gate line');
    // Gate line, unchanged or not decided, with its figures: "**unchanged** (+0.2%, 95% CI -0.9% to +1.3%; ...".
    const other = new RegExp(`^🚦 Gate: .*?\\*\\*(?:unchanged|not decided)\\*\\* \\(${PCT}, 95% CI ${PCT} to ${PCT}; (?:.*; )?(.+?) cell's`).exec(line);
    if (other) expectRow(workload, other[1]!, [other[2]!, other[3]!], other[4]!, 'gate line');
    // A folded workload's summary: "<summary><strong>name</strong>: unchanged (+0.2%, 95% CI ...)".
    const folded = new RegExp(`^<details><summary><strong>(.+?)</strong>: unchanged \\(${PCT}, 95% CI ${PCT} to ${PCT}\\)`).exec(line);
    if (folded) {
      workload = folded[1]!;
      expectRow(workload, folded[2]!, [folded[3]!, folded[4]!], null, 'folded summary');
    }
  }
  return checked;
}

/** Lines of the report outside any <details> block: what a reviewer sees without opening anything. */
function visible(md: string): string {
  let depth = 0;
  const out: string[] = [];
  for (const line of md.split('\n')) {
    const opens = (line.match(/<details\b/g) ?? []).length;
    if (depth === 0 && opens === 0) out.push(line);
    if (depth === 0 && opens > 0) out.push(line.replace(/<\/summary>.*$/, '</summary>'));
    depth += opens - (line.match(/<\/details>/g) ?? []).length;
  }
  return out.join('\n');
}

const cases = {
  'a regression in one of three workloads': () => renderCompareMarkdown(regressionInOneOfThree(), { context: PR_CONTEXT }),
  'nothing to report': () => renderCompareMarkdown(nothingToReport(), { context: PR_CONTEXT }),
  'a failed workload': () => renderCompareMarkdown(failedWorkload(), { context: PR_CONTEXT }),
  'an undecided compare': () => renderCompareMarkdown(undecidedCompare(), { context: PR_CONTEXT }),
  'hostile names': () => {
    const { results, context } = hostileCompare();
    return renderCompareMarkdown(results, { context });
  },
  'the CLI (no action context)': () => renderCompareMarkdown(regressionInOneOfThree()),
};

describe('compare report snapshots', () => {
  for (const [name, render] of Object.entries(cases)) {
    it(name, () => {
      expect(render()).toMatchSnapshot();
    });
  }
});

describe('figures in prose agree with the tables', () => {
  for (const [name, render] of Object.entries(cases)) {
    it(name, () => {
      const md = render();
      const gates = gateRows(md).size;
      // Every gate with figures is said at least once in prose, and what is said matches its row.
      expect(checkProseAgainstTables(md)).toBeGreaterThanOrEqual(gates);
    });
  }
  it('catches a prose figure that differs from its row', () => {
    const md = renderCompareMarkdown(regressionInOneOfThree(), { context: PR_CONTEXT });
    expect(() => checkProseAgainstTables(md.replace('**5.5% slower** (95% CI -6.8% to -4.2%', '**5.4% slower** (95% CI -6.8% to -4.2%'))).toThrow();
    expect(() => checkProseAgainstTables(md.replace('unchanged (+0.2%, 95% CI -0.9% to +1.3%)', 'unchanged (+0.2%, 95% CI -0.9% to +1.4%)'))).toThrow();
  });
  it('never says a recommendation is sure and unsure in one breath', () => {
    for (const render of Object.values(cases)) expect(render()).not.toContain('low confidence');
  });
});

describe('compare report layout', () => {
  it('shows base -> head and the change with a direction mark in every compared row, the metric named', () => {
    const md = renderCompareMarkdown(regressionInOneOfThree(), { context: PR_CONTEXT });
    expect(md).toContain('| sequential | 1 | 301 → 286 | 🔴 ▼ **-5.5%** (-6.8% to -4.2%) · from CPU time · 🚦 gate |');
    expect(md).toContain('| ✅ **thread** | 4 | 715 → 719 | 0.0% (-1.9% to +2.1%) |');
    expect(md).not.toContain('on CPU time per task');
    expect(md).toContain("sequential cell's throughput, from CPU time");
  });
  it('shows every cell the reason names, so the reason never points at a missing row', () => {
    const spec = { ...CPU_HASH, recommendation: { ...CPU_HASH.recommendation, reason: CPU_HASH.recommendation.reason.replace('process x1.8 at 2 processes', 'process x1.9 at 4 processes') } };
    const md = renderCompareMarkdown(realisticCompare([spec]), { context: PR_CONTEXT });
    expect(md).toContain('| process | 2 | 524 → 504 | ❔ ▼ -3.8% (-10.9% to +4.2%) · from CPU time · inconclusive |');
    expect(md).toContain('| process | 4 | 505 → 487 | - (not compared) |');
  });
  it('keeps what is news in view and folds the rest: unchanged workloads, charts, method, environment', () => {
    const md = renderCompareMarkdown(regressionInOneOfThree(), { context: PR_CONTEXT });
    const seen = visible(md);
    expect(seen).toContain('#### cpu-hash: thread x2');
    expect(seen).toContain('| sequential | 1 | 301 → 286 |');
    expect(seen).toContain('<details><summary><strong>tiny-task</strong>: unchanged (+0.2%, 95% CI -0.9% to +1.3%) · sequential recommended</summary>');
    expect(seen).not.toContain('| ✅ **sequential** | 1 | 722,700 → 724,123');
    expect(seen).not.toContain('```mermaid');
    expect(seen).not.toContain('Environment:');
    expect(seen).toContain('<details><summary>Method and environment</summary>');
    const method = md.slice(md.indexOf('<summary>Method and environment</summary>'));
    expect(method).toContain('([how compare decides](https://github.com/octo/concurrency-bench/blob/v1/docs/compare-method.md))');
  });
  it('labels the head as the pull request branch and head commit, and says which commit was measured', () => {
    const md = renderCompareMarkdown(regressionInOneOfThree(), { context: PR_CONTEXT });
    expect(md).toContain('Comparing **feature/faster-hash** (abcdef1) against base main (0123456).');
    expect(md).not.toContain('working tree');
    expect(md).toContain('The head was measured as checked out: 5698693, the pull request merged into its base.');
  });
  it('ends with the run link, the head commit and time, and the command to reproduce', () => {
    const md = renderCompareMarkdown(regressionInOneOfThree(), { context: PR_CONTEXT });
    expect(md.trimEnd().split('\n').at(-1)).toBe(
      '<sub>[Workflow run](https://github.com/octo/bench/actions/runs/4242) · updated for abcdef1 at 2026-11-30 08:21 UTC · reproduce locally: `npx concurrency-bench compare --base 0123456789abcdef0123456789abcdef01234567`</sub>',
    );
  });
  it('the reproduce command carries the settings that differ from the defaults', () => {
    expect(DEFAULT_COMPARE_BUDGET_SECONDS).toBe(DEFAULT_COMPARE_CAP_SECONDS);
    const results = realisticCompare([BLOCKING_CALL]);
    results.settings = { ...results.settings, config: 'bench/cb.yaml', threshold: 0.03, timeBudgetSeconds: 120 };
    expect(reproduceCommand(results)).toBe('npx concurrency-bench compare --base 0123456789abcdef0123456789abcdef01234567 --config bench/cb.yaml --threshold 3 --time-budget 120');
    expect(reproduceCommand({ ...results, settings: { ...results.settings, config: 'a b`c`.json' } })).toBeNull();
    expect(reproduceCommand({ ...results, paired: false })).toBeNull();
  });
  it('neutralises everything the repository or event controls', () => {
    const { results, context } = hostileCompare();
    const md = renderCompareMarkdown(results, { context });
    expect(md).not.toMatch(/<(img|script|b)\b/i);
    expect(md).not.toMatch(/@(org|everyone|here)\b/);
    // The branch name's link syntax is escaped text, and no link of ours points anywhere but http(s).
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).not.toContain('[Workflow run]');
    expect(md).not.toContain('evil');
    expect(md).not.toContain('yesterday');
    expect(md).not.toContain('touch x');
    expect(md).not.toMatch(/^### injected/m);
    expect(md).toContain('Comparing **&lt;script&gt;alert(1)&lt;/script&gt; &#96;x&#96; @\u200beveryone #\u200b1 \\| \\[link\\](javascript');
    expect(md).toContain('how compare decides: docs/compare-method.md in concurrency-bench');
  });
  it('charts scale the y-axis to what is plotted: a sequential far above the bars is said, not drawn', () => {
    const md = renderCompareMarkdown(regressionInOneOfThree(), { context: PR_CONTEXT });
    const tiny = md.slice(md.indexOf('<strong>tiny-task</strong>'), md.indexOf('<strong>blocking-call</strong>'));
    expect(tiny).toContain('title "thread - bars: head / grey line: base - sequential 724,123 tasks/s is off the chart"'.replace('724,123', '724123'));
    expect(tiny).toContain('y-axis "tasks/s" 0 --> 25000');
    expect(tiny).not.toMatch(/y-axis "tasks\/s" 0 --> [0-9]{6}/);
    const hash = md.slice(md.indexOf('#### cpu-hash'), md.indexOf('<strong>tiny-task</strong>'));
    expect(hash).toContain('    line "sequential" [286, 286, 286]');
    expect(hash).toContain('    bar "head" [254, 497, 449]\n    line "base" [276, 489, 442]');
  });
});

describe('the 65,536-character comment cap', () => {
  const many = Array.from({ length: 400 }, (_, i) => [
    { ...CPU_HASH, name: `hash-${i}` },
    { ...TINY_TASK, name: `tiny-${i}` },
    { ...BLOCKING_CALL, name: `io-${i}|<b>@team` },
  ]).flat();
  const results = realisticCompare(many);
  const md = renderCompareMarkdown(results, { context: PR_CONTEXT });
  it('degrades detail to fit, keeping the verdict, the regressions and the footer', () => {
    expect(md.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    expect(md).toContain("_Report trimmed to stay under GitHub's comment size limit");
    expect(md.split('\n')[0]).toMatch(/^### 🔴 \*\*hash-0\*\* 5\.5% slower \(-6\.8% to -4\.2%\) · .* · 800 unchanged$/);
    expect(md).toContain('> - ... and 380 more');
    expect(md.trimEnd().split('\n').at(-1)).toContain('[Workflow run](https://github.com/octo/bench/actions/runs/4242)');
    checkProseAgainstTables(md, true);
    const body = buildCommentBody(commentMarker('concurrency-bench.config.json'), md);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body).toBe(`${commentMarker('concurrency-bench.config.json')}\n${md}`);
  });
  it('matches the snapshot of its head and tail', () => {
    const lines = md.split('\n');
    expect([...lines.slice(0, 12), '...', ...lines.slice(-12)].join('\n')).toMatchSnapshot();
  });
});
