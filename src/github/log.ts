/**
 * The action's log: one collapsible group per phase, the terminal report, and one annotation per
 * regressed workload. Everything here takes a `write` so tests can read what would be printed.
 *
 * Strings from the repository (workload names, error messages, whole results files in report mode)
 * reach the log, and a log line that starts with `::` is a command to the runner (an annotation, a
 * group, `add-mask`, ...). So: single log lines are flattened to one line (a name with a newline
 * cannot start a second line of its own), multi-line text is printed between `stop-commands` and a
 * random token, and annotation text is flattened too (@actions/core escapes `%`, CR and LF in the
 * message, and `:` and `,` in properties such as the title, so it cannot end the command early;
 * a flattened message also cannot pass for several annotations).
 */
import { randomBytes } from 'node:crypto';
import type { AnyResults } from '../results/compare.ts';
import type { ProgressEvent } from '../commands/run.ts';
import type { ReportEntry } from './report.ts';

/** Control characters, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` on one line (control characters become spaces), at most `max` characters. */
export function oneLine(text: unknown, max = 300): string {
  const flat = String(text ?? '').replace(CONTROL, ' ');
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

/** Prints `text` as it is: between `::stop-commands::<token>` and `::<token>::` nothing is a command. */
export function logVerbatim(text: string, write: (line: string) => void): void {
  const token = `cb-${randomBytes(16).toString('hex')}`;
  write(`::stop-commands::${token}`);
  write(text.replace(/\s+$/, ''));
  write(`::${token}::`);
}

type Phase = 'prepare' | 'measure' | 'sweep' | 'paired';

export interface GroupWriter {
  startGroup(name: string): void;
  endGroup(): void;
  info(line: string): void;
}

/**
 * Opens one group per phase as the progress events show it (groups do not nest on GitHub, so one
 * is open at a time). A compare: prepare and probe, the sweep, the paired rounds. A run: probe,
 * measure. `end()` closes whatever is open (call it in a finally).
 */
export class PhaseLog {
  private phase: Phase | undefined;
  private open = false;
  private readonly out: GroupWriter;
  private readonly kind: 'compare' | 'run';

  constructor(out: GroupWriter, kind: 'compare' | 'run') {
    this.out = out;
    this.kind = kind;
  }

  /** Enters `phase` (a new group) unless it is the current one. */
  enter(phase: Phase): void {
    if (this.phase === phase && this.open) return;
    this.end();
    this.phase = phase;
    this.out.startGroup(GROUP_NAMES[this.kind][phase]);
    this.open = true;
  }

  end(): void {
    if (this.open) this.out.endGroup();
    this.open = false;
  }

  /** The onProgress of runCommand / compareCommand. */
  readonly progress = (event: ProgressEvent): void => {
    switch (event.type) {
      case 'probe':
        if (!this.phase) this.enter('prepare');
        this.out.info(`Workload ${oneLine(event.workload, 120)}: ${oneLine(event.status)}`);
        return;
      case 'visit':
        // The first cell visits after probing are the sweep (compare) or the measurement (run).
        if (!this.phase || this.phase === 'prepare') this.enter(this.kind === 'compare' ? 'sweep' : 'measure');
        if (event.status !== 'ok') this.out.info(`Round ${event.round}, ${event.done}/${event.total}: ${oneLine(event.label, 160)}: ${oneLine(event.status)}`);
        return;
      case 'plan':
        this.enter('paired');
        for (const line of event.lines) this.out.info(oneLine(line, 500));
        return;
      case 'round': {
        if (event.phase === 'paired') this.enter('paired');
        else if (!this.phase || this.phase === 'prepare') this.enter(this.kind === 'compare' ? 'sweep' : 'measure');
        const what = event.phase ? `${event.phase[0]!.toUpperCase()}${event.phase.slice(1)} round` : 'Round';
        this.out.info(`${oneLine(what, 40)} ${event.round} measured (${Math.round(event.elapsedMs / 1000)} s).`);
        return;
      }
      default:
        return;
    }
  };
}

const GROUP_NAMES: Record<'compare' | 'run', Record<Phase, string>> = {
  compare: {
    prepare: 'Prepare and probe (base and head)',
    measure: 'Measure',
    sweep: 'Sweep: every cell of base and head',
    paired: 'Paired rounds: base and head interleaved',
  },
  run: {
    prepare: 'Probe',
    measure: 'Measure',
    sweep: 'Sweep',
    paired: 'Paired rounds: each model against sequential',
  },
};

export interface Annotation {
  level: 'error' | 'warning';
  title: string;
  message: string;
}

/** GitHub shows at most 10 error and 10 warning annotations of a step; more would be dropped unseen. */
export const MAX_ANNOTATIONS = 10;

const percent = (fraction: number) => `${fraction > 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%`;
const cellName = (model: string, concurrency: number) => (model === 'sequential' ? 'sequential' : `${oneLine(model, 20)} x${Number(concurrency)}`);
const short = (sha: string | null | undefined) => (sha ? oneLine(sha, 40).slice(0, 7) : '?');

interface Regressed {
  workload: string;
  change: number | null;
  ci95: [number, number] | null;
  model: string;
  concurrency: number;
  metric: string;
}

/** A compare's regressed workloads: its gates (paired), else its regressing comparisons, one per workload (unpaired files). */
function regressedWorkloads(results: AnyResults): Regressed[] {
  if (results.kind !== 'compare') return [];
  if (results.workloadChanges) return results.workloadChanges.filter((w) => w.verdict === 'regression');
  const seen = new Set<string>();
  return results.comparisons.filter((c) => c.gating && c.verdict === 'regression' && !seen.has(c.workload) && seen.add(c.workload));
}

/**
 * One annotation per regressed workload (error when the step fails on regressions, else a warning),
 * at most MAX_ANNOTATIONS: the last then says how many more there are.
 */
export function regressionAnnotations(entries: readonly ReportEntry[], failOnRegression: boolean): Annotation[] {
  const level = failOnRegression ? 'error' : 'warning';
  const all: Annotation[] = [];
  for (const { label, results } of entries) {
    if (results.kind !== 'compare') continue;
    const where = entries.length > 1 ? ` (${oneLine(label, 120)})` : '';
    const threshold = Number(results.settings?.threshold);
    for (const w of regressedWorkloads(results)) {
      const name = oneLine(w.workload, 100);
      const slower = w.change === null || !Number.isFinite(w.change) ? 'slower' : `${Math.abs(w.change * 100).toFixed(1)}% slower`;
      const interval = w.ci95 ? ` (95% interval ${percent(w.ci95[0])} to ${percent(w.ci95[1])})` : '';
      const measure = w.metric === 'cpu-time' ? 'throughput from CPU time per task' : 'throughput';
      all.push({
        level,
        title: `Regression: ${name} ${slower}${where}`,
        message:
          `${name} ${slower}${interval}: ${measure}, ${cellName(w.model, w.concurrency)}, head ${short(results.head?.sha)} against base ${short(results.base?.sha)}` +
          `${Number.isFinite(threshold) ? `; threshold ${Number((threshold * 100).toFixed(2))}%` : ''}. The job summary has the whole report.`,
      });
    }
  }
  if (all.length <= MAX_ANNOTATIONS) return all;
  const shown = all.slice(0, MAX_ANNOTATIONS);
  const last = shown[MAX_ANNOTATIONS - 1]!;
  shown[MAX_ANNOTATIONS - 1] = { ...last, message: `${last.message} And ${all.length - MAX_ANNOTATIONS} more regressed workloads: see the job summary.` };
  return shown;
}
