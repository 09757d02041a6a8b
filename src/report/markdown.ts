/**
 * The markdown report: the body of the pull-request comment and the job summary, also written by
 * `--markdown FILE`. Deterministic (no clock, no locale), every user string escaped, and kept under
 * GitHub's comment limit by dropping detail (charts, then tables) with a note instead of failing.
 */
import { markdownTable } from 'markdown-table';
import type { CellResult, Model, RunResults, WorkloadResult } from '../types.ts';
import { MODELS } from '../types.ts';
import type { Comparison, CompareResults, WorkloadChange } from '../analysis/compare-types.ts';
import { escapeMarkdown as esc } from './escape.ts';
import { cellNotes, formatBytes, formatChange, formatMs, formatNumber, formatRef, formatSpeedup, formatUtilization, speedupLabel } from './format.ts';
import { gateCounts, gateVerdict, metricName, slowerOrFaster, undecidedReason } from './gate-text.ts';

/** GitHub rejects comment bodies over 65,536 characters; leave room for the action's marker and footer. */
export const DEFAULT_MAX_LENGTH = 60_000;
/** Items shown in the regression / recommendation-change lists before "and N more". */
const MAX_LIST_ITEMS = 20;

export interface MarkdownOptions {
  /** Upper bound on the length of the whole report (UTF-16 code units, which over-counts, so it is safe). */
  maxLength?: number;
}

type Detail = 'full' | 'table' | 'line';

/** One workload's section at each level of detail, and whether it needs attention. */
interface Section {
  variants: Record<Detail, string>;
  notable: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const cellLabel = (model: Model, concurrency: number) => (model === 'sequential' ? 'sequential' : `${model} x${concurrency}`);

/** The best ok cell of each model (highest median throughput), in model cost order, plus the recommended cell. */
function rowsFor(workload: WorkloadResult): CellResult[] {
  const rows: CellResult[] = [];
  const rec = workload.recommendation;
  for (const model of MODELS) {
    const cells = workload.cells.filter((c) => c.model === model);
    if (cells.length === 0) continue;
    const ok = cells.filter((c) => c.status === 'ok');
    const best = ok.length ? ok.reduce((a, b) => (b.throughput.median > a.throughput.median ? b : a)) : cells[0];
    rows.push(best);
    const recommended = rec && rec.model === model ? cells.find((c) => c.concurrency === rec.concurrency) : undefined;
    if (recommended && recommended !== best) rows.push(recommended);
    // A cell that failed is news even when another concurrency of the model worked.
    for (const c of cells) if (c.status !== 'ok' && !rows.includes(c)) rows.push(c);
  }
  return rows;
}

/** Marks a change measured on CPU time per task; the footer explains it. */
const CPU_TIME_MARK = ' †';

function changeCell(c: Comparison | undefined): string {
  if (!c) return '-';
  if (c.change === null) return `? not measured${c.error ? `: ${esc(c.error, 120)}` : c.rounds === 0 ? ' (no paired round within the budget)' : ''}`;
  if (!c.ci95) return `❔ ${formatChange(c.change)} (${plural(c.rounds, 'round')}) inconclusive`;
  const ci = `(${formatChange(c.ci95[0])} to ${formatChange(c.ci95[1])})${c.metric === 'cpu-time' ? CPU_TIME_MARK : ''}`;
  // Only the gate's own cell carries the verdict marks; other cells describe (not gating).
  const gate = c.gating ? ' 🚦' : '';
  switch (c.verdict) {
    case 'regression':
      return c.gating ? `🔴 **${formatChange(c.change)}** ${ci}${gate}` : `🟠 ${formatChange(c.change)} ${ci} slower here (not gating)`;
    case 'improvement':
      return c.gating ? `🟢 **${formatChange(c.change)}** ${ci}${gate}` : `${formatChange(c.change)} ${ci} faster here (not gating)`;
    case 'unchanged':
      return `${formatChange(c.change)} ${ci}${gate}`;
    default:
      return `❔ ${formatChange(c.change)} ${ci} ${c.gating ? 'not decided' : 'inconclusive'}${gate}`;
  }
}

function findComparison(comparisons: readonly Comparison[], cell: CellResult): Comparison | undefined {
  return comparisons.find((c) => c.model === cell.model && c.concurrency === cell.concurrency);
}

/** `comparisons` are this workload's only (or null for a run report). */
function table(workload: WorkloadResult, comparisons: readonly Comparison[] | null): string {
  const rec = workload.recommendation;
  const header = ['model', 'concurrency', 'throughput (tasks/s)', 'vs sequential', 'p99 latency', 'CPU', 'peak memory'];
  if (comparisons) header.push('change vs base (95% CI)');
  const rows = rowsFor(workload).map((cell) => {
    const recommended = rec?.model === cell.model && rec.concurrency === cell.concurrency;
    const name = recommended ? `✅ **${cell.model}**` : cell.model;
    const failed = cell.status !== 'ok';
    const row = failed
      ? [name, String(cell.concurrency), `❌ ${cell.status}${cell.error ? `: ${esc(cell.error, 120)}` : ''}`, '-', '-', '-', '-']
      : [
          name,
          String(cell.concurrency),
          `${formatNumber(cell.throughput.median)} (${formatNumber(cell.throughput.ci95[0])} to ${formatNumber(cell.throughput.ci95[1])})`,
          speedupLabel(cell),
          formatMs(cell.latencyMs.p99),
          formatUtilization(cell.cpuUtilization),
          formatBytes(cell.peakRssBytes),
        ];
    if (comparisons) {
      const c = findComparison(comparisons, cell);
      row.push(changeCell(c) + (c?.memoryGrowth ? ` · memory ${formatChange(c.memoryChange, 0)}` : ''));
    }
    return row;
  });
  // No padding to align the delimiters: it only costs characters of the comment budget.
  return markdownTable([header, ...rows], { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'], alignDelimiters: false });
}

/** Mermaid xychart-beta, one bar chart per model with more than one concurrency level (a chart has no legend, so one series per chart stays readable). */
function charts(workload: WorkloadResult, base: WorkloadResult | undefined): string {
  const sequential = workload.cells.find((c) => c.model === 'sequential' && c.status === 'ok');
  const blocks: string[] = [];
  for (const model of MODELS) {
    const cells = workload.cells.filter((c) => c.model === model && c.status === 'ok').sort((a, b) => a.concurrency - b.concurrency);
    if (cells.length < 2) continue;
    const baseCells = base?.cells.filter((c) => c.model === model && c.status === 'ok') ?? [];
    const baseValues = cells.map((c) => baseCells.find((b) => b.concurrency === c.concurrency)?.throughput.median);
    const withBase = baseCells.length > 0 && baseValues.every((v) => v !== undefined);
    const values = cells.map((c) => c.throughput.median);
    const top = Math.max(...values, ...(withBase ? (baseValues as number[]) : []), sequential?.throughput.median ?? 0);
    const title = `${model}${sequential ? ` (sequential: ${formatNumber(sequential.throughput.median)} tasks/s)` : ''}${withBase ? ' - bars: head / line: base' : ''}`;
    const lines = [
      '```mermaid',
      'xychart-beta',
      `    title "${title.replace(/,/g, '')}"`,
      `    x-axis "concurrency" [${cells.map((c) => `"${c.concurrency}"`).join(', ')}]`,
      `    y-axis "tasks/s" 0 --> ${chartNumber(top * 1.1)}`,
      `    bar [${values.map(chartNumber).join(', ')}]`,
    ];
    if (withBase) lines.push(`    line [${(baseValues as number[]).map(chartNumber).join(', ')}]`);
    lines.push('```');
    blocks.push(lines.join('\n'));
  }
  if (blocks.length === 0) return '';
  return `<details><summary>Throughput by concurrency: ${esc(workload.name)}</summary>\n\n${blocks.join('\n\n')}\n\n</details>`;
}

/** Plain decimal with 3 significant figures and no grouping (mermaid parses bare numbers). */
function chartNumber(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '0';
  return String(Number(value.toPrecision(3)));
}

function workloadHeading(w: WorkloadResult): string {
  if (w.status === 'failed' || !w.recommendation) return `#### ❌ ${esc(w.name)}: failed${w.error ? ` - ${esc(w.error)}` : ''}`;
  const r = w.recommendation;
  return `#### ${esc(w.name)}: ${cellLabel(r.model, r.concurrency)} (${formatSpeedup(r.speedup)} sequential)`;
}

function workloadLine(w: WorkloadResult, whole: WorkloadChange | undefined): string {
  const rec = w.recommendation ? `${cellLabel(w.recommendation.model, w.recommendation.concurrency)}, ${formatSpeedup(w.recommendation.speedup)} sequential` : 'failed';
  const change = whole?.verdict === 'regression' ? ` · 🔴 ${slowerOrFaster(whole.change ?? 0)}` : whole?.verdict === 'inconclusive' ? ' · ❔ not decided' : '';
  return `- **${esc(w.name)}**: ${rec}${change}`;
}

/** The workload's gate: the one regression decision, on its primary cell, with what it rests on. */
function gateLine(g: WorkloadChange): string {
  const mark = g.verdict === 'regression' ? '🔴 ' : g.verdict === 'improvement' ? '🟢 ' : g.verdict === 'inconclusive' ? '❔ ' : '';
  const on = `${cellLabel(g.model, g.concurrency)}, ${metricName(g.metric)}, ${plural(g.rounds, 'round')}`;
  if (g.verdict === 'inconclusive') return `🚦 Gate: ${mark}**not decided** (${on}; ${undecidedReason(g)})`;
  const ci = g.ci95 ? `, 95% CI ${formatChange(g.ci95[0])} to ${formatChange(g.ci95[1])}` : '';
  const verdict = g.verdict === 'unchanged' ? `**unchanged** (${formatChange(g.change)}${ci}; ${on}; smallest change it could flag ${formatChange(g.detectableChange).replace('+', '')})` : `**${slowerOrFaster(g.change ?? 0)}** (${on}${ci})`;
  return `🚦 Gate: ${mark}${verdict}`;
}

/** `comparisons`: this workload's comparisons, or null for a run report. */
function section(w: WorkloadResult, base: WorkloadResult | undefined, comparisons: readonly Comparison[] | null, failures: string[], whole?: WorkloadChange): Section {
  const lines = [workloadHeading(w)];
  if (whole) lines.push(gateLine(whole));
  if (w.recommendation) {
    const r = w.recommendation;
    // Name the classification unless the reason already starts with it.
    const cls = w.classification && !r.reason.toLowerCase().startsWith(w.classification) ? `**${w.classification}**. ` : '';
    lines.push(`${cls}${esc(r.reason, 600)}${r.confidence === 'low' ? ' _(low confidence: differences within noise)_' : ''}`);
  }
  for (const f of failures) lines.push(`> ❌ ${f}`);
  const head = lines.join('\n\n');
  const notes = cellNotes(w).map((note) => `- ${esc(note, 400)}`).join('\n');
  const tbl = w.cells.length ? [table(w, comparisons), notes].filter(Boolean).join('\n\n') : '';
  const chart = charts(w, base);
  const mine = comparisons ?? [];
  return {
    variants: {
      full: [head, tbl, chart].filter(Boolean).join('\n\n'),
      table: [head, tbl].filter(Boolean).join('\n\n'),
      line: workloadLine(w, whole),
    },
    notable: w.status === 'failed' || failures.length > 0 || (whole !== undefined && whole.verdict !== 'unchanged') || mine.some((c) => c.verdict === 'regression' || c.memoryGrowth),
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
  const header = `### ${failed ? '❌' : '✅'} ${headline.join(' · ')}`;
  const sections = results.workloads.map((w) => section(w, undefined, null, []));
  const footer = [
    `<sub>Throughput = tasks / batch wall time, median of ${results.settings.rounds ? 'interleaved rounds in fresh processes' : 'batches'} with its 95% CI; a costlier model is recommended only when it beats a cheaper one by ${Math.round(results.settings.margin * 100)}% with 95% confidence.</sub>`,
    environmentLine(results),
  ].join('\n');
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
  const refs = `Comparing ${ref(results.head)}${results.head.dirty ? ' with uncommitted changes' : ''} against base ${ref(results.base)}.`;
  const blocks = [`### ${mark} ${headline.join(' · ')}`, refs];
  if (!results.paired) {
    blocks.push('> [!WARNING]\n> Unpaired comparison of two stored results files: machine drift between the two runs is not cancelled, so these verdicts are **less reliable** than a paired `compare --base`.');
  }
  const threshold = `${Math.round(results.settings.threshold * 100)}%`;
  if (gated && counts.slower > 0) {
    const items = gates
      .filter((g) => g.verdict === 'regression')
      .map((g) => `> - **${esc(g.workload)}**: **${slowerOrFaster(g.change ?? 0)}** (${metricName(g.metric)} of ${cellLabel(g.model, g.concurrency)}, 95% CI ${formatChange(g.ci95?.[0])} to ${formatChange(g.ci95?.[1])}, ${plural(g.rounds, 'round')})`);
    blocks.push(['> [!CAUTION]', `> ${plural(counts.slower, 'workload')} slower beyond the ${threshold} threshold:`, ...cappedList(items).map((l) => (l.startsWith('>') ? l : `> ${l}`))].join('\n'));
  } else if (!gated && regressionCount) {
    const items = regressions.map(
      (c) => `> - **${esc(c.workload)}** · ${cellLabel(c.model, c.concurrency)}: **${formatChange(c.change)}** ${c.metric === 'cpu-time' ? 'on CPU time per task' : 'throughput'} (95% CI ${formatChange(c.ci95?.[0])} to ${formatChange(c.ci95?.[1])}, ${plural(c.rounds, 'round')})`,
    );
    blocks.push(['> [!CAUTION]', `> **${plural(regressionCount, 'regression')}** beyond the ${threshold} threshold:`, ...cappedList(items).map((l) => (l.startsWith('>') ? l : `> ${l}`))].join('\n'));
  }
  if (undecided.length) {
    const items = undecided.map((g) => `> - **${esc(g.workload)}**: ${undecidedReason(g)}`);
    blocks.push(['> [!WARNING]', `> Not decided: the measurements could not tell whether ${undecided.length === 1 ? 'this workload' : 'these workloads'} changed by ${threshold} (a longer \`time-budget\` buys more rounds):`, ...cappedList(items).map((l) => (l.startsWith('>') ? l : `> ${l}`))].join('\n'));
  }
  if (changes.length) {
    const show = (r: { model: Model; concurrency: number } | null) => (r ? cellLabel(r.model, r.concurrency) : 'none');
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
  const s = results.settings;
  const method = results.paired
    ? `Paired interleaved rounds (base and head alive at once in fresh processes, batches alternating). One gating decision per workload (🚦), on its sequential cell: one-sided t tests of the mean ln(head/base), error rate spent over the looks (O'Brien-Fleming) and split over ${plural(gates.length, 'workload')} (Holm); a regression needs the interval below -${formatChange(s.noiseFloor).replace('+', '')} and reaching -${threshold}, unchanged needs it within ±${threshold}. Other cells describe (95% CI, not gating).`
    : `Unpaired: medians of the stored batch throughputs, bootstrap 95% CI, Holm-corrected over ${plural(results.comparisons.length, 'comparison')}; regression = interval below -${formatChange(s.noiseFloor).replace('+', '')} and reaching -${threshold}.`;
  const cpuTime = results.comparisons.some((c) => c.metric === 'cpu-time' && c.change !== null)
    ? `${CPU_TIME_MARK.trim()} Throughput from CPU time per task: these cells kept their cores busy computing in both trees, so CPU time per task sets their throughput, and unlike wall-clock time it does not move with the CPU other VMs take from a shared runner. `
    : '';
  const noise = results.noise.roundSpread !== null ? ` Noise here: ${formatChange(results.noise.roundSpread).replace('+', '±')} per round.` : '';
  const footer = [
    ...general,
    `<sub>${cpuTime}${method}${noise}</sub>`,
    environmentLine(results),
  ].join('\n\n');
  return assemble(header, sections, footer, options.maxLength ?? DEFAULT_MAX_LENGTH);
}
