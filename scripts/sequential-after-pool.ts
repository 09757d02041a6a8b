/**
 * Does a sequential visit read slower right after a pool's visit (a pool still tearing down, caches
 * the pool filled)? If it did, the spread of a run's sequential hosts (analysis/steadiness.ts) would
 * be the sweep's order and not the machine. Cycles of sweep-like short visits: sequential, then the
 * given cell, then sequential again; prints the sequential rates after a sequential visit and right
 * after the pool's.
 *
 *   node scripts/sequential-after-pool.ts <config> <workload> <model> <concurrency> [cycles=4]
 */
import { loadConfig } from '../src/config/load.ts';
import { planCells, visitSpec } from '../src/measure/scheduler.ts';
import { runVisit } from '../src/runtimes/visit.ts';
import { runtimeFor } from '../src/runtimes/registry.ts';
const [configPath, name, model, conc, cyclesText] = process.argv.slice(2);
const config = await loadConfig(configPath);
const workload = config.workloads.find((w) => w.name === name)!;
const cells = planCells(workload, workload.models);
const seq = cells.find((c) => c.model === 'sequential')!;
const cand = cells.find((c) => c.model === model && c.concurrency === Number(conc))!;
async function visit(cell: typeof seq) {
  const spec = { ...visitSpec(cell, 1000, 'measure', 6), warmupMaxMs: 1500 };
  const o = await runVisit(runtimeFor(workload.runtime), workload, spec, { hardTimeoutMs: 120_000 });
  const rates = o.samples.map((s) => (s.tasks / s.wallMs) * 1000).sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}
const afterSeq: number[] = [], afterPool: number[] = [];
for (let i = 0; i < Number(cyclesText ?? 4); i++) {
  afterSeq.push(await visit(seq));
  await visit(cand);
  afterPool.push(await visit(seq));
}
const f = (a: number[]) => a.map((x) => x.toFixed(0)).join(' ');
console.log(`${name}: seq after seq: ${f(afterSeq)} | seq right after ${model} ${conc}: ${f(afterPool)}`);
