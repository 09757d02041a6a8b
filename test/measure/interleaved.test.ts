import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { runInterleavedGroup, runInterleavedVisits, type InterleavedSide } from '../../src/measure/interleaved.ts';
import { visitSpec } from '../../src/measure/scheduler.ts';
import { nodeRuntime } from '../../src/runtimes/node/runtime.ts';
import { pythonRuntime } from '../../src/runtimes/python/runtime.ts';
import { leftoverProcesses } from '../helpers/cli.ts';

/**
 * Two sides whose every task appends the side's letter to one shared log, one line per batch
 * (task 0 writes the letter, the others nothing), so the log shows the order the batches ran in.
 */
function sides(options: { failSecondAfter?: number; hangSecondAfter?: number; runtime?: 'node' | 'python'; taskMs?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cb-interleaved-'));
  const log = join(dir, 'order.log');
  const python = options.runtime === 'python';
  const make = (letter: string, failAfter?: number, hangAfter?: number): InterleavedSide => {
    const module = python ? `${letter}.py` : `${letter}.mjs`;
    writeFileSync(
      join(dir, module),
      python
        ? `import time\nbatches = 0\ndef run(index):\n    global batches\n    if index == 0:\n        batches += 1\n        with open(${JSON.stringify(log)}, "a") as f:\n            f.write("${letter}\\n")\n    time.sleep(0.002)\n`
        : `import { appendFileSync } from 'node:fs';\nlet batches = 0;\nexport default async function task(index) {\n  if (index === 0) {\n    batches++;\n    ${failAfter === undefined ? '' : `if (batches > ${failAfter}) throw new Error('side ${letter} broke');`}${hangAfter === undefined ? '' : `if (batches > ${hangAfter}) await new Promise(() => {});`}\n    appendFileSync(${JSON.stringify(log)}, '${letter}\\n');\n  }\n  await new Promise((r) => setTimeout(r, ${options.taskMs ?? 2}));\n}\n`,
    );
    const config = { workloads: [{ name: letter, module, tasks: 4, models: ['sequential'], ...(python ? { runtime: 'python' } : {}) }] };
    const [workload] = parseConfig(config, join(dir, 'c.json'), 'c.json', 2).workloads;
    const spec = { ...visitSpec({ workload, model: 'sequential', concurrency: 1, key: '' }, 30), warmupBatches: 2, warmupTimeMs: 0, minBatches: 4 };
    return { runtime: python ? pythonRuntime : nodeRuntime, workload, spec };
  };
  return { dir, first: make('A'), second: make('B', options.failSecondAfter, options.hangSecondAfter), third: () => make('C'), order: () => readFileSync(log, 'utf8').trim().split('\n').join('') };
}

describe('runInterleavedVisits (real hosts)', () => {
  it('warms both up, then runs their batches in ABBA order; samples are the measured batches only', async () => {
    const { dir, first, second, order } = sides();
    const [a, b] = await runInterleavedVisits(first, second);
    expect(a.status, a.error).toBe('ok');
    expect(b?.status, b?.error).toBe('ok');
    // Warm-up alternates AB twice, then pairs flip order: AB BA AB BA ...
    const log = order();
    expect(log.slice(0, 4)).toBe('ABAB');
    const measured = log.slice(4);
    expect(measured.length % 2).toBe(0);
    for (let pair = 0; pair < measured.length / 2; pair++) expect(measured.slice(pair * 2, pair * 2 + 2)).toBe(pair % 2 === 0 ? 'AB' : 'BA');
    expect(a.samples).toHaveLength(measured.length / 2);
    expect(b!.samples).toHaveLength(measured.length / 2);
    expect(a.samples.length).toBeGreaterThanOrEqual(4);
    // At least the sample time per side, counted on each side's own batches.
    expect(a.samples.reduce((sum, s) => sum + s.wallMs, 0)).toBeGreaterThanOrEqual(30);
    expect(a.peakRssBytes).toBeGreaterThan(0);
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  it('warms each side by its own spec: one for as long as its cell needed to settle, one until the rule says so', async () => {
    const { dir, first, second } = sides({ taskMs: 5 });
    // Batches of 4 tasks of 5 ms: about 20 ms each. Side A is known to settle by 30 ms; side B runs the rule, after at least 400 ms.
    // The rule needs four batches in the last half of the warm-up (8 here, ~160 ms), so A under 110 ms
    // (one batch of slack for a loaded machine: 100 ms with 60 ms once looked thin) did not run it.
    const known = { ...first, spec: { ...first.spec, warmupBatches: 1, warmupMaxMs: 2000, warmupSettledMs: 30 } };
    const judged = { ...second, spec: { ...second.spec, warmupBatches: 1, warmupTimeMs: 400, warmupMaxMs: 2000 } };
    const [a, b] = await runInterleavedVisits(known, judged);
    expect(a.status, a.error).toBe('ok');
    expect(b?.status, b?.error).toBe('ok');
    expect(a.warmup?.settled).toBe(true);
    expect(a.warmup!.ms).toBeGreaterThanOrEqual(30);
    expect(a.warmup!.ms).toBeLessThan(110);
    expect(b?.warmup?.settled).toBe(true);
    expect(b!.warmup!.ms).toBeGreaterThanOrEqual(400);
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  it('a side that fails mid-way is reported, and the other is stopped cleanly', async () => {
    const { dir, first, second, order } = sides({ failSecondAfter: 4 });
    const [a, b] = await runInterleavedVisits(first, second);
    expect(b?.status).toBe('errored');
    expect(b?.error).toContain('side B broke');
    expect(a.status, a.error).toBe('ok');
    expect(order()).toMatch(/^ABAB/);
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  it('a side that cannot start leaves the first stopped and no second outcome beyond its failure', async () => {
    const { dir, first, second } = sides();
    writeFileSync(second.workload.modulePath, 'export default 42;\n');
    const [a, b] = await runInterleavedVisits(first, second);
    expect(a.status).toBe('ok');
    expect(a.samples).toEqual([]);
    expect(b?.status).toBe('load-error');
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  it('the hard time limit of a stepped visit runs from its last sample, not from its start', async () => {
    const { dir, first, second } = sides({ taskMs: 10 });
    // 50 pairs of ~40 ms batches: about 4 s in all, longer than the 3 s limit, but never 3 s between two samples.
    for (const side of [first, second]) Object.assign(side.spec, { sampleTimeMs: 60_000, maxBatches: 50 });
    const started = performance.now();
    const [a, b] = await runInterleavedVisits(first, second, { hardTimeoutMs: 3000 });
    expect(a.status, a.error).toBe('ok');
    expect(b?.status, b?.error).toBe('ok');
    expect(a.samples).toHaveLength(50);
    expect(performance.now() - started).toBeGreaterThan(3000);
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  it('three sides: warmed in turn, then a batch of each per step, the order reversed every step (the middle side neighbours both others)', async () => {
    const { dir, first, second, third, order } = sides();
    const outcomes = await runInterleavedGroup([first, second, third()]);
    expect(outcomes.map((o) => o?.status)).toEqual(['ok', 'ok', 'ok']);
    const log = order();
    expect(log.slice(0, 6)).toBe('ABCABC');
    const measured = log.slice(6);
    expect(measured.length % 3).toBe(0);
    for (let step = 0; step < measured.length / 3; step++) expect(measured.slice(step * 3, step * 3 + 3)).toBe(step % 2 === 0 ? 'ABC' : 'CBA');
    for (const o of outcomes) expect(o!.samples).toHaveLength(measured.length / 3);
    expect(outcomes[0]!.samples.length).toBeGreaterThanOrEqual(4);
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  it('three sides, the middle one failing mid-way: reported, the others stopped cleanly with what they measured', async () => {
    const { dir, first, second, third } = sides({ failSecondAfter: 4 });
    const [a, b, c] = await runInterleavedGroup([first, second, third()]);
    expect(b?.status).toBe('errored');
    expect(a?.status, a?.error).toBe('ok');
    expect(c?.status, c?.error).toBe('ok');
    // Its fifth batch, the third measured step's: the others kept their measured batches, no warm-up.
    expect(a!.samples.length).toBe(c!.samples.length + 1);
    expect(c!.samples.length).toBe(2);
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  it('a side that falls silent is stopped as stalled; the other, idle meanwhile, is not', async () => {
    const { dir, first, second } = sides({ hangSecondAfter: 3 });
    // 3 s: a healthy host must be ready within it, also on a loaded machine; the hung one never is.
    const [a, b] = await runInterleavedVisits(first, second, { silenceLimitMs: 3000 });
    expect(b?.status).toBe('stalled');
    expect(a.status, a.error).toBe('ok');
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  it('a side that fails in warm-up leaves no side a measured batch', async () => {
    const { dir, first, second } = sides({ failSecondAfter: 1 });
    const [a, b] = await runInterleavedVisits(first, second);
    expect(b?.status).toBe('errored');
    expect(a.status, a.error).toBe('ok');
    expect(a.samples).toEqual([]);
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  it('three sides, the second unable to start: the first stopped, the third never started', async () => {
    const { dir, first, second, third } = sides();
    writeFileSync(second.workload.modulePath, 'export default 42;\n');
    const outcomes = await runInterleavedGroup([first, second, third()]);
    expect(outcomes).toHaveLength(3);
    expect(outcomes[0]?.status).toBe('ok');
    expect(outcomes[1]?.status).toBe('load-error');
    expect(outcomes[2]).toBeUndefined();
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  it('drives Python hosts the same way', async () => {
    const { dir, first, second, order } = sides({ runtime: 'python' });
    const [a, b] = await runInterleavedVisits(first, second);
    expect(a.status, a.error).toBe('ok');
    expect(b?.status, b?.error).toBe('ok');
    expect(order().slice(0, 8)).toBe('ABABABBA');
    expect(a.samples.length).toBe(b!.samples.length);
    expect(leftoverProcesses(dir)).toEqual([]);
  });
});
