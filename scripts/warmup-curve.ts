/**
 * Rate over time of a cold host (`node scripts/warmup-curve.ts <config> <workload> <model> <concurrency> [seconds]`,
 * with Node 24 first on PATH): no warm-up, every batch measured, printed per second since the host
 * was ready. Shows how long a cell takes to reach steady state, and whether a pool's lanes settle
 * later than one loop does. CURVE_TASKS=n overrides the workload's batch of `tasks` (how much a
 * batch's idle tail costs a pool); CURVE_DUMP=file appends every batch as a JSON line.
 */
import { appendFileSync } from 'node:fs';
import { loadConfig } from '../src/config/load.ts';
import { visitSpec, type Cell } from '../src/measure/scheduler.ts';
import { runtimeFor } from '../src/runtimes/registry.ts';
import { runVisit } from '../src/runtimes/visit.ts';
import type { Model } from '../src/types.ts';

const [configPath, name, model, concurrencyText, secondsText] = process.argv.slice(2);
if (!configPath || !name || !model) throw new Error('usage: warmup-curve.ts <config> <workload> <model> <concurrency> [seconds]');
const config = await loadConfig(configPath);
const found = config.workloads.find((w) => w.name === name);
if (!found) throw new Error(`no workload ${name} in ${configPath}`);
const workload = process.env.CURVE_TASKS ? { ...found, tasks: Number(process.env.CURVE_TASKS) } : found;
const concurrency = Number(concurrencyText ?? 1);
const seconds = Number(secondsText ?? 10);
const cell: Cell = { workload, model: model as Model, concurrency, key: `${model}:${concurrency}` };
const spec = { ...visitSpec(cell, seconds * 1000, 'measure', 1), warmupBatches: 0, warmupTimeMs: 0, sampleTimeMs: seconds * 1000, minBatches: 1, maxBatches: 1_000_000 };
delete (spec as { warmupMaxMs?: number }).warmupMaxMs;
const outcome = await runVisit(runtimeFor(workload.runtime), workload, spec, { hardTimeoutMs: seconds * 1000 + 60_000 });
let t = 0;
let bucket = 0;
let tasks = 0;
let wall = 0;
const rows: string[] = [];
for (const s of outcome.samples) {
  t += s.wallMs;
  tasks += s.tasks;
  wall += s.wallMs;
  if (t >= (bucket + 1) * 1000) {
    rows.push(`${(t / 1000).toFixed(1)}s ${((tasks / wall) * 1000).toFixed(1)}/s`);
    bucket = Math.floor(t / 1000);
    tasks = 0;
    wall = 0;
  }
}
if (process.env.CURVE_DUMP) {
  appendFileSync(process.env.CURVE_DUMP, JSON.stringify({ name, model, concurrency, batches: outcome.samples.map((s) => ({ wallMs: s.wallMs, tasks: s.tasks })) }) + '\n');
}
console.log(`${name} ${model} ${concurrency} (${outcome.status}${outcome.error ? `: ${outcome.error}` : ''}, ${outcome.samples.length} batches): ${rows.join('  ')}`);
