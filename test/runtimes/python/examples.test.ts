import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.ts';
import { specFor, visit } from './helpers.ts';

const config = loadConfig(fileURLToPath(new URL('../../../examples/python/concurrency-bench.config.json', import.meta.url)));

describe('python examples', () => {
  it('declares the kinds of workload the README discusses (CPU, blocking waits, a socket, asyncio, a GIL-releasing C call)', () => {
    expect(config.workloads.map((w) => w.name)).toEqual(['py-cpu-pure', 'py-blocking-sleep', 'py-blocking-socket', 'py-asyncio-sleep', 'py-hashlib-sha256']);
    for (const w of config.workloads) expect(w.runtime).toBe('python');
  });

  // One short visit each, in the model most likely to break them (setup/teardown per worker,
  // an async def on a per-thread loop, a loopback server under concurrent clients).
  for (const w of config.workloads) {
    const model = w.name === 'py-blocking-socket' ? 'process' : 'thread';
    it(`${w.name} runs cleanly under ${model}@2 with batches of tens to a few hundred ms`, async () => {
      const outcome = await visit(w, specFor(w, model, 2, { warmupBatches: 0, minBatches: 1, maxBatches: 1 }));
      expect(outcome.status, outcome.error).toBe('ok');
      expect(outcome.leftovers).toEqual([]);
      const [sample] = outcome.samples;
      expect(sample.tasks).toBe(w.tasks);
      expect(sample.wallMs).toBeGreaterThan(5);
      expect(sample.wallMs).toBeLessThan(2000);
    });
  }
});
