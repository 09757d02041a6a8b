/**
 * How far `run`'s unpaired figures (a cell's sweep median over sequential's) lie from the truth:
 * the calibration of analysis/unpaired-figure.ts's UNPAIRED_SPREAD_PRIOR.
 * `node scripts/unpaired-spread.ts [--truth dir] runsDir...`: each runsDir holds results files of
 * `npm run bench:truth` (its runs/ folder, or a copy); the truths default to
 * .concurrency-bench/bench-truth/truth. Identical results files in two folders count once.
 * Every measured cell with 6 batches or more whose truth speedup is x1.0 or more is scored
 * (below x1.0 no answer reports it): the log distance of its unpaired figure from the truth; how
 * often the batch bootstrap's 95% interval (speedupInterval) holds the truth; of the figures that
 * interval lets stand alone (MAX_FIGURE_SPAN), how many are within 20%; the spread per workload and
 * cell; and, for cells also paired in the same run, the unpaired figure against the paired one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FIGURE_SPAN, speedupInterval } from '../src/analysis/plausibility.ts';
import type { RunResults } from '../src/results/run.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--truth');
const truthDir = at >= 0 ? args.splice(at, 2)[1] : join(import.meta.dirname, '..', '.concurrency-bench', 'bench-truth', 'truth');
if (args.length === 0) {
  console.error('usage: node scripts/unpaired-spread.ts [--truth dir] runsDir...');
  process.exit(2);
}
const truths = new Map<string, { model: string; concurrency: number; speedup: number | null }[]>();
for (const f of readdirSync(truthDir).filter((f) => f.endsWith('.json'))) {
  const t = JSON.parse(readFileSync(join(truthDir, f), 'utf8'));
  truths.set(t.workload, t.cells);
}
const robust = (xs: number[]) => 1.4826 * median(xs.map(Math.abs));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const rms = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);

const seen = new Set<string>();
const errors: number[] = [];
const versusPaired: number[] = [];
const perCell = new Map<string, number[]>();
let covered = 0;
let standing = 0;
let standingWithin = 0;
let files = 0;
for (const dir of args) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (seen.has(text)) continue;
    seen.add(text);
    const results = JSON.parse(text) as RunResults;
    if (results.kind !== 'run') continue;
    files++;
    for (const w of results.workloads) {
      const seq = w.cells.find((c) => c.model === 'sequential' && c.status === 'ok');
      const truth = truths.get(w.name);
      if (!seq || !truth || seq.samples < 6) continue;
      for (const c of w.cells) {
        if (c.model === 'sequential' || c.status !== 'ok' || c.samples < 6) continue;
        const t = truth.find((x) => x.model === c.model && x.concurrency === c.concurrency)?.speedup;
        if (!t || t < 1) continue;
        const figure = c.throughput.median / seq.throughput.median;
        const error = Math.log(figure / t);
        errors.push(error);
        perCell.set(`${w.name} ${c.model} ${c.concurrency}`, [...(perCell.get(`${w.name} ${c.model} ${c.concurrency}`) ?? []), error]);
        const [lo, hi] = speedupInterval(c, seq, results.settings.seed);
        covered += Number(t >= lo && t <= hi);
        if (hi / lo <= MAX_FIGURE_SPAN) {
          standing++;
          standingWithin += Number(Math.abs(figure / t - 1) <= 0.2);
        }
        if (c.paired) versusPaired.push(Math.log(figure / c.paired.speedup));
      }
    }
  }
}
if (errors.length === 0) {
  console.log('no scored cells');
  process.exit(0);
}
const spreads = [...perCell.values()].filter((e) => e.length >= 5).map(rms).sort((a, b) => a - b);
const q = (p: number) => spreads[Math.round(p * (spreads.length - 1))].toFixed(3);
const pct = (n: number, of: number) => `${n} of ${of} (${Math.round((100 * n) / of)}%)`;
console.log(`${files} results files, ${errors.length} unpaired cells with a truth of x1.0 or more`);
console.log(`log(unpaired / truth): robust spread (1.4826 x median |x|) ${robust(errors).toFixed(3)}, root mean square ${rms(errors).toFixed(3)}`);
console.log(`the batch bootstrap's 95% interval holds the truth: ${pct(covered, errors.length)}`);
console.log(`figures it lets stand alone (interval within ${MAX_FIGURE_SPAN}-fold): ${standing}, within 20% of the truth: ${pct(standingWithin, standing)}`);
if (spreads.length > 0) console.log(`per workload and cell (5 runs or more, ${spreads.length}): root mean square from ${q(0)} to ${q(1)}, quartiles ${q(0.25)} / ${q(0.5)} / ${q(0.75)}`);
if (versusPaired.length > 0) console.log(`log(unpaired / paired) over ${versusPaired.length} cells paired in the same run: robust spread ${robust(versusPaired).toFixed(3)}, root mean square ${rms(versusPaired).toFixed(3)}`);
