import type { CellResult, RunResults, WorkloadResult } from '../results/run.ts';
import { unsteadyWorkloads } from '../analysis/steadiness.ts';
import { cellNotes, formatBytes, formatMs, formatNumber, formatRecommendedSpeedup, formatSpeedup, formatUtilization, levelLabel, lowConfidenceText, speedupLabel, unsteadyBaselineText } from './format.ts';
import { unit } from '../analysis/recommend.ts';
import { isHybrid } from '../types.ts';

export interface TerminalStyle {
  color: boolean;
  width: number;
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', green: '\u001b[32m', red: '\u001b[31m', yellow: '\u001b[33m', reset: '\u001b[0m' };

/** Strip control characters from user strings: a workload name must not be able to drive the terminal. */
export function terminalSafe(text: unknown): string {
  return String(text ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function paint(style: TerminalStyle, codes: string, text: string): string {
  return style.color ? `${codes}${text}${ANSI.reset}` : text;
}

function pad(text: string, width: number, align: 'l' | 'r'): string {
  const visible = [...text].length;
  const fill = ' '.repeat(Math.max(0, width - visible));
  return align === 'l' ? text + fill : fill + text;
}

function cellRow(cell: CellResult): string[] {
  const ok = cell.status === 'ok';
  return [
    cell.model,
    levelLabel(cell),
    ok || cell.samples > 0 ? formatNumber(cell.throughput.median) : '-',
    ok || cell.samples > 0 ? `${formatNumber(cell.throughput.ci95[0])}-${formatNumber(cell.throughput.ci95[1])}` : '-',
    speedupLabel(cell),
    cell.samples > 0 ? formatMs(cell.latencyMs.p50) : '-',
    cell.samples > 0 ? formatMs(cell.latencyMs.p99) : '-',
    cell.samples > 0 ? formatUtilization(cell.cpuUtilization) : '-',
    formatBytes(cell.peakRssBytes),
    formatMs(cell.startupMs),
    ok ? 'ok' : `${cell.status}: ${terminalSafe(cell.error ?? '')}`,
  ];
}

const HEADER = ['model', 'conc', 'tasks/s', '95% CI', 'speedup', 'p50', 'p99', 'CPU', 'peak RSS', 'startup', 'status'];
const ALIGN: Array<'l' | 'r'> = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'];

function table(workload: WorkloadResult, style: TerminalStyle): string[] {
  const rows = workload.cells.map(cellRow);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === HEADER.length - 1 ? Math.min(40, r[i].length) : r[i].length))));
  const recommended = workload.recommendation;
  const lines = [paint(style, ANSI.dim, '  ' + HEADER.map((h, i) => pad(h, widths[i], ALIGN[i])).join('  '))];
  workload.cells.forEach((cell, index) => {
    const isPick = recommended && cell.model === recommended.model && cell.concurrency === recommended.concurrency;
    const status = rows[index][HEADER.length - 1];
    rows[index][HEADER.length - 1] = status.length > 60 ? status.slice(0, 59) + '…' : status;
    const text = rows[index].map((value, i) => pad(value, widths[i], ALIGN[i])).join('  ');
    if (isPick) lines.push(paint(style, ANSI.bold + ANSI.green, '▶ ' + text + '  ◀ recommended'));
    else if (cell.status !== 'ok') lines.push(paint(style, ANSI.red, '  ' + text));
    else lines.push('  ' + text);
  });
  return lines;
}

/** Horizontal bars of median throughput by concurrency, one group per model, scaled to the best cell. */
export function throughputChart(workload: WorkloadResult, width = 32): string[] {
  const cells = workload.cells.filter((c) => c.samples > 0);
  const best = Math.max(...cells.map((c) => c.throughput.median), 0);
  if (best <= 0) return [];
  const eighths = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
  const lines = ['  throughput by concurrency (tasks/s):'];
  let lastModel = '';
  for (const cell of cells) {
    const units = (cell.throughput.median / best) * width * 8;
    const bar = '█'.repeat(Math.floor(units / 8)) + eighths[Math.floor(units % 8)];
    const label = cell.model === lastModel ? '' : cell.model;
    lastModel = cell.model;
    lines.push(`  ${pad(label, 13, 'l')} ${pad(levelLabel(cell), 4, 'r')} │${pad(bar, width, 'l')} ${formatNumber(cell.throughput.median)}`);
  }
  return lines;
}

export function renderWorkload(workload: WorkloadResult, style: TerminalStyle): string {
  const name = terminalSafe(workload.name);
  const lines: string[] = [];
  if (workload.status === 'failed' && workload.cells.length === 0) {
    lines.push(paint(style, ANSI.bold, `${name}`) + paint(style, ANSI.red, `  failed: ${terminalSafe(workload.error)}`));
    return lines.join('\n');
  }
  const cls = workload.classification ?? 'unclassified';
  lines.push(`${paint(style, ANSI.bold, name)}  ${paint(style, ANSI.dim, `[${workload.runtime}, ${cls}]`)}`);
  const rec = workload.recommendation;
  if (rec) {
    const low = lowConfidenceText(rec);
    const confidence = low ? paint(style, ANSI.yellow, ` (${low})`) : '';
    lines.push(`  → use ${paint(style, ANSI.bold + ANSI.green, `${rec.model}${rec.model === 'sequential' ? '' : isHybrid(rec.model) && rec.workers !== undefined ? ` at ${unit(rec.model, rec.concurrency, rec.workers)}` : ` at concurrency ${rec.concurrency}`}`)}: ${formatRecommendedSpeedup(rec)} vs sequential${confidence}`);
    lines.push(`    ${terminalSafe(rec.reason)}`);
  } else if (workload.error) {
    lines.push(paint(style, ANSI.red, `  failed: ${terminalSafe(workload.error)}`));
  }
  const notes = cellNotes(workload).map((note) => paint(style, ANSI.dim, `  ${terminalSafe(note)}`));
  lines.push('', ...table(workload, style), ...notes, '', ...throughputChart(workload));
  return lines.join('\n');
}

/** The whole run as the terminal shows it at the end. */
export function renderRunTerminal(results: RunResults, style: TerminalStyle = { color: false, width: 120 }): string {
  const env = results.environment;
  const header = `concurrency-bench ${results.tool.version} · ${env.cpus} cores (${terminalSafe(env.cpuModel)}) · Node ${env.node} · ${env.os} · ${results.settings.rounds} rounds${
    results.incomplete ? paint(style, ANSI.yellow, ' · INCOMPLETE (interrupted)') : ''
  }`;
  const unsteady = unsteadyBaselineText(unsteadyWorkloads(results), terminalSafe);
  const warning = unsteady ? [paint(style, ANSI.yellow, `⚠ ${unsteady}`)] : [];
  return [header, '', ...results.workloads.map((w) => renderWorkload(w, style) + '\n'), ...warning].join('\n');
}
