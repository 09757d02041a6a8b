/**
 * Dispatch overhead benchmark (`npm run bench`): per-task cost at concurrency 1 of each execution
 * model, against bare references measured in the same run, interleaved round by round:
 *   bare Promise on the loop, bare Worker postMessage, bare piscina.run, bare child_process.fork IPC.
 * Targets (issue 2): thread model <= 1.2x bare piscina; process model <= 1.5x bare fork IPC; the
 * CPU-bound example under `thread` at concurrency = cores reaches >= 0.9 x cores x sequential.
 * Prints a table of medians over rounds; exits 1 if a target is missed (so it can gate, if wanted).
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { Bench } from 'tinybench';
import { parseConfig } from '../src/config/load.ts';
import { nodeRuntime } from '../src/runtimes/node/runtime.ts';
import { runVisit } from '../src/runtimes/visit.ts';
import { visitSpec } from '../src/measure/scheduler.ts';
import { median, sortSamples } from '../src/stats/sorted.ts';
import type { Model } from '../src/types.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const noop = fileURLToPath(new URL('./fixtures/noop.mjs', import.meta.url));
const echo = fileURLToPath(new URL('./fixtures/echo-child.mjs', import.meta.url));
const examples = fileURLToPath(new URL('../examples/concurrency-bench.config.json', import.meta.url));

const ROUND_TRIPS = 2000;

/**
 * Serial round trips measured the way a host measures a batch: tinybench runs the sampling loop,
 * each sample is ROUND_TRIPS round trips back to back, and the cost is wall time / ROUND_TRIPS
 * (median over samples), in microseconds. Same shape as ourModel(), so the ratios compare like with like.
 */
async function batchMicros(name: string, roundTrip: () => Promise<unknown>): Promise<number> {
  const perTask: number[] = [];
  const bench = new Bench({ time: 400, iterations: 5, warmup: true, warmupIterations: 1, warmupTime: 0, throws: true });
  bench.add(name, async () => {
    const begin = performance.now();
    for (let i = 0; i < ROUND_TRIPS; i++) await roundTrip();
    perTask.push(((performance.now() - begin) * 1000) / ROUND_TRIPS);
  });
  await bench.run();
  return median(sortSamples(perTask.slice(1)));
}

async function barePromise(): Promise<number> {
  return batchMicros('promise', () => Promise.resolve(1));
}

async function bareWorker(): Promise<number> {
  const worker = new Worker(`require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m))`, { eval: true });
  let pending: (() => void) | undefined;
  worker.on('message', () => pending!());
  try {
    return await batchMicros('worker', () => new Promise<void>((resolve) => { pending = resolve; worker.postMessage(1); }));
  } finally {
    await worker.terminate();
  }
}

async function barePiscina(): Promise<number> {
  const pool = new Piscina({ filename: noop, minThreads: 1, maxThreads: 1, idleTimeout: Infinity });
  await pool.run(0);
  try {
    return await batchMicros('piscina', () => pool.run(1));
  } finally {
    await pool.destroy();
  }
}

async function bareFork(): Promise<number> {
  const child = fork(echo, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let pending: (() => void) | undefined;
  child.on('message', () => pending!());
  await new Promise<void>((resolve) => { pending = resolve; child.send(0); });
  try {
    return await batchMicros('fork', () => new Promise<void>((resolve) => { pending = resolve; child.send(1); }));
  } finally {
    child.kill();
  }
}

/** Our model at concurrency 1 on the no-op workload, in a fresh host like a real run: median per-task cost, us. */
async function ourModel(model: Model): Promise<number> {
  const [workload] = parseConfig({ workloads: [{ name: 'noop', module: noop, tasks: 2000 }] }, noop, 'noop', availableParallelism()).workloads;
  const spec = { ...visitSpec({ workload, model, concurrency: 1, key: '' }, 400), minBatches: 5 };
  const outcome = await runVisit(nodeRuntime, workload, spec);
  if (outcome.status !== 'ok') throw new Error(`${model}: ${outcome.status} ${outcome.error}`);
  return median(sortSamples(outcome.samples.map((s) => (s.wallMs * 1000) / s.tasks)));
}

/** Throughput of the CPU-bound example under a model and concurrency (median batch throughput). */
async function cpuExample(model: Model, concurrency: number): Promise<number> {
  const config = parseConfig(JSON.parse((await import('node:fs')).readFileSync(examples, 'utf8')), examples, 'examples', availableParallelism());
  const workload = config.workloads.find((w) => w.name === 'cpu-hash')!;
  const outcome = await runVisit(nodeRuntime, workload, { ...visitSpec({ workload, model, concurrency, key: '' }, 600), minBatches: 4 });
  if (outcome.status !== 'ok') throw new Error(`cpu-hash ${model}: ${outcome.error}`);
  return median(sortSamples(outcome.samples.map((s) => s.tasks / (s.wallMs / 1000))));
}

const measurements: Record<string, Array<() => Promise<number>>> = {
  'bare Promise (same loop)': [barePromise],
  'bare Worker postMessage': [bareWorker],
  'bare piscina.run': [barePiscina],
  'bare child_process.fork IPC': [bareFork],
  'model sequential': [() => ourModel('sequential')],
  'model async': [() => ourModel('async')],
  'model thread': [() => ourModel('thread')],
  'model process': [() => ourModel('process')],
};
const samples = new Map<string, number[]>(Object.keys(measurements).map((k) => [k, []]));
const cores = availableParallelism();
const cpu = { sequential: [] as number[], thread: [] as number[] };

for (let round = 1; round <= rounds; round++) {
  // Interleave: every path once per round, in a rotating order, so drift hits all of them alike.
  const names = Object.keys(measurements);
  const order = names.map((_, i) => names[(i + round) % names.length]);
  for (const name of order) samples.get(name)!.push(await measurements[name][0]());
  cpu.sequential.push(await cpuExample('sequential', 1));
  cpu.thread.push(await cpuExample('thread', cores));
  process.stderr.write(`round ${round}/${rounds} done\n`);
}

const med = (name: string) => median(sortSamples(samples.get(name)!));
const rows = [...samples.keys()].map((name) => [name, med(name).toFixed(2)]);
console.log(`\nDispatch cost per task at concurrency 1 (median of ${rounds} interleaved rounds, Node ${process.version}, ${cores} cores)\n`);
console.log('| path | us per task |\n|---|---:|');
for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);

const threadRatio = med('model thread') / med('bare piscina.run');
const processRatio = med('model process') / med('bare child_process.fork IPC');
const scaling = median(sortSamples(cpu.thread)) / median(sortSamples(cpu.sequential));
const targets = [
  ['thread model / bare piscina.run', threadRatio, '<= 1.2', threadRatio <= 1.2],
  ['process model / bare fork IPC', processRatio, '<= 1.5', processRatio <= 1.5],
  [`cpu-hash: thread at ${cores} / sequential (x cores = ${cores})`, scaling / cores, '>= 0.9', scaling / cores >= 0.9],
] as const;
console.log('\n| ratio | measured | target | met |\n|---|---:|---:|---|');
for (const [name, value, target, met] of targets) console.log(`| ${name} | ${value.toFixed(2)} | ${target} | ${met ? 'yes' : 'NO'} |`);
console.log(`\ncpu-hash throughput: sequential ${median(sortSamples(cpu.sequential)).toFixed(0)} tasks/s, thread x${cores} ${median(sortSamples(cpu.thread)).toFixed(0)} tasks/s`);
process.exitCode = targets.every((t) => t[3]) ? 0 : 1;
