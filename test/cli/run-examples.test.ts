import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/types.ts';
import type { RunResults } from '../../src/results/run.ts';
import { runCli } from '../helpers/cli.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

const examples = fileURLToPath(new URL('../../examples/concurrency-bench.config.json', import.meta.url));

describe('run on the bundled examples (short budget)', () => {
  it('measures every example under every model and writes the JSON contract and markdown', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cb-examples-'));
    const json = join(out, 'results.json');
    const markdown = join(out, 'results.md');
    // The budget is kept: 25 s buys each model's most telling level of every example, not every level.
    const run = await runCli(['run', '--config', examples, '--time-budget', '25', '--json', json, '--markdown', markdown]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const results = expectPublishedFormat<RunResults>(json);
    expect(results).toMatchObject({ schemaVersion: 1, tool: { name: 'concurrency-bench' }, incomplete: false });
    expect(results.environment.cpus).toBeGreaterThan(0);
    expect(results.environment.node).toMatch(/^v24\./);
    expect(results.workloads.map((w) => w.name)).toEqual(['cpu-hash', 'slow-io-http', 'tiny-task', 'blocking-call', 'wait-then-compute']);
    for (const workload of results.workloads) {
      expect(workload.status, workload.name).toBe('ok');
      expect(['cpu-bound', 'io-bound', 'mixed']).toContain(workload.classification);
      expect(MODELS).toContain(workload.recommendation!.model);
      expect(workload.recommendation!.reason.length).toBeGreaterThan(20);
      // Every model measured, or said not to be and why: the budget is kept, so on a busy machine
      // (CI runs test files in parallel) 25 s may not buy every model of every example.
      expect(workload.cells.some((c) => c.model === 'sequential')).toBe(true);
      for (const model of MODELS) {
        expect(workload.cells.some((c) => c.model === model) || (workload.skipped ?? []).some((s) => s.model === model), `${workload.name} ${model}`).toBe(true);
      }
      // Left out for the budget, or a hybrid left out because the sweep showed no use for it (hybrids.ts).
      for (const skipped of workload.skipped ?? []) expect(skipped.reason).toMatch(skipped.model.endsWith('+async') ? /budget|time|run ended|^the coarse sweep showed no use for a hybrid: / : /budget|time/);
      expect(workload.cells.filter((c) => c.model !== 'sequential').length).toBeGreaterThan(0);
      for (const cell of workload.cells) {
        expect(cell.status).toBe('ok');
        expect(cell.throughput.median).toBeGreaterThan(0);
        expect(cell.throughput.ci95[0]).toBeLessThanOrEqual(cell.throughput.median);
        expect(cell.throughput.ci95[1]).toBeGreaterThanOrEqual(cell.throughput.median);
        expect(cell.latencyMs.p99).toBeGreaterThanOrEqual(cell.latencyMs.p50);
        expect(cell.peakRssBytes).toBeGreaterThan(10 * 1024 * 1024);
        expect(cell.cpuUtilization).toBeGreaterThanOrEqual(0);
      }
    }
    // The I/O example waits on a loopback server: sequential uses little CPU.
    expect(results.workloads[1].classification).toBe('io-bound');
    expect(results.workloads[0].classification).toBe('cpu-bound');
    expect(readFileSync(markdown, 'utf8')).toContain('cpu-hash');
    expect(run.stdout).toContain('◀ recommended');
    writeFileSync(join(out, 'done'), '');
  });
});
