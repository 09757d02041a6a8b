/**
 * A compare as the terminal shows it: the verdict line, the comparisons (regressions first) with
 * their intervals, recommendation changes, then head's workloads as `run` shows them.
 */
import type { Comparison, CompareResults } from '../results/compare.ts';
import { cellName, formatChange, formatDetectable, formatNumber, formatRef } from './format.ts';
import type { Model } from '../types.ts';
import { gateVerdict, metricName, undecidedReason } from './gate-text.ts';
import { renderWorkload, terminalSafe, type TerminalStyle } from './terminal.ts';

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', green: '\u001b[32m', red: '\u001b[31m', yellow: '\u001b[33m', reset: '\u001b[0m' };
const paint = (style: TerminalStyle, codes: string, text: string) => (style.color ? `${codes}${text}${ANSI.reset}` : text);
const pad = (text: string, width: number, align: 'l' | 'r') => {
  const fill = ' '.repeat(Math.max(0, width - [...text].length));
  return align === 'l' ? text + fill : fill + text;
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function row(c: Comparison, paired: boolean): string[] {
  return [
    terminalSafe(c.workload),
    (c.model === 'sequential' ? 'sequential' : `${c.model} x${c.concurrency}`) + (paired && c.gating ? ' (gate)' : ''),
    c.gating || c.verdict === 'unchanged' || c.verdict === 'inconclusive' ? c.verdict : `${c.verdict} (not gating)`,
    c.metric === 'cpu-time' ? 'cpu time' : 'throughput',
    formatChange(c.change),
    c.ci95 ? `${formatChange(c.ci95[0])} .. ${formatChange(c.ci95[1])}` : '-',
    String(c.rounds),
    `${formatNumber(c.base.throughput)} -> ${formatNumber(c.head.throughput)}`,
    c.error ? terminalSafe(c.error).slice(0, 60) : c.rounds === 0 ? 'no paired round within the budget' : c.memoryGrowth ? `memory ${formatChange(c.memoryChange, 0)}` : '',
  ];
}

export function renderCompareTerminal(results: CompareResults, style: TerminalStyle = { color: false, width: 120 }): string {
  const lines: string[] = [];
  const changes = results.recommendationChanges.length;
  const gates = results.workloadChanges ?? [];
  const gated = results.paired && gates.length > 0;
  const verdicts = gated
    ? gates.map((g) => gateVerdict(g, terminalSafe(g.workload)))
    : [results.regressions ? plural(results.regressions, 'regression') : 'no regression', results.improvements ? plural(results.improvements, 'improvement') : ''];
  const headline = [
    gated ? '' : plural(results.workloads.length, 'workload'),
    ...verdicts,
    changes ? `${plural(changes, 'recommendation')} changed` : 'recommendations unchanged',
    results.incomplete ? 'INCOMPLETE' : '',
  ].filter(Boolean);
  lines.push(paint(style, ANSI.bold + (results.regressions ? ANSI.red : ANSI.green), `concurrency-bench compare: ${headline.join(' · ')}`));
  lines.push(
    `head ${formatRef(results.head.ref, results.head.sha, terminalSafe)}${results.head.dirty ? ' + uncommitted changes' : ''} vs base ${formatRef(results.base.ref, results.base.sha, terminalSafe)}${results.paired ? '' : paint(style, ANSI.yellow, ' · UNPAIRED (stored files): less reliable')}`,
  );
  const header = ['workload', 'cell', 'verdict', 'measured on', 'change', '95% CI', 'rounds', 'tasks/s base -> head', ''];
  const rows = results.comparisons.map((c) => row(c, gated));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  lines.push('', paint(style, ANSI.dim, '  ' + header.map((h, i) => pad(h, widths[i], i >= 4 && i <= 6 ? 'r' : 'l')).join('  ')));
  results.comparisons.forEach((c, i) => {
    const text = '  ' + rows[i].map((v, k) => pad(v, widths[k], k >= 4 && k <= 6 ? 'r' : 'l')).join('  ');
    const color = c.verdict === 'regression' ? ANSI.red + ANSI.bold : c.verdict === 'improvement' ? ANSI.green : c.verdict === 'inconclusive' ? ANSI.yellow : '';
    lines.push(color ? paint(style, color, text) : text);
  });
  for (const w of gates) {
    const on = `${w.model === 'sequential' ? 'sequential' : `${w.model} x${w.concurrency}`} (${metricName(w.metric)}), ${plural(w.rounds, 'round')}`;
    const text =
      w.verdict === 'inconclusive'
        ? `  gate ${terminalSafe(w.workload)}: not decided (${on}; ${undecidedReason(w)})`
        : `  gate ${terminalSafe(w.workload)}: ${w.verdict} ${formatChange(w.change)}${w.ci95 ? ` (95% CI ${formatChange(w.ci95[0])} .. ${formatChange(w.ci95[1])})` : ''} (${on}; smallest change it could flag ${formatDetectable(w.detectableChange)})`;
    const color = w.verdict === 'regression' ? ANSI.red + ANSI.bold : w.verdict === 'improvement' ? ANSI.green : w.verdict === 'inconclusive' ? ANSI.yellow : '';
    lines.push(color ? paint(style, color, text) : text);
  }
  for (const c of results.recommendationChanges) {
    const show = (r: { model: Model; concurrency: number; workers?: number } | null) => (r ? cellName(r) : 'none');
    lines.push(paint(style, ANSI.yellow, `  recommendation for ${terminalSafe(c.workload)}: ${show(c.base)} -> ${show(c.head)}`));
  }
  for (const f of results.failures) lines.push(paint(style, ANSI.red, `  ${f.tree}${f.workload ? ` ${terminalSafe(f.workload)}` : ''}: ${terminalSafe(f.message).slice(0, 200)}`));
  if (results.noise.roundSpread !== null) {
    lines.push(paint(style, ANSI.dim, `  noise: ±${(results.noise.roundSpread * 100).toFixed(1)}% per round${gated ? '' : `; smallest change this run could flag: ${formatDetectable(results.noise.detectableChange)}`}`));
  }
  lines.push('', ...results.workloads.map((w) => renderWorkload(w, style) + '\n'));
  return lines.join('\n');
}
