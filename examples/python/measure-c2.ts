/**
 * The figures quoted in the README for the Python examples: for each workload in this directory's
 * config, sequential against thread, process and async at concurrency 2 (plus each model's own
 * best level from the config), through the same runVisit the tool uses. Rounds are interleaved
 * (every cell once per round, in a fresh host) so a slow spell of the machine hits all cells alike.
 *
 *   npx node examples/python/measure-c2.ts [rounds=5] [workload,workload...]
 */
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/load.ts';
import type { WorkloadConfig } from '../../src/config/types.ts';
import { pythonRuntime } from '../../src/runtimes/python/runtime.ts';
import type { VisitSpec } from '../../src/runtimes/types.ts';
import { runVisit } from '../../src/runtimes/visit.ts';
import type { Model } from '../../src/types.ts';

const rounds = Number(process.argv[2] ?? 5);
const config = loadConfig(fileURLToPath(new URL('./concurrency-bench.config.json', import.meta.url)));

interface Cell {
  model: Model;
  concurrency: number;
  throughputs: number[];
  cpuMs: number;
  wallMs: number;
  startupMs: number[];
  error?: string;
}

function cellsOf(w: WorkloadConfig): Cell[] {
  const cells: Cell[] = [];
  const add = (model: Model, concurrency: number) => {
    if (!cells.some((c) => c.model === model && c.concurrency === concurrency)) cells.push({ model, concurrency, throughputs: [], cpuMs: 0, wallMs: 0, startupMs: [] });
  };
  add('sequential', 1);
  for (const model of ['thread', 'process', 'async'] as const) {
    add(model, 2);
    add(model, Math.max(...w.concurrency[model]));
  }
  return cells;
}

function spec(w: WorkloadConfig, cell: Cell): VisitSpec {
  return {
    mode: 'measure',
    workload: { name: w.name, modulePath: w.modulePath, function: w.function, tasks: w.tasks, timeoutMs: w.timeoutMs, startMethod: w.startMethod },
    model: cell.model,
    concurrency: cell.concurrency,
    warmupBatches: 1,
    minBatches: 5,
    maxBatches: 30,
    sampleTimeMs: 400,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const only = process.argv[3]?.split(',');
const plan = config.workloads.filter((w) => !only || only.includes(w.name)).map((w) => ({ w, cells: cellsOf(w) }));
for (let round = 0; round < rounds; round++) {
  for (const { w, cells } of plan) {
    for (const cell of cells) {
      const outcome = await runVisit(pythonRuntime, w, spec(w, cell), { hardTimeoutMs: 120_000 });
      if (outcome.status !== 'ok') {
        cell.error = `${outcome.status}: ${outcome.error}`;
        continue;
      }
      for (const sample of outcome.samples) {
        cell.throughputs.push((sample.tasks / sample.wallMs) * 1000);
        cell.cpuMs += sample.cpuMs;
        cell.wallMs += sample.wallMs;
      }
      if (outcome.startupMs !== undefined) cell.startupMs.push(outcome.startupMs);
    }
  }
  process.stderr.write(`round ${round + 1}/${rounds} done\n`);
}

const name = (c: Cell) => (c.model === 'sequential' ? 'sequential' : `${c.model}@${c.concurrency}`);
console.log('| workload | sequential tasks/s (CPU util.) | thread@2 | process@2 | async@2 | best cell |');
console.log('|---|---|---|---|---|---|');
for (const { w, cells } of plan) {
  const seq = median(cells[0].throughputs);
  const show = (c: Cell | undefined) => {
    if (!c) return '-';
    if (c.error) return c.error;
    const t = median(c.throughputs);
    return `${t.toFixed(0)} (x${(t / seq).toFixed(2)}, cpu ${(c.cpuMs / c.wallMs).toFixed(2)})`;
  };
  const at2 = (model: Model) => cells.find((c) => c.model === model && c.concurrency === 2);
  const best = cells.filter((c) => !c.error).reduce((a, b) => (median(b.throughputs) > median(a.throughputs) ? b : a));
  console.log(
    `| ${w.name} | ${seq.toFixed(0)} (${(cells[0].cpuMs / cells[0].wallMs).toFixed(2)}) | ${show(at2('thread'))} | ${show(at2('process'))} | ${show(at2('async'))} | ${name(best)}: ${show(best)}, start-up ${median(best.startupMs).toFixed(0)} ms |`,
  );
}
