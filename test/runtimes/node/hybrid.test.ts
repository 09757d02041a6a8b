/**
 * The hybrid models on real Node hosts: a pool of workers (one per core), each with several tasks
 * in flight on its own event loop. Setup runs once per worker, not once per task in flight, and the
 * tasks of one worker really overlap.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.ts';
import { nodeRuntime } from '../../../src/runtimes/node/runtime.ts';
import { runVisit } from '../../../src/runtimes/visit.ts';
import { hybridLayout, type Model } from '../../../src/types.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const TASKS = 16;
const WAIT_MS = 20;

afterEach(() => {
  delete process.env.CB_TEST_SETUP_LOG;
});

describe('node hybrids', () => {
  for (const model of ['thread+async', 'process+async'] as const satisfies readonly Model[]) {
    it(`${model}: setup once per worker, and a worker's tasks overlap on its loop`, async () => {
      const log = join(mkdtempSync(join(tmpdir(), 'cb-hybrid-')), 'setup.log');
      process.env.CB_TEST_SETUP_LOG = log;
      const w = parseConfig({ workloads: [{ name: 'w', module: 'waits.mjs', tasks: TASKS }] }, join(FIXTURES, 'concurrency-bench.config.json')).workloads[0];
      const concurrency = 4 * availableParallelism();
      const { workers, perWorker } = hybridLayout(concurrency, availableParallelism());
      const outcome = await runVisit(
        nodeRuntime,
        w,
        {
          mode: 'measure',
          workload: { name: 'w', modulePath: w.modulePath, function: w.function, tasks: TASKS, timeoutMs: 20_000 },
          model,
          concurrency,
          workers,
          warmupBatches: 1,
          minBatches: 3,
          maxBatches: 3,
          sampleTimeMs: 0,
        },
        { hardTimeoutMs: 60_000 },
      );
      expect(outcome.status, outcome.error).toBe('ok');
      const setups = readFileSync(log, 'utf8').trim().split('\n').filter((l) => l.startsWith('setup'));
      const teardowns = readFileSync(log, 'utf8').trim().split('\n').filter((l) => l.startsWith('teardown'));
      expect(setups).toHaveLength(workers);
      expect(teardowns.sort()).toEqual(setups.map((l) => l.replace('setup', 'teardown')).sort());
      // Workers are threads of one process in thread+async, processes of their own in process+async.
      const pids = new Set(setups.map((l) => l.split(' ')[1]));
      expect(pids.size).toBe(model === 'thread+async' ? 1 : workers);
      // With one task in flight per worker, 16 waits of 20 ms on `workers` workers take 16/workers
      // waits back to back; with `perWorker` each, a fraction of that. Held to three quarters of
      // the one-per-worker time: only waits that overlap on a worker's loop get under it.
      const oneAtATime = (TASKS / workers) * WAIT_MS;
      expect(perWorker).toBeGreaterThan(1);
      for (const sample of outcome.samples) expect(sample.wallMs).toBeLessThan(0.75 * oneAtATime);
    });
  }
});
