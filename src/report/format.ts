/**
 * Number formatting for reports: fixed rules, no locale (ICU data differs between machines and the
 * report must be byte-for-byte deterministic for snapshot tests).
 */
import type { CellResult, Doubt, Recommendation, WorkloadResult } from '../results/run.ts';
import type { HostSpread } from '../analysis/steadiness.ts';
import { figureInterval } from '../stats/paired-speedup.ts';
import { isHybrid, type Model } from '../types.ts';

/**
 * A cell's level as a table shows it: its tasks in flight ("16"), and for a hybrid its layout,
 * workers x in flight per worker ("2x8"), since 16 in flight says nothing of how they were spread.
 */
export function levelLabel(cell: { model: Model; concurrency: number; workers?: number }): string {
  if (!isHybrid(cell.model) || cell.workers === undefined) return String(cell.concurrency);
  return `${cell.workers}x${Math.ceil(cell.concurrency / cell.workers)}`;
}

/** A cell or recommendation in a few words: "sequential", "thread x4", a hybrid by its layout "thread+async 2x8". */
export function cellName(cell: { model: Model; concurrency: number; workers?: number }): string {
  if (cell.model === 'sequential') return 'sequential';
  return isHybrid(cell.model) && cell.workers !== undefined ? `${cell.model} ${levelLabel(cell)}` : `${cell.model} x${cell.concurrency}`;
}

/** 3 significant figures, thousands grouped with commas: 1,234 / 56.7 / 0.891. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  const abs = Math.abs(value);
  if (abs >= 100) return groupThousands(Math.round(value));
  if (abs === 0) return '0';
  const digits = abs >= 10 ? 1 : abs >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs)));
  return value.toFixed(digits);
}

function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A fraction as a signed percentage: -0.152 -> "-15.2%", 0.031 -> "+3.1%". */
export function formatChange(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '-';
  const pct = (fraction * 100).toFixed(digits);
  if (Number(pct) === 0) return `${(0).toFixed(digits)}%`;
  return `${fraction > 0 ? '+' : ''}${pct}%`;
}

/**
 * The smallest change a run could flag, for a sentence. With one or two rounds Student's t has so
 * few degrees of freedom that the figure runs into thousands of percent: said as what it means.
 */
export function formatDetectable(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return 'unknown (too few rounds)';
  if (fraction >= 1) return 'over 100% (too few rounds to tell more)';
  return formatChange(fraction).replace('+', '');
}

/** A utilisation (1.0 = one core) as a percentage of one core: 1.93 -> "193%". */
export function formatUtilization(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  return `${Math.round(value * 100)}%`;
}

/** Bytes in MiB with one decimal. */
export function formatBytes(bytes: number | null | undefined): string {
  if (!bytes || !Number.isFinite(bytes)) return '-';
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** Milliseconds with precision that suits the size. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '-';
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/** A speedup relative to sequential: 1.934 -> "1.93x". */
export function formatSpeedup(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  return `${value.toFixed(2)}x`;
}

/** A recommendation's speedup: its figure, or its 95% interval when that is too wide for one figure. */
export function formatRecommendedSpeedup(rec: { speedup: number; speedupRange?: [number, number] }): string {
  return rec.speedupRange ? `${formatSpeedup(rec.speedupRange[0])}-${formatSpeedup(rec.speedupRange[1])}` : formatSpeedup(rec.speedup);
}

const DOUBT_TEXT: Record<Doubt, string> = {
  'within-noise': 'a costlier model was within noise of it',
  'one-round': 'one round of hosts',
  'suspect-baseline': 'the sequential figure itself read slow',
  'model-not-measured': 'a model was not measured',
  'not-enough-data': 'too little data to compare',
};

/**
 * What a low confidence stands for, in a few words ("one round of hosts; the sequential figure
 * itself read slow"), or undefined when the confidence is high. A file written before doubts were
 * recorded says only that it is low; its reason says why.
 */
export function lowConfidenceText(rec: Pick<Recommendation, 'confidence' | 'doubts'>): string | undefined {
  if (rec.confidence !== 'low') return undefined;
  return rec.doubts?.length ? `low confidence: ${doubtsText(rec.doubts)}` : 'low confidence';
}

/** The doubts in a few words each, in order: "one round of hosts; the sequential figure itself read slow". */
export function doubtsText(doubts: readonly Doubt[]): string {
  return doubts.map((d) => DOUBT_TEXT[d]).join('; ');
}

/** The speedup column of a cell: its figure, or why there is none (the full reason goes in a note under the table). */
export function speedupLabel(cell: Pick<CellResult, 'speedup' | 'speedupWithheld'>): string {
  if (cell.speedupWithheld !== undefined) return cell.speedupWithheld.startsWith('not enough data') ? 'not enough data' : 'withheld';
  return formatSpeedup(cell.speedup);
}

/** Lines under a workload's table: why a speedup was withheld, and which configured cells were not measured. */
export function cellNotes(workload: Pick<WorkloadResult, 'cells' | 'skipped'>): string[] {
  const notes = workload.cells.filter((c) => c.speedupWithheld !== undefined).map((c) => `${c.model} ${levelLabel(c)}: ${c.speedupWithheld}`);
  for (const c of workload.cells) {
    if (!c.paired || c.speedupWithheld !== undefined) continue;
    const p = c.paired;
    // The interval of the figure: with fewer than 3 rounds it includes how far fresh hosts read apart.
    const { interval: [lo, hi], hostsAdded } = figureInterval(p);
    const hosts = hostsAdded ? ' with the spread between fresh hosts' : '';
    notes.push(`${c.model} ${levelLabel(c)}: ${formatSpeedup(p.speedup)} measured paired against sequential (95% interval ${formatSpeedup(lo)} to ${formatSpeedup(hi)}${hosts}, ${p.rounds} round${p.rounds === 1 ? '' : 's'} of both hosts alive at once, ${p.pairs} batch pairs)`);
  }
  const byReason = new Map<string, string[]>();
  for (const s of workload.skipped ?? []) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), `${s.model} ${s.concurrency}${isHybrid(s.model) ? ' in flight' : ''}`]);
  for (const [reason, cells] of byReason) notes.push(`not measured: ${cells.join(', ')} (${reason})`);
  const cold = workload.cells.filter((c) => (c.warmup?.unsettled ?? 0) > 0);
  if (cold.length > 0) {
    const list = cold.map((c) => `${c.model} ${levelLabel(c)} (${c.warmup!.unsettled} of ${c.rounds} visits)`).join(', ');
    notes.push(`still warming up when the warm-up cap ended: ${list}; their figures are of code not yet at full speed (a longer --time-budget warms up longer)`);
  }
  return notes;
}

/**
 * A ref and its commit as `main (1a2b3c4)`; a ref that is itself the commit (the action passes the
 * base SHA) is shown once, short. `escape` (markdown or terminal) is applied to both: a stored results file may hold anything.
 */
export function formatRef(ref: string, sha: string | null, escape: (text: string) => string): string {
  if (!sha) return escape(ref);
  const short = escape(sha.slice(0, 7));
  const isTheSha = /^[0-9a-f]{7,40}$/i.test(ref) && sha.toLowerCase().startsWith(ref.toLowerCase());
  return isTheSha ? short : `${escape(ref)} (${short})`;
}

/**
 * The warning a run shows when its sequential hosts disagreed (analysis/steadiness.ts): the
 * widest-spread workloads with their slowest and fastest sequential host, the three causes seen on
 * this VM, and what that means for the figures. Null when every workload held still. `escape`
 * makes workload names safe for the output.
 */
export function unsteadyBaselineText(spreads: readonly HostSpread[], escape: (text: string) => string, shown = 3): string | null {
  if (spreads.length === 0) return null;
  const items = spreads
    .slice(0, shown)
    .map((s) => `${escape(s.workload)}: ${formatNumber(s.low)} to ${formatNumber(s.high)} tasks/s in ${s.hosts} hosts, x${(s.high / s.low).toFixed(2)}`);
  const more = spreads.length > shown ? `, and ${spreads.length - shown} more` : '';
  return (
    `The baseline did not hold still: the same sequential code ran at different speeds in different hosts of this run (${items.join('; ')}${more}). ` +
    `The machine's speed moved, its hosts started in different states (a host of tiny tasks can settle at one of two speeds), or the code runs at another speed alone than when its batches alternate with another host's (as in paired rounds). ` +
    `Paired figures cancel what slows both sides of a pair alike, not all of it, and unpaired ones carry all of it: treat a close call as unsettled (if the machine moved, run again on a quieter one).`
  );
}
