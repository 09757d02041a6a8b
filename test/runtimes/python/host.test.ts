import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { taskThreads } from '../../../src/measure/aggregate.ts';
import { specFor, throughput, visit, workload } from './helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cb-python-host-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('python host: probe and measurement', () => {
  it('probe says hello with the interpreter, its GIL and the start method', async () => {
    const w = workload({ module: 'busy.py', startMethod: 'spawn' });
    const outcome = await visit(w, { ...specFor(w, 'process', 2), mode: 'probe' });
    expect(outcome.status).toBe('ok');
    expect(outcome.env).toMatchObject({ implementation: 'CPython', gilEnabled: true, startMethod: 'spawn' });
    expect(outcome.env?.version).toMatch(/^3\.\d+\.\d+/);
    expect(String(outcome.env?.executable)).toMatch(/python/);
    expect(outcome.samples).toEqual([]);
    expect(outcome.leftovers).toEqual([]);
  });

  it('sequential: ready, then exactly minBatches samples with sane fields, then done', async () => {
    const w = workload({ module: 'busy.py' });
    const outcome = await visit(w, specFor(w, 'sequential', 1, { minBatches: 3, maxBatches: 6, sampleTimeMs: 0 }));
    expect(outcome.status).toBe('ok');
    expect(outcome.startupMs).toBeGreaterThan(0);
    expect(outcome.samples).toHaveLength(3);
    for (const sample of outcome.samples) {
      expect(sample.tasks).toBe(8);
      expect(sample.latenciesMs).toHaveLength(8);
      for (const latency of sample.latenciesMs) expect(latency).toBeGreaterThan(0);
      // One task at a time: the batch lasts at least as long as its tasks together.
      expect(sample.wallMs).toBeGreaterThanOrEqual(sum(sample.latenciesMs) * 0.99);
      expect(sample.cpuMs).toBeGreaterThan(0);
      expect(sample.cpuMs).toBeLessThan(sample.wallMs * 1.5 + 5);
      // Memory so far with every sample: a visit stopped before "done" keeps it.
      expect(sample.peakRssBytes).toBeGreaterThan(5 * 2 ** 20);
      expect(sample.peakRssBytes).toBeLessThanOrEqual(outcome.peakRssBytes!);
      // Linux: run-queue wait and the share of the hypervisor's steal, as the Node host reports them.
      if (process.platform === 'linux') {
        expect(sample.runQueueMs).toBeGreaterThanOrEqual(0);
        expect(sample.machineTicks!.busy).toBeGreaterThanOrEqual(0);
        expect(sample.machineTicks!.steal).toBeGreaterThanOrEqual(0);
      }
    }
    expect(outcome.peakRssBytes).toBeGreaterThan(5 * 2 ** 20);
    expect(outcome.leftovers).toEqual([]);
  });

  it.runIf(process.platform === 'linux')("every model reports its task threads' own CPU time and run-queue wait, and no pool", async () => {
    for (const [model, concurrency] of [['sequential', 1], ['async', 2], ['thread', 2], ['process', 2], ['thread+async', 4], ['process+async', 4]] as const) {
      const w = workload({ module: 'busy.py' });
      const outcome = await visit(w, specFor(w, model, concurrency, { minBatches: 3, maxBatches: 3 }));
      expect(outcome.status, outcome.error).toBe('ok');
      const threads = taskThreads(model, concurrency, availableParallelism());
      // A worker process's times are read at its checkpoint after the batch, and a thread's schedstat
      // can be a scheduler tick late (4 ms at HZ 250), as in the Node host's twin test (thread-times).
      const tickMs = model === 'process' || model === 'process+async' ? 4 : 0;
      for (const sample of outcome.samples) {
        expect(sample.taskCpuMs).toBeGreaterThan(0);
        // Python has no libuv pool.
        expect(sample.poolCpuMs).toBeUndefined();
        // Each task thread runs or waits for a core at most the batch's wall time (readings a moment apart).
        expect(sample.taskCpuMs! + sample.runQueueMs!).toBeLessThan(threads * (sample.wallMs * 1.05 + 2 + tickMs));
      }
      const task = sum(outcome.samples.map((s) => s.taskCpuMs!));
      const cpu = sum(outcome.samples.map((s) => s.cpuMs));
      // Pure-Python work runs on the task threads; the host's watchdog and the pool's managers take little.
      expect(task).toBeGreaterThan(0.8 * cpu);
      expect(task).toBeLessThan(1.05 * cpu + 2);
    }
  });

  it('keeps sampling until sampleTimeMs has passed, but never beyond maxBatches', async () => {
    const w = workload({ module: 'busy.py', tasks: 2 });
    const outcome = await visit(w, specFor(w, 'async', 2, { warmupBatches: 0, minBatches: 1, maxBatches: 4, sampleTimeMs: 60_000 }));
    expect(outcome.status).toBe('ok');
    expect(outcome.samples).toHaveLength(4);
  });

  it('process (spawn): setup and teardown run once in each of C workers, worker CPU and memory are counted', async () => {
    const pidsFile = join(scratch, 'pids.txt');
    process.env.CB_TEST_PIDS_FILE = pidsFile;
    try {
      const w = workload({ module: 'busy.py', startMethod: 'spawn' });
      const sequential = await visit(w, specFor(w, 'sequential', 1));
      rmSync(pidsFile, { force: true });
      const pooled = await visit(w, specFor(w, 'process', 2));
      expect(pooled.status).toBe('ok');
      expect(pooled.leftovers).toEqual([]);
      const events = readFileSync(pidsFile, 'utf8').trim().split('\n').map((line) => line.split(' '));
      const setups = events.filter(([event]) => event === 'setup').map(([, pid]) => pid);
      const teardowns = events.filter(([event]) => event === 'teardown').map(([, pid]) => pid);
      expect(new Set(setups).size).toBe(2);
      expect(setups).toHaveLength(2);
      expect(new Set(teardowns)).toEqual(new Set(setups));
      // Start-up includes spawning both workers and their setup(), so it is far from zero.
      expect(pooled.startupMs!).toBeGreaterThan(sequential.startupMs!);
      for (const sample of pooled.samples) {
        // The tasks burn CPU in the workers; the host alone would account for a few percent.
        expect(sample.cpuMs).toBeGreaterThan(0.3 * sum(sample.latenciesMs));
      }
      // Host + two fresh interpreters against one.
      expect(pooled.peakRssBytes!).toBeGreaterThan(1.4 * sequential.peakRssBytes!);
      // The samples' figure counts the workers too, not only the host.
      expect(pooled.samples.at(-1)!.peakRssBytes!).toBeGreaterThan(1.4 * sequential.samples.at(-1)!.peakRssBytes!);
    } finally {
      delete process.env.CB_TEST_PIDS_FILE;
    }
  });

  it('async with asyncio.sleep tasks at C=32 beats sequential by far', async () => {
    const w = workload({ module: 'sleepy_async.py', tasks: 32 });
    const batches = { warmupBatches: 0, minBatches: 2, maxBatches: 2 };
    const sequential = await visit(w, specFor(w, 'sequential', 1, batches));
    const concurrent = await visit(w, specFor(w, 'async', 32, batches));
    expect(sequential.status).toBe('ok');
    expect(concurrent.status).toBe('ok');
    // 32 waits of 10 ms: ~320 ms in a row, ~10 ms together. Ask for a fraction of the ideal x32.
    expect(throughput(concurrent)).toBeGreaterThan(5 * throughput(sequential));
  });

  it('entry "pkg.module:function" imports from the config directory; an async def runs on a loop per worker thread', async () => {
    const w = workload({ entry: 'pkg.work:compute' });
    expect(w.modulePath).toBe('pkg.work');
    const outcome = await visit(w, specFor(w, 'thread', 2));
    expect(outcome.status).toBe('ok');
    expect(outcome.samples.length).toBeGreaterThanOrEqual(2);
    expect(outcome.samples[0].latenciesMs).toHaveLength(8);
  });
});
