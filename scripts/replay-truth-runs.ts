/**
 * Re-analyse the results files of the last `npm run bench:truth` with this tree's analysis, and
 * score both the recommendation saved in each file and the re-analysed one against the truth files
 * (`node scripts/replay-truth-runs.ts [dir]`, dir defaulting to .concurrency-bench/bench-truth).
 * What a change to the decision rules would have answered on the same measurements; it cannot show
 * what the change would have measured (the paired phase pairs the cells the rules choose).
 * "Acceptable" is bench:truth's: the cell's true speedup within the 10% margin of the best.
 * It also prints how fast the machine ran in those runs against the truths: the median over the
 * runs of the sweep's sequential rate / the truth's, for the workloads whose sequential loop
 * computes (truth CPU above half a core), per runtime; a truth measured on a faster or slower
 * machine is judged against a speedup that machine no longer gives (bench-truth.ts MACHINE_MOVED);
 * and the paired figures of thread and process cells that scale (truth x1.3 or more) against their
 * truths: the median ratio, and how many lie within 20%; and the recommended figures, saved and
 * replayed, against the truth files (a figure within 20%, a range holding the truth).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkload } from '../src/analysis/analyze.ts';
import { hostSpread, UNSTEADY_SPREAD } from '../src/analysis/steadiness.ts';
import type { CellResult, RunResults } from '../src/results/run.ts';

interface TruthCell { model: string; concurrency: number; status: string; speedup: number | null; throughput?: number; cpu?: number | null }
const dir = process.argv[2] ?? join(import.meta.dirname, '..', '.concurrency-bench', 'bench-truth');
const truths = new Map<string, TruthCell[]>();
for (const f of readdirSync(join(dir, 'truth'))) {
  const truth = JSON.parse(readFileSync(join(dir, 'truth', f), 'utf8')) as { workload: string; cells: TruthCell[] };
  truths.set(truth.workload, truth.cells);
}
const MARGIN = 0.1;
function acceptable(cells: TruthCell[], model: string, concurrency: number): boolean {
  const ok = cells.filter((c) => c.status === 'ok' && c.speedup !== null);
  const best = Math.max(...ok.map((c) => c.speedup!));
  const cell = ok.find((c) => c.model === model && c.concurrency === concurrency);
  return cell !== undefined && cell.speedup! >= best / (1 + MARGIN);
}

/**
 * The recommendation's figure against the truth file's speedup of its cell (bench:truth's rule: a
 * figure within 20%, a range holding the truth give or take 20%; sequential and "not enough data"
 * are not scored), split by whether the cell was measured paired.
 */
type Figure = { kind: 'figure' | 'range'; paired: boolean; honest: boolean } | undefined;
function figureOf(rec: { model: string; concurrency: number; speedup: number; speedupRange?: [number, number] }, truth: TruthCell[], cells: CellResult[]): Figure {
  if (rec.model === 'sequential') return undefined;
  const cell = cells.find((c) => c.model === rec.model && c.concurrency === rec.concurrency);
  const t = truth.find((c) => c.model === rec.model && c.concurrency === rec.concurrency)?.speedup;
  if (!cell || !t || (rec.speedupRange === undefined && cell.speedupWithheld?.startsWith('not enough data'))) return undefined;
  const paired = cell.paired !== undefined;
  if (rec.speedupRange) return { kind: 'range', paired, honest: t >= rec.speedupRange[0] / 1.2 && t <= rec.speedupRange[1] * 1.2 };
  return { kind: 'figure', paired, honest: Math.abs(rec.speedup / t - 1) <= 0.2 };
}
class FigureTally {
  private counts = new Map<string, { n: number; honest: number }>();
  add(f: Figure): void {
    if (!f) return;
    const key = `${f.paired ? 'paired' : 'unpaired'} ${f.kind}s`;
    const c = this.counts.get(key) ?? { n: 0, honest: 0 };
    c.n++;
    c.honest += Number(f.honest);
    this.counts.set(key, c);
  }
  toString(): string {
    return [...this.counts].sort().map(([k, c]) => `${k} ${c.honest} of ${c.n}`).join(', ') || 'none';
  }
}
const figures = { saved: new FigureTally(), replayed: new FigureTally() };
const machine = new Map<string, number[]>();
// Workload runs run would warn about (its sequential hosts disagreed), and how their saved answers fared.
const warned = { runs: 0, unacceptable: 0, judged: 0 };
const quiet = { runs: 0, unacceptable: 0 };
const pools: number[] = [];
let saved = 0;
let replayed = 0;
let total = 0;
for (const file of readdirSync(join(dir, 'runs')).filter((f) => f.endsWith('.json')).sort()) {
  const results = JSON.parse(readFileSync(join(dir, 'runs', file), 'utf8')) as RunResults;
  for (const w of results.workloads) {
    const truth = truths.get(w.name);
    const truthSequential = truth?.find((c) => c.model === 'sequential');
    const runSequential = w.cells.find((c) => c.model === 'sequential');
    if (truthSequential?.throughput && (truthSequential.cpu ?? 0) > 0.5 && runSequential?.throughput) {
      machine.set(w.runtime, [...(machine.get(w.runtime) ?? []), runSequential.throughput.median / truthSequential.throughput]);
    }
    for (const c of w.cells) {
      const t = truth?.find((x) => x.model === c.model && x.concurrency === c.concurrency);
      if ((c.model === 'thread' || c.model === 'process') && c.paired && t?.speedup && t.speedup >= 1.3) pools.push(c.paired.speedup / t.speedup);
    }
    if (w.status !== 'ok' || !w.recommendation || !truth) continue;
    // The cells as measured: what was withheld is decided again.
    const cells = w.cells.map(({ speedupWithheld: _, ...c }): CellResult => c);
    const again = analyzeWorkload(w.name, w.runtime, cells, { margin: results.settings.margin, seed: results.settings.seed, cores: results.environment.cpus }).recommendation;
    if (!again) continue;
    const before = acceptable(truth, w.recommendation.model, w.recommendation.concurrency);
    const after = acceptable(truth, again.model, again.concurrency);
    const rates = w.cells.find((c) => c.model === 'sequential')?.hostRates;
    const spread = rates ? hostSpread(rates) : undefined;
    if (spread) warned.judged++;
    const side = spread && spread.spread > UNSTEADY_SPREAD ? warned : quiet;
    side.runs++;
    side.unacceptable += Number(!before);
    total++;
    saved += Number(before);
    replayed += Number(after);
    figures.saved.add(figureOf(w.recommendation, truth, w.cells));
    figures.replayed.add(figureOf(again, truth, cells));
    const label = (r: { model: string; concurrency: number }) => (r.model === 'sequential' ? 'sequential' : `${r.model} ${r.concurrency}`);
    if (before !== after || label(w.recommendation) !== label(again)) {
      console.log(`${file} ${w.name}: saved ${label(w.recommendation)} (${before ? 'acceptable' : 'NOT acceptable'}), replayed ${label(again)} (${after ? 'acceptable' : 'NOT acceptable'})`);
    }
  }
}
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const moved = [...machine].map(([runtime, ratios]) => `${runtime} ${((medianOf(ratios) - 1) * 100).toFixed(0)}% (${ratios.length} workload runs)`);
console.log(`machine: the runs' sequential rate against the truth's, median, where sequential computes: ${moved.join(', ') || 'nothing to compare'}`);
const poolsWithin = pools.filter((r) => Math.abs(r - 1) <= 0.2).length;
console.log(`pools that scale, paired figure against the truth: ${pools.length > 0 ? `median ${((medianOf(pools) - 1) * 100).toFixed(0)}%, ${poolsWithin} of ${pools.length} within 20%` : 'none paired'}`);
console.log(
  warned.judged > 0
    ? `machine warnings (sequential hosts spread above ${UNSTEADY_SPREAD * 100}%): ${warned.runs} of ${total} workload runs (${warned.judged} had the hosts to judge); saved answer not acceptable in ${warned.unacceptable} of ${warned.runs} warned, ${quiet.unacceptable} of ${quiet.runs} not`
    : 'machine warnings: no host rates in these results files (written before 10afb2c)',
);
console.log(`acceptable: saved ${saved} of ${total}, replayed with this tree's analysis ${replayed} of ${total}`);
console.log(`recommended figures against the truth file (figures within 20%, ranges holding it): saved ${figures.saved}; replayed ${figures.replayed}`);
