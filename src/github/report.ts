/**
 * The action's report from one or several results files: one file renders as the CLI's markdown;
 * several (a matrix over runners, OSes, Node versions) become one comment with a table of the
 * recommendation per environment, flagging where environments disagree, then one section each.
 * Also the action's compact outputs. Every string from a results file goes through escapeMarkdown.
 */
import type { AnyResults } from '../results/compare.ts';
import { escapeHtml, escapeMarkdown as esc } from '../report/escape.ts';
import { contextFooter, DEFAULT_MAX_LENGTH, renderCompareMarkdown, renderRunMarkdown, type ReportContext } from '../report/markdown.ts';
import type { Environment } from '../results/run.ts';
import { trimMarkdown } from './comment-body.ts';
import { cellName } from '../report/format.ts';
import type { Model } from '../types.ts';

export interface ReportEntry {
  /** Environment label, unescaped (escape when rendering). */
  label: string;
  results: AnyResults;
}

/** Rows of the disagreement table shown before "and N more". */
const MAX_TABLE_ROWS = 50;

export function environmentLabel(env: Environment): string {
  // Every runtime that reported a version (node's is env.node itself), named the same way.
  const others = Object.entries(env.runtimes ?? {})
    .filter(([name, facts]) => name !== 'node' && facts && typeof facts.version === 'string')
    .map(([name, facts]) => `${name[0]!.toUpperCase()}${name.slice(1)} ${String(facts.version)}`);
  return [`${env.os} ${env.arch}`, `${env.cpus} cores`, `Node ${env.node}`, ...others].join(', ');
}

/** Labels by environment, made unique (two jobs on the same kind of runner) by numbering. */
export function labelEntries(all: readonly AnyResults[]): ReportEntry[] {
  const labels = all.map((r) => environmentLabel(r.environment));
  return all.map((results, i) => {
    const same = labels.filter((l) => l === labels[i]).length;
    const nth = labels.slice(0, i + 1).filter((l) => l === labels[i]).length;
    return { label: same > 1 ? `${labels[i]} (#${nth})` : labels[i]!, results };
  });
}

export function renderOne(results: AnyResults, maxLength: number, context?: ReportContext): string {
  return results.kind === 'compare' ? renderCompareMarkdown(results, { maxLength, context }) : renderRunMarkdown(results, { maxLength, context });
}

/**
 * The action's report. `context` (the workflow run, the pull request's head, the time) is plain data
 * from the action's edge; with several environments its footer is said once, at the end.
 */
export function renderReport(entries: readonly ReportEntry[], maxLength = DEFAULT_MAX_LENGTH, context?: ReportContext): string {
  if (entries.length === 0) throw new Error('renderReport needs at least one results file');
  if (entries.length === 1) return renderOne(entries[0]!.results, maxLength, context);

  const header = overview(entries);
  const footer = contextFooter(context, null);
  // Each section names its head as the pull request's (the footer, once, has the run link).
  const sectionContext: ReportContext | undefined = context ? { head: context.head, base: context.base, methodUrl: context.methodUrl } : undefined;
  const perSection = Math.floor((maxLength - header.length - footer.length) / entries.length) - 200;
  const sections = entries.map(({ label, results }) => {
    const body = trimMarkdown(renderOne(results, Math.max(500, perSection), sectionContext), Math.max(500, perSection));
    // Environments with a regression start open: that is what the reader must see first.
    const open = regressionsOf(results) > 0 ? ' open' : '';
    return `<details${open}>\n<summary><b>${escapeHtml(label)}</b></summary>\n\n${body}\n\n</details>`;
  });
  const tail = footer ? `\n\n${footer}` : '';
  return trimMarkdown(`${header}\n\n${sections.join('\n\n')}${tail}\n`, maxLength);
}

type Pick = { model: Model; concurrency: number; workers?: number } | null;

/** Headline, regressions per environment and the recommendation table. */
function overview(entries: readonly ReportEntry[]): string {
  const names: string[] = [];
  for (const { results } of entries) for (const w of results.workloads) if (!names.includes(w.name)) names.push(w.name);
  const picks = (name: string): Pick[] =>
    entries.map(({ results }) => {
      const rec = results.workloads.find((w) => w.name === name)?.recommendation;
      return rec ? { model: rec.model, concurrency: rec.concurrency, ...(rec.workers !== undefined ? { workers: rec.workers } : {}) } : null;
    });
  const differs = (row: Pick[]) => new Set(row.filter(Boolean).map((p) => p!.model)).size > 1;
  const rows = names.map((name) => ({ name, row: picks(name) })).sort((a, b) => Number(differs(b.row)) - Number(differs(a.row)));
  const differing = rows.filter((r) => differs(r.row)).length;
  const regressions = entries.map((e) => regressionsOf(e.results));
  const totalRegressions = regressions.reduce((a, b) => a + b, 0);

  const lines = [
    `### concurrency-bench: ${entries.length} environments · ${names.length} workload${names.length === 1 ? '' : 's'} · ${
      totalRegressions ? `**${totalRegressions} regression${totalRegressions === 1 ? '' : 's'}**` : 'no regression'
    }`,
    '',
    differing
      ? `**The recommendation differs between environments for ${differing} of ${names.length} workload${names.length === 1 ? '' : 's'}** (marked ⚠️).`
      : 'The recommendation is the same in every environment.',
    '',
    `| workload | ${entries.map((e) => esc(e.label)).join(' | ')} |`,
    `|---|${entries.map(() => '---|').join('')}`,
    ...rows.slice(0, MAX_TABLE_ROWS).map(({ name, row }) =>
      `| ${differs(row) ? '⚠️ ' : ''}${esc(name)} | ${row.map((p) => (p ? cellName(p) : '-')).join(' | ')} |`,
    ),
  ];
  if (rows.length > MAX_TABLE_ROWS) lines.push('', `_and ${rows.length - MAX_TABLE_ROWS} more workloads with the same recommendation everywhere, see the sections below._`);
  if (entries.some((e) => e.results.kind === 'compare')) {
    lines.push('', `Regressions: ${entries.map((e, i) => `${esc(e.label)}: ${regressions[i]}`).join(' · ')}`);
  }
  return lines.join('\n');
}

export function regressionsOf(results: AnyResults): number {
  return results.kind === 'compare' ? results.regressions : 0;
}

export interface RecommendationOutput {
  workload: string;
  model: string;
  concurrency: number;
  /** Hybrid models only: the workers the tasks in flight were spread over. */
  workers?: number;
  speedup: number;
  environment?: string;
}

/** The `recommendations` output: compact, one entry per workload (and environment when several). */
export function recommendationsOf(entries: readonly ReportEntry[]): RecommendationOutput[] {
  return entries.flatMap(({ label, results }) =>
    results.workloads.flatMap((w) =>
      w.recommendation
        ? [{ workload: w.name, model: w.recommendation.model, concurrency: w.recommendation.concurrency, ...(w.recommendation.workers !== undefined ? { workers: w.recommendation.workers } : {}), speedup: Math.round(w.recommendation.speedup * 100) / 100, ...(entries.length > 1 ? { environment: label } : {}) }]
        : [],
    ),
  );
}
