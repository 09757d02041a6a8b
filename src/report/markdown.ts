/**
 * The markdown report: the body of the pull-request comment and the job summary, also written by
 * `--markdown FILE`. Deterministic (no clock, no locale), every user string escaped, and kept under
 * GitHub's comment limit by dropping detail (charts, then tables) with a note instead of failing.
 */
import { markdownTable } from 'markdown-table';
import type { Model } from '../types.ts';
import type { CellResult, RunResults, WorkloadResult } from '../results/run.ts';
import { MODELS } from '../types.ts';
import { unit } from '../analysis/recommend.ts';
import type { Comparison, CompareResults, WorkloadChange } from '../results/compare.ts';
import { escapeHtml, escapeMarkdown as esc } from './escape.ts';
import { cellNotes, formatBytes, formatChange, formatMs, formatNumber, formatRecommendedSpeedup, formatRef, formatSpeedup, formatUtilization, doubtsText, cellName, levelLabel, speedupLabel, unsteadyBaselineText } from './format.ts';
import { gateCounts, gateVerdict, metricName, slowerOrFaster, undecidedReason } from './gate-text.ts';
import { COMPARE_DEFAULTS } from '../analysis/compare.ts';
import { REACH_RESOLUTION } from '../analysis/gate.ts';
import { unsteadyWorkloads } from '../analysis/steadiness.ts';
import { DEFAULT_CONFIG_FILES } from '../config/load.ts';

/** GitHub rejects comment bodies over 65,536 characters; leave room for the action's marker and footer. */
export const DEFAULT_MAX_LENGTH = 60_000;
/** Items shown in the regression / recommendation-change lists before "and N more". */
const MAX_LIST_ITEMS = 20;
/** `compare`'s time budget when none is given (src/commands/compare.ts DEFAULT_COMPARE_CAP_SECONDS; a test keeps them equal). */
export const DEFAULT_COMPARE_BUDGET_SECONDS = 600;

/**
 * Facts from where the report is published (the action's edge builds them from the environment and
 * the event): plain data. Strings are escaped here, links are used only when they are plain URLs.
 */
export interface ReportContext {
  /** The pull request's head branch and head commit: what the reviewer knows the head as. */
  head?: { ref: string; sha: string };
  /** The pull request's base branch and commit. */
  base?: { ref: string; sha: string };
  /** The workflow run that made the report. */
  runUrl?: string;
  /** When the report was made, ISO 8601 (the renderer itself has no clock). */
  updatedAt?: string;
  /** Where the method document is (docs/compare-method.md of the action's repository at its ref). */
  methodUrl?: string;
}

export interface MarkdownOptions {
  /** Upper bound on the length of the whole report (UTF-16 code units, which over-counts, so it is safe). */
  maxLength?: number;
  context?: ReportContext;
}

type Detail = 'full' | 'table' | 'line';

/** One workload's section at each level of detail, and whether it needs attention. */
interface Section {
  variants: Record<Detail, string>;
  notable: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** "thread x4"; a hybrid with its layout, "thread+async 2x8" (workers x in flight per worker). */
const cellLabel = (model: Model, concurrency: number, workers?: number) => cellName({ model, concurrency, ...(workers !== undefined ? { workers } : {}) });

/** A URL fit for a markdown link: http(s), no spaces, quotes, brackets or parentheses. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > 2000) return undefined;
  return /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~%/+@=-]*)?$/.test(url) ? url : undefined;
}

/** A commit as its first 7 hex digits; anything else (a stored file may hold anything) escaped. */
function shortSha(sha: string): string {
  return /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7).toLowerCase() : esc(sha, 12);
}

/** `2026-11-30 08:21 UTC`, or '' when not a date. Fixed format, no locale. */
function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A config path that can go into a shell command as it is (no quoting, no backticks). */
const PLAIN_PATH = /^[A-Za-z0-9._/@+-]+$/;

/** The command that repeats this compare on a developer's machine, or null when it cannot be said exactly. */
export function reproduceCommand(results: CompareResults): string | null {
  const sha = results.base.sha;
  if (!results.paired || !sha || !/^[0-9a-f]{7,64}$/i.test(sha)) return null;
  const s = results.settings;
  const args = ['npx concurrency-bench compare', `--base ${sha.toLowerCase()}`];
  if (s.config && !DEFAULT_CONFIG_FILES.includes(s.config)) {
    if (!PLAIN_PATH.test(s.config) || s.config.startsWith('-')) return null;
    args.push(`--config ${s.config}`);
  }
  if (Number.isFinite(s.threshold) && s.threshold !== COMPARE_DEFAULTS.threshold) args.push(`--threshold ${Number((s.threshold * 100).toFixed(2))}`);
  if (Number.isFinite(s.alpha) && s.alpha !== COMPARE_DEFAULTS.alpha) args.push(`--alpha ${s.alpha}`);
  if (Number.isFinite(s.timeBudgetSeconds) && s.timeBudgetSeconds > 0 && s.timeBudgetSeconds !== DEFAULT_COMPARE_BUDGET_SECONDS) args.push(`--time-budget ${s.timeBudgetSeconds}`);
  return args.join(' ');
}

/** The last line: the workflow run, which commit and when, and how to reproduce it locally. '' when there is nothing to say. */
export function contextFooter(context: ReportContext | undefined, reproduce: string | null): string {
  const parts: string[] = [];
  const run = safeUrl(context?.runUrl);
  if (run) parts.push(`[Workflow run](${run})`);
  // "updated for <head> at <time>" belongs to the report as a whole (a merged report's sections carry no time).
  const when = formatTime(context?.updatedAt);
  const sha = context?.head?.sha ? shortSha(context.head.sha) : '';
  if (when) parts.push(`updated${sha ? ` for ${sha}` : ''} at ${when}`);
  if (reproduce) parts.push(`reproduce locally: \`${reproduce}\``);
  return parts.length ? `<sub>${parts.join(' · ')}</sub>` : '';
}

/** A link to the method document when its address is known, else its path in concurrency-bench's repository. */
function methodLink(context: ReportContext | undefined): string {
  const url = safeUrl(context?.methodUrl);
  return url ? `[how compare decides](${url})` : 'how compare decides: docs/compare-method.md in concurrency-bench';
}

/**
 * The cells shown for a workload, in model cost order: the compared cells (compare), else the best
 * ok cell of each model (highest median throughput); then the recommended cell, then failed cells.
 */
function rowsFor(workload: WorkloadResult, comparisons: readonly Comparison[] | null): CellResult[] {
  const rows: CellResult[] = [];
  const rec = workload.recommendation;
  // "process x1.8 at 2 processes", "thread+async x9.8 at 2 threads x 16 in flight": the evidence the reason names.
  const reason = rec?.reason ?? '';
  const named = (c: CellResult) => reason.includes(`${c.model} x`) && new RegExp(`(?<![+\\w])${c.model.replace('+', '\\+')} x[0-9.]+ at ${unit(c.model, c.concurrency, c.workers)}(?![\\w ]*x \\d)`).test(reason);
  for (const model of MODELS) {
    const cells = workload.cells.filter((c) => c.model === model).sort((a, b) => a.concurrency - b.concurrency);
    if (cells.length === 0) continue;
    const compared = comparisons ? cells.filter((c) => findComparison(comparisons, c)) : [];
    if (compared.length > 0) rows.push(...compared);
    else {
      const ok = cells.filter((c) => c.status === 'ok');
      rows.push(ok.length ? ok.reduce((a, b) => (b.throughput.median > a.throughput.median ? b : a)) : cells[0]);
    }
    const recommended = rec && rec.model === model ? cells.find((c) => c.concurrency === rec.concurrency) : undefined;
    if (recommended && !rows.includes(recommended)) rows.push(recommended);
    // The cells the reason names ("process x1.8 at 2 processes"): the reason must not point at a row that is not there.
    for (const c of cells) if (named(c) && !rows.includes(c)) rows.push(c);
    // A cell that failed is news even when another concurrency of the model worked.
    for (const c of cells) if (c.status !== 'ok' && !rows.includes(c)) rows.push(c);
  }
  return rows;
}

/** A direction mark for a change of throughput: ▲ up (faster), ▼ down (slower), none when it rounds to 0. */
function directionMark(change: number | null | undefined, digits = 1): string {
  const text = formatChange(change, digits);
  return text.startsWith('-') ? '▼ ' : text.startsWith('+') ? '▲ ' : '';
}

function changeCell(c: Comparison | undefined): string {
  if (!c) return '- (not compared)';
  if (c.change === null) return `? not measured${c.error ? `: ${esc(c.error, 120)}` : c.rounds === 0 ? ' (no paired round within the budget)' : ''}`;
  const arrow = directionMark(c.change);
  // The metric named where it is not plain wall-clock throughput, so "-14%" is not read as "CPU time went down".
  const cpu = c.metric === 'cpu-time' ? ' · from CPU time' : '';
  if (!c.ci95) return `❔ ${arrow}${formatChange(c.change)} (${plural(c.rounds, 'round')})${cpu} · inconclusive`;
  const ci = `(${formatChange(c.ci95[0])} to ${formatChange(c.ci95[1])})${cpu}`;
  // Only the gate's own cell carries the verdict marks; other cells describe (not gating).
  const gate = c.gating ? ' · 🚦 gate' : '';
  switch (c.verdict) {
    case 'regression':
      return c.gating ? `🔴 ${arrow}**${formatChange(c.change)}** ${ci}${gate}` : `🟠 ${arrow}${formatChange(c.change)} ${ci} · slower here, not gating`;
    case 'improvement':
      return c.gating ? `🟢 ${arrow}**${formatChange(c.change)}** ${ci}${gate}` : `${arrow}${formatChange(c.change)} ${ci} · faster here, not gating`;
    case 'unchanged':
      return `${arrow}${formatChange(c.change)} ${ci}${gate}`;
    default:
      return `❔ ${arrow}${formatChange(c.change)} ${ci} · ${c.gating ? 'not decided' : 'inconclusive'}${gate}`;
  }
}

/** `base → head` of two figures, each formatted by `format`. */
const baseToHead = (base: string, head: string) => `${base} → ${head}`;

function findComparison(comparisons: readonly Comparison[], cell: CellResult): Comparison | undefined {
  return comparisons.find((c) => c.model === cell.model && c.concurrency === cell.concurrency);
}

/** `comparisons` are this workload's only (or null for a run report: head figures only). */
function table(workload: WorkloadResult, comparisons: readonly Comparison[] | null, base: WorkloadResult | undefined): string {
  const rec = workload.recommendation;
  const header = comparisons
    ? ['model', 'concurrency', 'tasks/s, base → head', 'throughput change (95% CI)', 'vs sequential', 'p99 latency', 'CPU', 'peak memory, base → head']
    : ['model', 'concurrency', 'throughput (tasks/s)', 'vs sequential', 'p99 latency', 'CPU', 'peak memory'];
  const rows = rowsFor(workload, comparisons).map((cell) => {
    const recommended = rec?.model === cell.model && rec.concurrency === cell.concurrency;
    const name = recommended ? `✅ **${cell.model}**` : cell.model;
    const failed = cell.status !== 'ok';
    const fail = `❌ ${cell.status}${cell.error ? `: ${esc(cell.error, 120)}` : ''}`;
    if (!comparisons) {
      return failed
        ? [name, levelLabel(cell), fail, '-', '-', '-', '-']
        : [
            name,
            levelLabel(cell),
            `${formatNumber(cell.throughput.median)} (${formatNumber(cell.throughput.ci95[0])} to ${formatNumber(cell.throughput.ci95[1])})`,
            speedupLabel(cell),
            formatMs(cell.latencyMs.p99),
            formatUtilization(cell.cpuUtilization),
            formatBytes(cell.peakRssBytes),
          ];
    }
    const c = findComparison(comparisons, cell);
    const baseCell = base?.cells.find((b) => b.model === cell.model && b.concurrency === cell.concurrency && b.status === 'ok');
    // The paired rounds' medians where the cell was compared (the figures the change rests on), else each tree's own run.
    const tasks = baseToHead(formatNumber(c?.base.throughput ?? baseCell?.throughput.median), failed ? '❌' : formatNumber(c?.head.throughput ?? cell.throughput.median));
    const memory = baseToHead(formatBytes(c?.base.peakRssBytes ?? baseCell?.peakRssBytes), failed ? '-' : formatBytes(c?.head.peakRssBytes ?? cell.peakRssBytes)) + (c?.memoryGrowth ? ` ⚠️ ${formatChange(c.memoryChange, 0)}` : '');
    if (failed) return [name, levelLabel(cell), tasks, `${fail}${c ? ` · ${changeCell(c)}` : ''}`, '-', '-', '-', memory];
    return [name, levelLabel(cell), tasks, changeCell(c), speedupLabel(cell), formatMs(cell.latencyMs.p99), formatUtilization(cell.cpuUtilization), memory];
  });
  // No padding to align the delimiters: it only costs characters of the comment budget.
  const align = comparisons ? ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'r'] : ['l', 'r', 'r', 'r', 'r', 'r', 'r'];
  return markdownTable([header, ...rows], { align, alignDelimiters: false });
}

/** Series colours of the charts: head (bars), base (line), sequential (reference line). */
const HEAD_COLOUR = '#4e79a7';
const BASE_COLOUR = '#8c8c8c';
const SEQUENTIAL_COLOUR = '#e15759';
/** Sequential is drawn as a reference line unless it would squash the bars (above this multiple of the tallest). */
const REFERENCE_LINE_MAX = 2.5;

/**
 * Mermaid xychart-beta, one chart per model with more than one concurrency level: head as bars,
 * base as a grey line, sequential as a horizontal reference line (a constant line series; xychart
 * has no rule of its own). The y-axis is scaled to what is plotted: a sequential figure far above
 * the bars is said in the title instead of drawn, so it cannot flatten them. The series are named
 * (a legend where the renderer draws one) and the title says which is which for those that do not.
 */
function charts(workload: WorkloadResult, base: WorkloadResult | undefined, compare: boolean): string {
  const sequential = workload.cells.find((c) => c.model === 'sequential' && c.concurrency === 1 && c.status === 'ok');
  const blocks: string[] = [];
  for (const model of MODELS) {
    if (model === 'sequential') continue;
    const cells = workload.cells.filter((c) => c.model === model && c.status === 'ok').sort((a, b) => a.concurrency - b.concurrency);
    if (cells.length < 2) continue;
    const baseCells = base?.cells.filter((c) => c.model === model && c.status === 'ok') ?? [];
    const baseValues = cells.map((c) => baseCells.find((b) => b.concurrency === c.concurrency)?.throughput.median);
    const withBase = baseCells.length > 0 && baseValues.every((v) => v !== undefined);
    const values = cells.map((c) => c.throughput.median);
    const plotted = [...values, ...(withBase ? (baseValues as number[]) : [])];
    const tallest = Math.max(...plotted);
    const seq = sequential?.throughput.median;
    const seqLine = seq !== undefined && seq > 0 && seq <= tallest * REFERENCE_LINE_MAX;
    const top = niceTop(Math.max(tallest, seqLine ? seq : 0) * 1.1);
    const series = [`bars: ${compare ? 'head' : 'tasks/s'}`, withBase ? 'grey line: base' : '', seqLine ? 'red line: sequential' : ''].filter(Boolean);
    const offChart = seq !== undefined && seq > 0 && !seqLine ? ` - sequential ${formatNumber(seq)} tasks/s is off the chart` : '';
    const colours = [HEAD_COLOUR, ...(withBase ? [BASE_COLOUR] : []), ...(seqLine ? [SEQUENTIAL_COLOUR] : [])];
    const lines = [
      '```mermaid',
      '---',
      'config:',
      '  xyChart:',
      '    showLegend: true',
      '  themeVariables:',
      '    xyChart:',
      `      plotColorPalette: "${colours.join(', ')}"`,
      '---',
      'xychart-beta',
      `    title "${chartText(`${model} - ${series.join(' / ')}${offChart}`)}"`,
      `    x-axis "${model === 'async' ? 'tasks in flight' : model === 'thread' ? 'threads' : model === 'process' ? 'processes' : 'workers x in flight'}" [${cells.map((c) => `"${levelLabel(c)}"`).join(', ')}]`,
      `    y-axis "tasks/s" 0 --> ${chartNumber(top)}`,
      `    bar "${compare ? 'head' : model}" [${values.map(chartNumber).join(', ')}]`,
    ];
    if (withBase) lines.push(`    line "base" [${(baseValues as number[]).map(chartNumber).join(', ')}]`);
    if (seqLine) lines.push(`    line "sequential" [${cells.map(() => chartNumber(seq)).join(', ')}]`);
    lines.push('```');
    blocks.push(lines.join('\n'));
  }
  if (blocks.length === 0) return '';
  // Each tree's own sweep, one visit per cell: a gap between base and head here is not a measured change.
  const what = compare ? 'throughput by concurrency, base and head (single sweep visits, not paired: the table has the measured changes)' : 'throughput by concurrency';
  return `<details><summary>Chart: ${what}</summary>\n\n${blocks.join('\n\n')}\n\n</details>`;
}

/** Text inside a chart's quoted string: no quotes, commas or characters mermaid would read as syntax. */
function chartText(text: string): string {
  return text.replace(/[",;#`<>{}[\]]/g, '');
}

/** A round axis top at or above `value`: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of ten. */
function niceTop(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * power >= value * (1 - 1e-9)) ?? 10;
  return step * power;
}

/** Plain decimal with 3 significant figures and no grouping (mermaid parses bare numbers). */
function chartNumber(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '0';
  return String(Number(value.toPrecision(3)));
}

function workloadHeading(w: WorkloadResult): string {
  if (w.status === 'failed' || !w.recommendation) return `#### ❌ ${esc(w.name)}: failed${w.error ? ` - ${esc(w.error)}` : ''}`;
  const r = w.recommendation;
  return `#### ${esc(w.name)}: ${cellLabel(r.model, r.concurrency, r.workers)} (${formatRecommendedSpeedup(r)} sequential)`;
}

function workloadLine(w: WorkloadResult, whole: WorkloadChange | undefined): string {
  const rec = w.recommendation ? `${cellLabel(w.recommendation.model, w.recommendation.concurrency, w.recommendation.workers)}, ${formatRecommendedSpeedup(w.recommendation)} sequential` : 'failed';
  const change = !whole
    ? ''
    : whole.verdict === 'regression'
      ? ` · 🔴 ${gateVerdict(whole, '').trim()}`
      : whole.verdict === 'improvement'
        ? ` · 🟢 ${gateVerdict(whole, '').trim()}`
        : whole.verdict === 'inconclusive'
          ? ' · ❔ not decided'
          : ' · unchanged';
  return `- **${esc(w.name)}**: ${rec}${change}`;
}

/** What a gate rests on: "sequential cell's throughput, from CPU time". */
const gateBasis = (g: WorkloadChange) => `${cellLabel(g.model, g.concurrency)} cell's ${metricName(g.metric)}`;

/** A gate's figures as prose: "+0.3%, 95% CI -1.7% to +1.8%" (unchanged) or "95% CI -8.1% to -4.6%" (the change is in the verdict). */
function gateFigures(g: WorkloadChange, withChange: boolean): string {
  const ci = g.ci95 ? `95% CI ${formatChange(g.ci95[0])} to ${formatChange(g.ci95[1])}` : '';
  return [withChange && g.change !== null ? formatChange(g.change) : '', ci].filter(Boolean).join(', ');
}

/** The workload's verdict in a few words with its figures, as the gate line and a collapsed section's summary say it. */
function gateSummary(g: WorkloadChange): string {
  switch (g.verdict) {
    case 'regression':
    case 'improvement':
      return `**${slowerOrFaster(g.change ?? 0)}** (${gateFigures(g, false)}`;
    case 'unchanged':
      return `**unchanged** (${gateFigures(g, true)}`;
    default: {
      if (g.error) return '**failed to measure** (no figures: a side failed, see below';
      const figures = gateFigures(g, true);
      return `**not decided** (${figures ? `${figures}; ` : ''}${undecidedReason(g)}`;
    }
  }
}

/** The workload's gate: the one regression decision, on its primary cell, with what it rests on. */
function gateLine(g: WorkloadChange): string {
  const mark = g.verdict === 'regression' ? '🔴 ' : g.verdict === 'improvement' ? '🟢 ' : g.verdict === 'inconclusive' ? '❔ ' : '';
  return `🚦 Gate: ${mark}${gateSummary(g)}; ${gateBasis(g)}; ${plural(g.rounds, 'round')})`;
}

/**
 * The recommendation's reason, and what its confidence means when the reason does not already say
 * it: "low" is about a costlier model that may be faster (within noise), too few rounds, a baseline
 * that read slow or a model not measured, never about the claim that the recommendation beats the
 * cheaper ones. A reason says each doubt it records (Recommendation.doubts), at its end those added
 * after the comparison, so a reason cut to REASON_LENGTH gets them in a few words; a file written
 * before doubts were recorded gets the note when its reason names neither of the two causes there were then.
 */
function reasonText(w: WorkloadResult): string {
  const r = w.recommendation!;
  // Name the classification unless the reason already starts with it.
  const cls = w.classification && !r.reason.toLowerCase().startsWith(w.classification) ? `**${w.classification}**. ` : '';
  const cut = r.reason.length > REASON_LENGTH;
  const explained = r.doubts !== undefined ? !cut : /within noise|one round/i.test(r.reason);
  const why = r.doubts?.length ? doubtsText(r.doubts) : 'a costlier model was within noise of it';
  const note = r.confidence === 'low' && !explained ? ` _(not sure: ${why})_` : '';
  return `${cls}${esc(r.reason, REASON_LENGTH)}${note}`;
}

/** Longest recommendation reason a report prints, characters; the rest is cut with an ellipsis. */
const REASON_LENGTH = 600;

/** `comparisons`: this workload's comparisons, or null for a run report. */
function section(w: WorkloadResult, base: WorkloadResult | undefined, comparisons: readonly Comparison[] | null, failures: string[], whole?: WorkloadChange): Section {
  const mine = comparisons ?? [];
  const notable =
    comparisons === null ||
    w.status === 'failed' ||
    failures.length > 0 ||
    (whole !== undefined && whole.verdict !== 'unchanged') ||
    mine.some((c) => c.verdict === 'regression' || c.memoryGrowth || c.change === null) ||
    w.cells.some((c) => c.status !== 'ok');
  const lines = notable ? [workloadHeading(w)] : [];
  if (whole) lines.push(gateLine(whole));
  if (w.recommendation) lines.push(reasonText(w));
  for (const f of failures) lines.push(`> ❌ ${f}`);
  const head = lines.join('\n\n');
  const notes = cellNotes(w).map((note) => `- ${esc(note, 400)}`).join('\n');
  const tbl = w.cells.length ? [table(w, comparisons, base), notes].filter(Boolean).join('\n\n') : '';
  const chart = charts(w, base, comparisons !== null);
  const full = [head, tbl, chart].filter(Boolean).join('\n\n');
  const short = [head, tbl].filter(Boolean).join('\n\n');
  // Nothing to report: one line to open, the rest folded away.
  const fold = (body: string) => {
    const r = w.recommendation;
    const rec = !r ? '' : r.model === 'sequential' ? ' · sequential recommended' : ` · ${cellLabel(r.model, r.concurrency, r.workers)} recommended (${formatRecommendedSpeedup(r)} sequential)`;
    const verdict = whole ? `: ${gateSummary(whole).replace(/\*\*/g, '')})` : '';
    return `<details><summary><strong>${escapeHtml(w.name)}</strong>${verdict}${rec}</summary>\n\n${body}\n\n</details>`;
  };
  return {
    variants: {
      full: notable ? full : fold(full),
      table: notable ? short : fold(short),
      line: workloadLine(w, whole),
    },
    notable,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function environmentLine(results: RunResults | CompareResults): string {
  const e = results.environment;
  const extra = Object.entries(e.runtimes ?? {})
    .filter(([id, facts]) => id !== 'node' && typeof facts?.version === 'string')
    .map(([id, facts]) => `${esc(id, 40)} ${esc(facts.version, 40)}`);
  const parts = [`${plural(e.cpus, 'core')} (${esc(e.cpuModel, 80)})`, `Node ${esc(e.node, 40)}`, ...extra, `${esc(e.os, 60)} ${esc(e.arch, 20)}`];
  return `<sub>Environment: ${parts.join(' · ')} · concurrency-bench ${esc(results.tool.version, 40)}</sub>`;
}

function cappedList(items: string[]): string[] {
  if (items.length <= MAX_LIST_ITEMS) return items;
  return [...items.slice(0, MAX_LIST_ITEMS), `- ... and ${items.length - MAX_LIST_ITEMS} more`];
}

/** Fit header + sections + footer into maxLength by lowering detail step by step. */
function assemble(header: string, sections: Section[], footer: string, maxLength: number): string {
  const join = (parts: string[]) => parts.filter(Boolean).join('\n\n') + '\n';
  const build = (detail: (s: Section) => Detail, note: string, shown = sections.length) => {
    const body = sections.slice(0, shown).map((s) => s.variants[detail(s)]);
    // One-line variants are list items: keep them together as one list.
    const blocks: string[] = [];
    for (const [i, text] of body.entries()) {
      if (i > 0 && detail(sections[i]) === 'line' && detail(sections[i - 1]) === 'line') blocks[blocks.length - 1] += `\n${text}`;
      else blocks.push(text);
    }
    const omitted = sections.length - shown;
    const tail = omitted > 0 ? `_... and ${plural(omitted, 'more workload')} not shown._` : '';
    return join([header, ...blocks, tail, note, footer]);
  };
  const trimmedNote = (what: string) => `_Report trimmed to stay under GitHub's comment size limit: ${what}. The JSON results file has everything._`;
  const attempts: Array<[(s: Section) => Detail, string]> = [
    [() => 'full', ''],
    [() => 'table', trimmedNote('charts omitted')],
    [(s) => (s.notable ? 'table' : 'line'), trimmedNote('charts omitted; tables shown only for workloads that need attention')],
    [() => 'line', trimmedNote('charts and tables omitted')],
  ];
  for (const [detail, note] of attempts) {
    const text = build(detail, note);
    if (text.length <= maxLength) return text;
  }
  // Still too long: show as many one-line workloads as fit (binary search on the count).
  const note = trimmedNote('charts and tables omitted, and only the first workloads listed');
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(() => 'line', note, mid).length <= maxLength) lo = mid;
    else hi = mid - 1;
  }
  return build(() => 'line', note, lo);
}

/** Markdown for a `run` results file. */
export function renderRunMarkdown(results: RunResults, options: MarkdownOptions = {}): string {
  const failed = results.workloads.filter((w) => w.status === 'failed').length;
  const counts = new Map<string, number>();
  for (const w of results.workloads) if (w.recommendation) counts.set(w.recommendation.model, (counts.get(w.recommendation.model) ?? 0) + 1);
  const recommended = MODELS.filter((m) => counts.has(m)).map((m) => `${counts.get(m)} ${m}`);
  const headline = [
    `**concurrency-bench**: ${plural(results.workloads.length, 'workload')}`,
    recommended.length ? `recommended: ${recommended.join(', ')}` : '',
    failed ? `❌ ${failed} failed` : '',
    results.incomplete ? '⚠️ incomplete' : '',
  ].filter(Boolean);
  const unsteady = unsteadyBaselineText(unsteadyWorkloads(results), (name) => `**${esc(name, 80)}**`);
  const header = [`### ${failed ? '❌' : '✅'} ${headline.join(' · ')}`, unsteady ? `> [!WARNING]\n> ${unsteady}` : ''].filter(Boolean).join('\n\n');
  const sections = results.workloads.map((w) => section(w, undefined, null, []));
  const footer = [
    `<sub>Throughput = tasks / batch wall time, median of ${results.settings.rounds ? 'interleaved rounds in fresh processes' : 'batches'} with its 95% CI; a costlier model is recommended only when it beats a cheaper one by ${Math.round(results.settings.margin * 100)}% with 95% confidence.</sub>`,
    environmentLine(results),
  ].join('\n') + (options.context ? `\n\n${contextFooter(options.context, null)}` : '');
  return assemble(header, sections, footer, options.maxLength ?? DEFAULT_MAX_LENGTH);
}

/** Markdown for a `compare` results file. */
export function renderCompareMarkdown(results: CompareResults, options: MarkdownOptions = {}): string {
  const gates = results.workloadChanges ?? [];
  // Paired compares gate once per workload; unpaired ones (stored files) on every comparison.
  const gated = results.paired && gates.length > 0;
  const regressions = results.comparisons.filter((c) => c.verdict === 'regression' && (c.gating ?? true));
  const counts = gateCounts(results);
  const regressionCount = results.regressions;
  const improvementCount = results.improvements;
  const memory = results.comparisons.filter((c) => c.memoryGrowth);
  const changes = results.recommendationChanges;
  const failedWorkloads = results.workloads.filter((w) => w.status === 'failed').length;
  const problem = regressionCount > 0 || failedWorkloads > 0 || results.failures.length > 0;
  const undecided = gates.filter((g) => g.verdict === 'inconclusive');
  // Verdict first: per workload, slower / faster / unchanged / not decided, with the change.
  const MAX_HEADLINE = 6;
  const notable = gates.filter((g) => g.verdict !== 'unchanged');
  const shown = notable.slice(0, MAX_HEADLINE).map((g) => gateVerdict(g, `**${esc(g.workload, 80)}**`));
  const quiet = gates.length - notable.length;
  const verdicts = gated
    ? [
        ...shown,
        notable.length > MAX_HEADLINE ? `${notable.length - MAX_HEADLINE} more` : '',
        quiet ? (notable.length === 0 ? `${plural(quiet, 'workload')} unchanged` : `${quiet} unchanged`) : '',
      ]
    : [regressionCount ? `**${plural(regressionCount, 'regression')}**` : 'no regression', improvementCount ? plural(improvementCount, 'improvement') : ''];
  const headline = [
    ...verdicts,
    changes.length ? `${plural(changes.length, 'recommendation')} changed` : '',
    memory.length ? `${plural(memory.length, 'memory increase')}` : '',
    failedWorkloads ? `❌ ${failedWorkloads} failed` : '',
    results.incomplete ? '⚠️ incomplete' : '',
  ].filter(Boolean);
  const mark = problem ? '🔴' : counts.undecided > 0 ? '❔' : '✅';
  const ref = (r: typeof results.base) => formatRef(r.ref, r.sha, (t) => esc(t, 80));
  const context = options.context;
  // On a pull request the head is its branch and head commit, not the merge commit the checkout measured.
  const prHead = context?.head?.ref && context.head.sha ? `**${esc(context.head.ref, 80)}** (${shortSha(context.head.sha)})` : '';
  const prBase = context?.base?.ref && context.base.sha ? `${esc(context.base.ref, 80)} (${shortSha(context.base.sha)})` : '';
  const refs = `Comparing ${prHead || `${ref(results.head)}${results.head.dirty ? ' with uncommitted changes' : ''}`} against base ${prBase || ref(results.base)}.`;
  const blocks = [`### ${mark} ${headline.join(' · ')}`, refs];
  if (!results.paired) {
    blocks.push('> [!WARNING]\n> Unpaired comparison of two stored results files: machine drift between the two runs is not cancelled, so these verdicts are **less reliable** than a paired `compare --base`.');
  }
  const threshold = `${Math.round(results.settings.threshold * 100)}%`;
  if (gated && counts.slower > 0) {
    const items = gates
      .filter((g) => g.verdict === 'regression')
      .map((g) => `> - **${esc(g.workload)}**: ${gateSummary(g)}; ${gateBasis(g)}; ${plural(g.rounds, 'round')})`);
    blocks.push(['> [!CAUTION]', `> ${plural(counts.slower, 'workload')} slower beyond the ${threshold} threshold:`, ...cappedList(items).map((l) => (l.startsWith('>') ? l : `> ${l}`))].join('\n'));
  } else if (!gated && regressionCount) {
    const items = regressions.map(
      (c) => `> - **${esc(c.workload)}** · ${cellLabel(c.model, c.concurrency)}: ${metricName(c.metric)} **${formatChange(c.change)}** (95% CI ${formatChange(c.ci95?.[0])} to ${formatChange(c.ci95?.[1])}, ${plural(c.rounds, 'round')})`,
    );
    blocks.push(['> [!CAUTION]', `> **${plural(regressionCount, 'regression')}** beyond the ${threshold} threshold:`, ...cappedList(items).map((l) => (l.startsWith('>') ? l : `> ${l}`))].join('\n'));
  }
  // A gate with no figures because a side failed is not a matter of budget: its failure is shown where it happened.
  const undecidedByNoise = undecided.filter((g) => !g.error);
  if (undecidedByNoise.length) {
    const items = undecidedByNoise.map((g) => `> - **${esc(g.workload)}**: ${undecidedReason(g)}`);
    blocks.push(['> [!WARNING]', `> Not decided: the measurements could not tell whether ${undecidedByNoise.length === 1 ? 'this workload' : 'these workloads'} changed by ${threshold} (a longer \`time-budget\` buys more rounds):`, ...cappedList(items).map((l) => (l.startsWith('>') ? l : `> ${l}`))].join('\n'));
  }
  if (changes.length) {
    const show = (r: { model: Model; concurrency: number; workers?: number } | null) => (r ? cellLabel(r.model, r.concurrency, r.workers) : 'none');
    const items = changes.map((c) => `> - **${esc(c.workload)}**: ${show(c.base)} → ${show(c.head)}`);
    blocks.push(['> [!NOTE]', '> Recommendation changed:', ...cappedList(items).map((l) => (l.startsWith('>') ? l : `> ${l}`))].join('\n'));
  }
  if (memory.length) {
    const items = memory.map((c) => `> - **${esc(c.workload)}** · ${cellLabel(c.model, c.concurrency)}: peak memory ${formatChange(c.memoryChange, 0)} (${formatBytes(c.base.peakRssBytes)} → ${formatBytes(c.head.peakRssBytes)})`);
    blocks.push(['> [!WARNING]', `> Peak memory grew by more than ${Math.round(results.settings.memoryThreshold * 100)}%:`, ...cappedList(items).map((l) => (l.startsWith('>') ? l : `> ${l}`))].join('\n'));
  }
  const header = blocks.join('\n\n');
  const byWorkload = groupBy(results.comparisons, (c) => c.workload);
  const failuresByWorkload = groupBy(results.failures, (f) => f.workload ?? '');
  const baseByName = new Map((results.baseWorkloads ?? []).map((w) => [w.name, w]));
  const regressed = new Set([...regressions.map((c) => c.workload), ...gates.filter((g) => g.verdict === 'regression').map((g) => g.workload)]);
  const wholeByName = new Map(gates.map((w) => [w.workload, w]));
  // Regressed workloads first; otherwise declaration order (the sort is stable).
  const order = [...results.workloads].sort((a, b) => Number(!regressed.has(a.name)) - Number(!regressed.has(b.name)));
  const sections = order.map((w) =>
    section(
      w,
      baseByName.get(w.name),
      byWorkload.get(w.name) ?? [],
      (failuresByWorkload.get(w.name) ?? []).map((f) => `${f.tree}${f.model ? ` ${cellLabel(f.model, f.concurrency ?? 1)}` : ''}: ${esc(f.message)}`),
      wholeByName.get(w.name),
    ),
  );
  const general = results.failures.filter((f) => f.workload === undefined).map((f) => `> ❌ ${f.tree}: ${esc(f.message)}`);
  const method = results.paired
    ? `Base and head ran side by side in paired rounds, and each workload's gate (🚦, one cell per workload) calls it slower or faster only when the 95% interval of the change clears the noise and reaches the ${threshold} threshold (judged to ±${+(results.settings.noiseFloor * REACH_RESOLUTION * 100).toFixed(2)}%), a task taking ${threshold} longer or ${threshold} more tasks per second (${methodLink(context)}).`
    : `Two stored results files compared unpaired (medians of their batches, bootstrap intervals, Holm-corrected), so machine drift between the two runs is not cancelled (${methodLink(context)}).`;
  const cpuTime = results.comparisons.some((c) => c.metric === 'cpu-time' && c.change !== null)
    ? 'Throughput "from CPU time": tasks per CPU-second, for cells that kept their cores busy computing in both trees; unlike wall-clock time it does not move with the CPU other VMs take from a shared runner. The tasks/s column is wall-clock either way.'
    : '';
  const noise = results.noise.roundSpread !== null ? `Noise here: ${formatChange(results.noise.roundSpread).replace('+', '±')} per round.` : '';
  const merged =
    context?.head?.sha && results.head.sha && !results.head.sha.toLowerCase().startsWith(context.head.sha.toLowerCase().slice(0, 7))
      ? `The head was measured as checked out: ${shortSha(results.head.sha)}, the pull request merged into its base.`
      : '';
  const details = `<details><summary>Method and environment</summary>\n\n${[method, cpuTime, noise, merged].filter(Boolean).join(' ')}\n\n${environmentLine(results)}\n\n</details>`;
  const footer = [...general, details, contextFooter(context, reproduceCommand(results))].filter(Boolean).join('\n\n');
  return assemble(header, sections, footer, options.maxLength ?? DEFAULT_MAX_LENGTH);
}
