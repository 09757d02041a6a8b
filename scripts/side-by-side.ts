/**
 * Two cells of one workload side by side, as bench:truth's pair phases judge a recommendation
 * against the truth's best: per cycle sequential, A, B (B, A every other cycle), sequential, each a
 * truth-like visit (at least 3 s of warm-up, until the rate settles, at most 12 s; then a 3 s
 * sample; the rate the median of 250 ms windows). Prints each cycle's speedups and the ratio A / B,
 * whose drift over a cycle of four visits is far smaller than between hosts minutes apart.
 * At 14:26-14:31 on 2026-12-02 (four cycles each): acorn process 2 / process 4 read 1.08, 1.08,
 * 1.03, 1.33 (its truth at 85f5d1f, medians of three hosts, had process 4 ahead, x1.72 against
 * x1.48); gzip-sync thread 2 / process 2 0.93, 0.89, 1.00, 0.99; py-json-dumps process 2 /
 * process 4 1.07, 0.96, 1.08, 0.90 (truth: x1.21 against x1.58).
 *
 *   node scripts/side-by-side.ts <config> <workload> <model:concurrency> <model:concurrency> [cycles=4]
 */
import { loadConfig } from '../src/config/load.ts';
import { planCells, type Cell } from '../src/measure/scheduler.ts';
import { runtimeFor } from '../src/runtimes/registry.ts';
import { runVisit } from '../src/runtimes/visit.ts';
import { truthVisitSpec, windowRates } from './truth-visit.ts';

const [configPath, name, first, second, cyclesText] = process.argv.slice(2);
if (!configPath || !name || !first || !second) {
  console.error('usage: node scripts/side-by-side.ts <config> <workload> <model:concurrency> <model:concurrency> [cycles=4]');
  process.exit(2);
}
const config = await loadConfig(configPath);
const workload = config.workloads.find((w) => w.name === name);
if (!workload) throw new Error(`no workload ${name} in ${configPath}`);
const cells = planCells(workload, workload.models);
function cellOf(text: string): Cell {
  const [model, concurrency] = text.split(':');
  const cell = cells.find((c) => c.model === model && c.concurrency === Number(concurrency ?? 1));
  if (!cell) throw new Error(`no cell ${text} in ${name} (configured: ${cells.map((c) => `${c.model}:${c.concurrency}`).join(', ')})`);
  return cell;
}
const [a, b, sequential] = [cellOf(first), cellOf(second), cellOf('sequential')];
const VISIT_MS = 3000;

async function visitRate(cell: Cell): Promise<number> {
  const outcome = await runVisit(runtimeFor(workload!.runtime), workload!, truthVisitSpec(cell, VISIT_MS, 3, 4), { hardTimeoutMs: 120_000 });
  const rates = windowRates(outcome.samples, 250).sort((x, y) => x - y);
  return rates.length > 0 && outcome.status === 'ok' ? rates[rates.length >> 1] : Number.NaN;
}

const cycles = Number(cyclesText ?? 4);
console.log(`${name}: ${first} against ${second}, ${cycles} cycles (${new Date().toISOString()})`);
for (let i = 0; i < cycles; i++) {
  const before = await visitRate(sequential);
  const flip = i % 2 === 1;
  const r1 = await visitRate(flip ? b : a);
  const r2 = await visitRate(flip ? a : b);
  const after = await visitRate(sequential);
  const [ra, rb] = flip ? [r2, r1] : [r1, r2];
  const seq = (before + after) / 2;
  console.log(
    `  ${new Date().toISOString().slice(11, 19)} sequential ${before.toFixed(1)} / ${after.toFixed(1)} tasks/s; ${first} x${(ra / seq).toFixed(2)}, ${second} x${(rb / seq).toFixed(2)}; ${first} / ${second} ${(ra / rb).toFixed(3)}`,
  );
}
