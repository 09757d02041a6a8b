import { describe, expect, it } from 'vitest';
import { analyzeWorkload } from '../../src/analysis/analyze.ts';
import type { WorkloadConfig } from '../../src/config/types.ts';
import { baselineOnPlateau, CONTESTED_WARMUP_FACTOR, PLATEAU_WARMUP_FACTOR, fasterLevelWithinReach, followUpTarget, PAIRED_SAMPLE_MS, PRIORITY, pairedChoices, pairedTargets, pairingPriority, waitingPriorities, withPairedSampleLength, withSweepWarmup } from '../../src/measure/paired-targets.ts';
import { cellKey, visitSpec, WARMUP_CAP_MAX_MS, type Cell, type Measured } from '../../src/measure/scheduler.ts';
import { sharedBaselineSpec } from '../../src/measure/paired-models.ts';
import type { Model } from '../../src/types.ts';
import type { CellResult } from '../../src/results/run.ts';
import { closeLevelCall } from '../../src/analysis/recommend.ts';

/** A cell of 2 rounds x 4 batches around `center` (+-2%), computing all the time. */
const cellResult = (model: Model, concurrency: number, center: number, batches = 8) => cell(model, concurrency, center, batches);
function cell(model: Model, concurrency: number, center: number, batches = 8): CellResult {
  const jitter = [1, 1.01, 0.99, 1.02, 0.98, 1, 1.01, 0.99];
  const batchThroughputs = Array.from({ length: batches }, (_, i) => center * jitter[i % jitter.length]);
  return {
    model,
    concurrency,
    status: 'ok',
    samples: batchThroughputs.length,
    rounds: 2,
    throughput: { median: center, ci95: [center * 0.99, center * 1.01] },
    latencyMs: { p50: 1, p99: 2 },
    cpuUtilization: model === 'sequential' ? 1 : Math.min(concurrency, 2),
    peakRssBytes: 1,
    startupMs: 1,
    speedup: null,
    batchThroughputs,
    batchesPerRound: [batches / 2, batches / 2],
  };
}

/** A workload of 16 tasks at levels 1 and 2, measuring `models`. */
function workloadConfig(models: Model[]): WorkloadConfig {
  return {
    name: 'w',
    runtime: 'node',
    modulePath: '/w.mjs',
    module: 'w.mjs',
    configDir: '/',
    function: 'run',
    tasks: 16,
    concurrency: { sequential: [1], async: [2], thread: [2], process: [2], 'thread+async': [4], 'process+async': [4] },
    models,
    timeoutMs: 1000,
  };
}

describe("the paired phase's choice of cells", () => {
  it('pairs cells whose speedup was withheld as impossible: a baseline that measured slow is settled side by side', () => {
    // CPU-bound work on 2 cores whose sequential visit ran cold (x2.4 for 2 threads cannot be true).
    const swept = analyzeWorkload('sieve', 'node', [cell('sequential', 1, 360), cell('async', 4, 650), cell('thread', 2, 870), cell('process', 2, 860)], { cores: 2 });
    expect(swept.cells.filter((c) => c.model !== 'sequential').every((c) => c.speedupWithheld?.startsWith('impossible'))).toBe(true);
    // Without the paired phase the only answer left is sequential.
    expect(swept.recommendation?.model).toBe('sequential');
    const chosen = pairedChoices(swept);
    expect([...chosen.keys()]).toEqual(['sequential', 'async', 'thread', 'process']);
    expect(chosen.get('thread')?.concurrency).toBe(2);
  });

  it('leaves out cells with too little data to say anything', () => {
    const swept = analyzeWorkload('w', 'node', [cell('sequential', 1, 100), cell('thread', 2, 180, 3), cell('process', 2, 170)], { cores: 2 });
    expect(swept.cells.find((c) => c.model === 'thread')?.speedupWithheld).toMatch(/^not enough data/);
    expect([...pairedChoices(swept).keys()]).toEqual(['sequential', 'process']);
  });

  it('pairs first what could change the answer; last what cannot beat sequential by the margin, or measured clearly slower', () => {
    const options = { cores: 2, margin: 0.1, seed: 1 };
    const sequential = cell('sequential', 1, 100);
    // CPU-bound work (sequential computes all the time): async and one lane are bounded by x1.
    expect(pairingPriority(cell('async', 4, 180), sequential, options)).toBe(PRIORITY.decided);
    expect(pairingPriority(cell('thread', 1, 100), sequential, options)).toBe(PRIORITY.decided);
    expect(pairingPriority(cell('thread', 2, 112), sequential, options)).toBe(PRIORITY.contested); // within noise of the margin
    // ... and first of all when the sweep answers "sequential": the pairing could overturn that.
    expect(pairingPriority(cell('thread', 2, 112), sequential, options, { sequentialRecommended: true })).toBe(PRIORITY.overturn);
    expect(pairingPriority(cell('thread', 1, 100), sequential, options, { sequentialRecommended: true })).toBe(PRIORITY.decided);
    expect(pairingPriority(cell('thread', 2, 0.3), sequential, options, { sequentialRecommended: true })).toBe(PRIORITY.decided);
    // Withheld as impossible (x2.4 on 2 cores): only the pairing settles it.
    const swept = analyzeWorkload('w', 'node', [sequential, cell('process', 2, 240)], { cores: 2 });
    expect(pairingPriority(swept.cells[1]!, swept.cells[0]!, options)).toBe(PRIORITY.contested);
    // A pool of tiny tasks, clearly slower than sequential.
    expect(pairingPriority(cell('thread', 2, 0.3), sequential, options)).toBe(PRIORITY.decided);
    // Work that waits: async is bounded by its tasks in flight only.
    const waiting = { ...cell('sequential', 1, 100), cpuUtilization: 0.1 };
    expect(pairingPriority(cell('async', 16, 112), waiting, options)).toBe(PRIORITY.contested);
    // ... and when its unpaired figure already beats sequential clearly by far, it can wait.
    expect(pairingPriority(cell('async', 16, 900), waiting, options)).toBe(PRIORITY.decided);
    // Unless it could beat the recommended cell by the margin: paired, it can take its place (or let
    // a hybrid show it beats every simpler model). py-fetch-then-parse's process 4 at x3.26 beside
    // async 32 recommended at x2.3.
    expect(pairingPriority(cell('process', 4, 326), waiting, options, { recommendedSpeedup: 2.3 })).toBe(PRIORITY.contested);
    expect(pairingPriority(cell('process', 4, 326), waiting, options, { recommendedSpeedup: 3.3 })).toBe(PRIORITY.decided);
    expect(pairingPriority(cell('process', 4, 326), waiting, options, { recommendedSpeedup: 2.3, recommended: true })).toBe(PRIORITY.reportedFigure);
  });

  it('warms a contested pairing longer when the sweep measured it before its rate settled, and counts the time', () => {
    const options = { cores: 2, margin: 0.1, seed: 1 };
    const config = workloadConfig(['sequential', 'thread', 'process']);
    const cells: Cell[] = (['sequential', 'thread', 'process'] as const).map((model) => ({ workload: config, model, concurrency: model === 'sequential' ? 1 : 2, key: cellKey('w', model, model === 'sequential' ? 1 : 2) }));
    const capMs = 720;
    const measured: Measured = {
      visits: new Map(),
      skipped: new Map(),
      allowanceMs: 0,
      spec: (c) => ({ ...visitSpec(c, 0), warmupMaxMs: capMs }),
      costMs: () => 1000,
    };
    // Thread 2 is contested (x1.12, within noise of the 10% margin); process 2 clearly slower (priority 1).
    const swept = (warm: CellResult['warmup']) =>
      analyzeWorkload('w', 'node', [cell('sequential', 1, 100), cell('thread', 2, 112), cell('process', 2, 40)].map((c) => ({ ...c, warmup: warm })), { cores: 2 });

    const cold = pairedTargets({ workloads: [swept({ medianMs: capMs, unsettled: 1 })] }, cells, measured, options);
    const thread = cold.find((t) => t.candidate.model === 'thread')!;
    // Contested while the sweep answers sequential (x1.12 is not a clear win): it could overturn that.
    expect(swept({ medianMs: capMs, unsettled: 1 }).recommendation?.model).toBe('sequential');
    expect(thread.priority).toBe(PRIORITY.overturn);
    expect(thread.baselineSpec.warmupMaxMs).toBe(CONTESTED_WARMUP_FACTOR * capMs);
    expect(thread.candidateSpec.warmupMaxMs).toBe(CONTESTED_WARMUP_FACTOR * capMs);
    expect(thread.expectedMs).toBe(2000 + 2 * (CONTESTED_WARMUP_FACTOR - 1) * capMs);
    // The baseline host's part: what sharing it with another candidate saves.
    expect(thread.baselineMs).toBe(1000 + (CONTESTED_WARMUP_FACTOR - 1) * capMs);
    // Not contested: its warm-up stays the sweep's.
    const process = cold.find((t) => t.candidate.model === 'process')!;
    expect(process.priority).toBe(PRIORITY.decided);
    expect(process.candidateSpec.warmupMaxMs).toBe(capMs);
    expect(process.expectedMs).toBe(2000);
    expect(process.baselineMs).toBe(1000);

    // Settled in the sweep: nothing to warm longer.
    const warm = pairedTargets({ workloads: [swept({ medianMs: 200, unsettled: 0 })] }, cells, measured, options);
    expect(warm.find((t) => t.candidate.model === 'thread')!.candidateSpec.warmupMaxMs).toBe(capMs);

    // Sequential's sweep visits settled, the pool's did not: only the pool warms longer, and only its time is counted.
    const visit = (ms: number, settled: boolean) => ({ status: 'ok' as const, elapsedMs: 1000, samples: [], warmup: { ms, settled } });
    const halfCold = pairedTargets({ workloads: [swept({ medianMs: capMs, unsettled: 1 })] }, cells, { ...measured, visits: new Map([[cells[0].key, [visit(300, true)]], [cells[1].key, [visit(capMs, false)]]]) }, options);
    const pool = halfCold.find((t) => t.candidate.model === 'thread')!;
    expect(pool.baselineSpec).toMatchObject({ warmupMaxMs: capMs, warmupSettledMs: 300 });
    expect(pool.candidateSpec.warmupMaxMs).toBe(CONTESTED_WARMUP_FACTOR * capMs);
    expect(pool.candidateSpec.warmupSettledMs).toBeUndefined();
    expect(pool.expectedMs).toBe(2000 + (CONTESTED_WARMUP_FACTOR - 1) * capMs);
    expect(pool.baselineMs).toBe(1000);
  });
});

/** Native work on libuv's pool (pbkdf2), at async levels 2 and 4: sequential's own thread barely computes, async overlaps it. */
const asyncLevels = (() => {
  const options = { cores: 2, margin: 0.1, seed: 1 };
  const waiting = (c: CellResult): CellResult => ({ ...c, cpuUtilization: 0.03 });
  const config: WorkloadConfig = { ...workloadConfig(['sequential', 'async']), concurrency: { sequential: [1], async: [2, 4], thread: [2], process: [2], 'thread+async': [4], 'process+async': [4] } };
  const cells: Cell[] = [
    { workload: config, model: 'sequential', concurrency: 1, key: cellKey('w', 'sequential', 1) },
    ...[2, 4].map((c): Cell => ({ workload: config, model: 'async', concurrency: c, key: cellKey('w', 'async', c) })),
  ];
  const measured: Measured = { visits: new Map(), skipped: new Map(), allowanceMs: 0, spec: (c) => visitSpec(c, 0), costMs: () => 1000 };
  return { options, waiting, cells, measured };
})();

describe('a level that stood in for a faster one by a close call', () => {
  const { options, waiting, cells, measured } = asyncLevels;

  it('is paired first: one more host decides which level speaks for the model', () => {
    // async 2 x1.84 within the level band (5%) of async 4's x1.90, but not within half of it: one host's draw decided it.
    const swept = analyzeWorkload('w', 'node', [cell('sequential', 1, 100), cell('async', 2, 184), cell('async', 4, 190)].map(waiting), { cores: 2 });
    const async = pairedChoices(swept).get('async')!;
    expect(async.concurrency).toBe(2);
    expect(closeLevelCall(swept.cells, async)).toBe(true);
    const target = pairedTargets({ workloads: [swept] }, cells, measured, options).find((t) => t.candidate.model === 'async')!;
    expect(target.candidate.concurrency).toBe(2);
    // Its unpaired figure alone beats sequential clearly: without the close call it would wait.
    expect(pairingPriority(async, swept.cells[0], options)).toBe(PRIORITY.decided);
    expect(target.priority).toBe(PRIORITY.contested);
  });

  it('is not a close call when the faster level measured within half the band', () => {
    const swept = analyzeWorkload('w', 'node', [cell('sequential', 1, 100), cell('async', 2, 187), cell('async', 4, 190)].map(waiting), { cores: 2 });
    const async = pairedChoices(swept).get('async')!;
    expect(async.concurrency).toBe(2);
    expect(closeLevelCall(swept.cells, async)).toBe(false);
    // Recommended and decided: paired after the contested ones, for the figure the report gives.
    expect(pairedTargets({ workloads: [swept] }, cells, measured, options).find((t) => t.candidate.model === 'async')!.priority).toBe(PRIORITY.reportedFigure);
  });
});

describe('the recommended cell measured cold', () => {
  it('is paired first and warmed longer, even when its unpaired figure already decides', () => {
    const options = { cores: 2, margin: 0.1, seed: 1 };
    const config = workloadConfig(['sequential', 'thread']);
    const cells: Cell[] = (['sequential', 'thread'] as const).map((model) => ({ workload: config, model, concurrency: model === 'sequential' ? 1 : 2, key: cellKey('w', model, model === 'sequential' ? 1 : 2) }));
    const capMs = 720;
    const measured: Measured = { visits: new Map(), skipped: new Map(), allowanceMs: 0, spec: (c) => ({ ...visitSpec(c, 0), warmupMaxMs: capMs }), costMs: () => 1000 };
    // Thread 2 at x1.5 beats sequential clearly: decided without pairing.
    const swept = (warm: CellResult['warmup']) => analyzeWorkload('w', 'node', [cell('sequential', 1, 100), cell('thread', 2, 150)].map((c) => ({ ...c, warmup: warm })), { cores: 2 });
    const warm = swept({ medianMs: 200, unsettled: 0 });
    expect(warm.recommendation?.model).toBe('thread');
    expect(pairingPriority(warm.cells[1], warm.cells[0], options)).toBe(PRIORITY.decided);
    // Warm: its unpaired figure decides, so it waits for the contested ones, but goes before what is decided and not reported.
    expect(pairedTargets({ workloads: [warm] }, cells, measured, options)[0].priority).toBe(PRIORITY.reportedFigure);
    const cold = pairedTargets({ workloads: [swept({ medianMs: capMs, unsettled: 1 })] }, cells, measured, options)[0];
    expect(cold.priority).toBe(PRIORITY.contested);
    expect(cold.candidateSpec.warmupMaxMs).toBe(CONTESTED_WARMUP_FACTOR * capMs);
  });
});

describe('the recommended cell decided against a suspect baseline', () => {
  it('is paired first when another cell measured faster than sequential by more than is possible', () => {
    const options = { cores: 2, margin: 0.1, seed: 1 };
    const config = workloadConfig(['sequential', 'async', 'thread']);
    const levels: Record<string, number> = { sequential: 1, async: 2, thread: 2 };
    const cells: Cell[] = (['sequential', 'async', 'thread'] as const).map((model) => ({ workload: config, model, concurrency: levels[model], key: cellKey('w', model, levels[model]) }));
    const measured: Measured = { visits: new Map(), skipped: new Map(), allowanceMs: 0, spec: (c) => visitSpec(c, 0), costMs: () => 1000 };
    // GIL-bound work (sequential computes all the time): thread 2 x1.43 decides against sequential alone...
    const alone = analyzeWorkload('w', 'python', [cell('sequential', 1, 100), cell('thread', 2, 143)], { cores: 2 });
    expect(alone.recommendation).toMatchObject({ model: 'thread', concurrency: 2 });
    expect(pairedTargets({ workloads: [alone] }, cells, measured, options).find((t) => t.candidate.model === 'thread')!.priority).toBe(PRIORITY.reportedFigure);
    // ... but beside async 2 at x1.40, which one loop cannot reach on CPU-bound work, the baseline read slow.
    const suspect = analyzeWorkload('w', 'python', [cell('sequential', 1, 100), cell('async', 2, 140), cell('thread', 2, 143)], { cores: 2 });
    expect(suspect.cells.find((c) => c.model === 'async')!.speedupWithheld).toMatch(/^impossible/);
    expect(suspect.recommendation).toMatchObject({ model: 'thread', concurrency: 2 });
    expect(pairedTargets({ workloads: [suspect] }, cells, measured, options).find((t) => t.candidate.model === 'thread')!.priority).toBe(PRIORITY.contested);
  });

  it("against a baseline read far too slow, a Node workload's contested pairing warms both sides a fixed floor, not the sweep's settled time", () => {
    const options = { cores: 2, margin: 0.1, seed: 1 };
    const config = workloadConfig(['sequential', 'async', 'thread']);
    const levels: Record<string, number> = { sequential: 1, async: 2, thread: 2 };
    const cells: Cell[] = (['sequential', 'async', 'thread'] as const).map((model) => ({ workload: config, model, concurrency: levels[model], key: cellKey('w', model, levels[model]) }));
    const capMs = 720;
    // The sweep's hosts judged themselves settled early (sieve: 0.2-0.45 s on a plateau half the warm rate).
    const visit = (ms: number) => ({ status: 'ok' as const, elapsedMs: 1000, samples: [], warmup: { ms, settled: true } });
    const visits = new Map([[cells[0].key, [visit(300)]], [cells[1].key, [visit(350)]], [cells[2].key, [visit(250)]]]);
    const measured: Measured = { visits, skipped: new Map(), allowanceMs: 0, spec: (c) => ({ ...visitSpec(c, 0), warmupMaxMs: capMs }), costMs: () => 1000 };
    // CPU-bound: async 2 at x1.8 is impossible on one loop, so sequential read slow; thread 2 x1.12 is contested.
    const sweep = (runtime: 'node' | 'python') => analyzeWorkload('w', runtime, [cell('sequential', 1, 100), cell('async', 2, 180), cell('thread', 2, 112)], { cores: 2 });
    const floorMs = PLATEAU_WARMUP_FACTOR * capMs;
    expect(floorMs).toBeLessThanOrEqual(WARMUP_CAP_MAX_MS);
    const thread = pairedTargets({ workloads: [sweep('node')] }, cells, measured, options).find((t) => t.candidate.model === 'thread')!;
    expect(thread.priority).toBeLessThanOrEqual(PRIORITY.contested);
    for (const spec of [thread.baselineSpec, thread.candidateSpec]) {
      expect(spec).toMatchObject({ warmupTimeMs: floorMs, warmupMaxMs: floorMs });
      expect(spec.warmupSettledMs).toBeUndefined();
    }
    // The time beyond what each side's sweep warm-up took (the learned cost includes that) is counted.
    expect(thread.baselineMs).toBe(1000 + floorMs - 300);
    expect(thread.expectedMs).toBe(2000 + (floorMs - 300) + (floorMs - 250));
    // A host shared with a pairing that kept the sweep's settled warm-up takes the floor, not the settled time.
    const kept = { ...thread.baselineSpec, warmupTimeMs: 60, warmupMaxMs: capMs, warmupSettledMs: 300 };
    const shared = sharedBaselineSpec([kept, thread.baselineSpec]);
    expect(shared).toMatchObject({ warmupTimeMs: floorMs, warmupMaxMs: floorMs });
    expect(shared.warmupSettledMs).toBeUndefined();
    expect(sharedBaselineSpec([kept, kept])).toMatchObject({ warmupSettledMs: 300, warmupMaxMs: capMs });

    // Python has no JIT to step up: the sweep's settled warm-up stands.
    const python = pairedTargets({ workloads: [sweep('python')] }, cells, measured, options).find((t) => t.candidate.model === 'thread')!;
    expect(python.candidateSpec).toMatchObject({ warmupSettledMs: 250, warmupMaxMs: capMs });
    expect(python.expectedMs).toBe(2000);

    // async 2 at x1.12, above its bound but by less than PLATEAU_ABOVE_BOUND: one round's noise, not a plateau.
    const mild = analyzeWorkload('w', 'node', [cell('sequential', 1, 100), cell('async', 2, 112), cell('thread', 2, 112)], { cores: 2 });
    expect(mild.cells.find((c) => c.model === 'async')!.speedupWithheld).toMatch(/^impossible/);
    expect(baselineOnPlateau(mild, mild.cells[0], 2)).toBe(false);
    expect(baselineOnPlateau(sweep('node'), sweep('node').cells[0], 2)).toBe(true);
    const noise = pairedTargets({ workloads: [mild] }, cells, measured, options).find((t) => t.candidate.model === 'thread')!;
    expect(noise.candidateSpec).toMatchObject({ warmupSettledMs: 250 });
  });
});

describe('a faster level of the recommended model that its imprecise figure cannot rule out', () => {
  const options = { cores: 2, margin: 0.1, seed: 1 };
  const config: WorkloadConfig = { ...workloadConfig(['sequential', 'async']), concurrency: { sequential: [1], async: [4, 64], thread: [2], process: [2], 'thread+async': [4], 'process+async': [4] } };
  const cells: Cell[] = [
    { workload: config, model: 'sequential', concurrency: 1, key: cellKey('w', 'sequential', 1) },
    ...[4, 64].map((c): Cell => ({ workload: config, model: 'async', concurrency: c, key: cellKey('w', 'async', c) })),
  ];
  const measured: Measured = { visits: new Map(), skipped: new Map(), allowanceMs: 0, spec: (c) => visitSpec(c, 0), costMs: () => 1000 };
  // File reads through libuv's pool: sequential's own thread barely computes.
  const waiting = (c: CellResult): CellResult => ({ ...c, cpuUtilization: 0.3 });
  const spread = (c: CellResult, factors: number[]): CellResult => {
    const batchThroughputs = factors.map((f) => c.throughput.median * f);
    return { ...c, batchThroughputs, samples: batchThroughputs.length, batchesPerRound: [batchThroughputs.length / 2, batchThroughputs.length / 2] };
  };
  /** async 4 at x2.8, tight; async 64 around x2.7 with its batches spread by `factors`. */
  const sweep = (factors: number[]) => analyzeWorkload('w', 'node', [cell('sequential', 1, 100), cell('async', 4, 280), spread(cell('async', 64, 270), factors)].map(waiting), { cores: 2 });

  it('is paired too, beside the recommended level, before the figure is reported', () => {
    const swept = sweep([0.5, 1.8, 0.6, 1.6, 0.7, 1.5, 1, 1]);
    expect(swept.recommendation).toMatchObject({ model: 'async', concurrency: 4 });
    const async64 = swept.cells.find((c) => c.concurrency === 64)!;
    expect(async64.speedupWithheld).toMatch(/^not enough data for one figure/);
    expect(fasterLevelWithinReach(swept.cells, swept.cells.find((c) => c.concurrency === 4)!, swept.cells[0], options)?.concurrency).toBe(64);
    const targets = pairedTargets({ workloads: [swept] }, cells, measured, options);
    expect(targets.map((t) => [t.candidate.concurrency, t.priority])).toEqual([
      [4, PRIORITY.reportedFigure],
      [64, PRIORITY.contested],
    ]);
    // The recommended level measured cold would be contested on its own; beside a faster level within reach it waits for it.
    const coldFour = { ...swept, cells: swept.cells.map((c) => (c.concurrency === 4 ? { ...c, warmup: { medianMs: 720, unsettled: 1 } } : c)) };
    expect(pairedTargets({ workloads: [coldFour] }, cells, measured, options).map((t) => [t.candidate.concurrency, t.priority])).toEqual([
      [4, PRIORITY.reportedFigure],
      [64, PRIORITY.contested],
    ]);
    const alone = { ...coldFour, cells: coldFour.cells.filter((c) => c.concurrency !== 64) };
    expect(pairedTargets({ workloads: [alone] }, cells, measured, options).map((t) => [t.candidate.concurrency, t.priority])).toEqual([[4, PRIORITY.contested]]);
  });

  it('is not paired when its figure is precise enough to have been compared on its own, or already paired', () => {
    const precise = sweep([1, 1.01, 0.99, 1.02, 0.98, 1, 1.01, 0.99]);
    expect(precise.recommendation).toMatchObject({ model: 'async', concurrency: 4 });
    expect(pairedTargets({ workloads: [precise] }, cells, measured, options).map((t) => t.candidate.concurrency)).toEqual([4]);
    const imprecise = sweep([0.5, 1.8, 0.6, 1.6, 0.7, 1.5, 1, 1]);
    const paired = { ...imprecise, cells: imprecise.cells.map((c) => (c.concurrency === 64 ? { ...c, paired: { speedup: 2.7, ci95: [1.5, 4] as [number, number], rounds: 1, pairs: 6, spread: 0.3 } } : c)) };
    expect(fasterLevelWithinReach(paired.cells, paired.cells.find((c) => c.concurrency === 4)!, paired.cells[0], options)).toBeUndefined();
  });
});

describe('a cell that cannot reach the recommended figure', () => {
  const options = { cores: 2, margin: 0.1, seed: 1 };
  const models: Model[] = ['sequential', 'async', 'thread', 'process'];
  const config: WorkloadConfig = { ...workloadConfig(models), concurrency: { sequential: [1], async: [64], thread: [4], process: [4], 'thread+async': [4], 'process+async': [4] } };
  const levels: Record<Model, number> = { sequential: 1, async: 64, thread: 4, process: 4, 'thread+async': 8, 'process+async': 8 };
  const cells: Cell[] = models.map((model) => ({ workload: config, model, concurrency: levels[model], key: cellKey('w', model, levels[model]) }));
  const measured: Measured = { visits: new Map(), skipped: new Map(), allowanceMs: 0, spec: (c) => visitSpec(c, 0), costMs: () => 1000 };
  // File reads through libuv's pool: sequential's thread barely computes; its batches spread widely.
  const waiting = (c: CellResult): CellResult => ({ ...c, cpuUtilization: 0.3 });
  const spread = (c: CellResult, factors: number[]): CellResult => {
    const batchThroughputs = factors.map((f) => c.throughput.median * f);
    return { ...c, batchThroughputs, samples: batchThroughputs.length, batchesPerRound: [batchThroughputs.length / 2, batchThroughputs.length / 2] };
  };

  /** Sequential at 100 tasks/s, thread 4 around 140 with batches from x0.6 to x1.5 of that, async 64 and process 4 as given. */
  const sweep = (async64: number, process4: number) =>
    analyzeWorkload('w', 'node', [cell('sequential', 1, 100), cell('async', 64, async64), spread(cell('thread', 4, 140), [0.6, 1.5, 0.8, 1.3, 0.7, 1.4, 1, 1]), cell('process', 4, process4)].map(waiting), { cores: 2 });

  it('waits behind the recommended figure, even when its own figure is too imprecise to stand alone', () => {
    // async 64 x3.6, decided; thread 4 around x1.4 with batches from x0.8 to x2.1 (withheld as imprecise); process 4 x3.4, within reach.
    const swept = sweep(360, 340);
    expect(swept.recommendation).toMatchObject({ model: 'async', concurrency: 64 });
    const thread = swept.cells.find((c) => c.model === 'thread')!;
    expect(thread.speedupWithheld).toMatch(/^not enough data for one figure/);
    const targets = pairedTargets({ workloads: [swept] }, cells, measured, options);
    const priorityOf = (model: Model) => targets.find((t) => t.candidate.model === model)!.priority;
    expect(priorityOf('thread')).toBe(PRIORITY.decided);
    // Without the recommendation beside it, the imprecise figure is contested.
    expect(pairingPriority(thread, swept.cells[0], options)).toBe(PRIORITY.contested);
    expect(priorityOf('async')).toBe(PRIORITY.reportedFigure);
    // process 4 beats sequential clearly on its own (x3.4): decided, as before.
    expect(priorityOf('process')).toBe(PRIORITY.decided);

    // Beside a recommended x2.1, the top of thread 4's interval (x1.96) comes within the margin: it stays contested.
    const closer = sweep(210, 150);
    expect(closer.recommendation).toMatchObject({ model: 'async', concurrency: 64 });
    expect(pairedTargets({ workloads: [closer] }, cells, measured, options).find((t) => t.candidate.model === 'thread')!.priority).toBe(PRIORITY.contested);
  });
});

describe('the length of a paired sample', () => {
  const config = workloadConfig(['sequential', 'thread']);
  const cell: Cell = { workload: config, model: 'thread', concurrency: 2, key: cellKey('w', 'thread', 2) };
  // Sweep samples of 2 batches of 16 tasks, 15 ms a batch (one 45 ms sample: a stalled lane).
  const visits = [{ status: 'ok' as const, elapsedMs: 500, samples: [30, 31, 45, 29].map((wallMs) => ({ wallMs, tasks: 32, cpuMs: 1, latenciesMs: [] })) }];

  it('is raised to about PAIRED_SAMPLE_MS from the sweep samples of the cell, and the extra time is counted', () => {
    const spec = { ...visitSpec(cell, 0), batchRepeat: 2 };
    const { spec: sized, extraSampleMs } = withPairedSampleLength(spec, visits);
    // The median batch lasted 15.25 ms: 7 batches make a sample of about 107 ms.
    expect(sized.batchRepeat).toBe(Math.ceil(PAIRED_SAMPLE_MS / 15.25));
    expect(extraSampleMs).toBeCloseTo((sized.batchRepeat! - 2) * 15.25, 6);
    const measured: Measured = { visits: new Map([[cell.key, visits]]), skipped: new Map(), allowanceMs: 0, spec: (c) => ({ ...visitSpec(c, 0), batchRepeat: 2 }), costMs: () => 1000 };
    const cells: Cell[] = [{ workload: config, model: 'sequential', concurrency: 1, key: cellKey('w', 'sequential', 1) }, cell];
    const swept = analyzeWorkload('w', 'node', [cellResult('sequential', 1, 100), cellResult('thread', 2, 112)], { cores: 2 });
    const [target] = pairedTargets({ workloads: [swept] }, cells, measured, { cores: 2, margin: 0.1, seed: 1, pairs: 6 });
    expect(target.candidateSpec.batchRepeat).toBe(sized.batchRepeat);
    // The baseline had no sweep samples here: its spec stays.
    expect(target.baselineSpec.batchRepeat).toBe(2);
    expect(target.expectedMs).toBeCloseTo(2000 + 6 * extraSampleMs, 6);
  });

  it('stays as it is when the sweep samples were long enough, or when there are none', () => {
    const spec = visitSpec(cell, 0);
    const long = [{ ...visits[0], samples: visits[0].samples.map((s) => ({ ...s, wallMs: 160 })) }]; // batches of 80 ms
    expect(withPairedSampleLength(spec, long)).toEqual({ spec, extraSampleMs: 0 });
    expect(withPairedSampleLength(spec, undefined)).toEqual({ spec, extraSampleMs: 0 });
  });
});

describe('the warm-up of a paired side', () => {
  const config = workloadConfig(['sequential', 'thread']);
  const cell: Cell = { workload: config, model: 'thread', concurrency: 2, key: cellKey('w', 'thread', 2) };
  const spec = { ...visitSpec(cell, 0), warmupMaxMs: 720 };
  const visit = (warmup?: { ms: number; settled: boolean }) => ({ status: 'ok' as const, elapsedMs: 500, samples: [], ...(warmup ? { warmup } : {}) });

  it('ends as settled after the longest warm-up the sweep hosts of the cell settled in', () => {
    const sized = withSweepWarmup(spec, [visit({ ms: 150, settled: true }), visit({ ms: 310, settled: true }), visit()]);
    expect(sized).toEqual({ ...spec, warmupSettledMs: 310 });
  });

  it('is left to the settle rule and its cap when a sweep host did not settle, or none judged it', () => {
    expect(withSweepWarmup(spec, [visit({ ms: 150, settled: true }), visit({ ms: 720, settled: false })])).toBe(spec);
    expect(withSweepWarmup(spec, [visit()])).toBe(spec);
    expect(withSweepWarmup(spec, undefined)).toBe(spec);
  });

  it('is what pairedTargets gives both sides of a target', () => {
    const cells: Cell[] = [{ workload: config, model: 'sequential', concurrency: 1, key: cellKey('w', 'sequential', 1) }, cell];
    const visits = new Map([
      [cells[0].key, [visit({ ms: 200, settled: true })]],
      [cell.key, [visit({ ms: 420, settled: true })]],
    ]);
    const measured: Measured = { visits, skipped: new Map(), allowanceMs: 0, spec: (c) => ({ ...visitSpec(c, 0), warmupMaxMs: 720 }), costMs: () => 1000 };
    const swept = analyzeWorkload('w', 'node', [cellResult('sequential', 1, 100), cellResult('thread', 2, 112)], { cores: 2 });
    const [target] = pairedTargets({ workloads: [swept] }, cells, measured, { cores: 2, margin: 0.1, seed: 1, pairs: 6 });
    expect(target.baselineSpec.warmupSettledMs).toBe(200);
    expect(target.candidateSpec.warmupSettledMs).toBe(420);
  });
});

describe('following the recommendation', () => {
  const { options, waiting, cells, measured } = asyncLevels;
  const sweep = [cell('sequential', 1, 100), cell('async', 2, 187), cell('async', 4, 190)].map(waiting);
  const pairedAt = (speedup: number): NonNullable<CellResult['paired']> => ({ speedup, ci95: [speedup * 0.96, speedup * 1.04], rounds: 1, pairs: 6, spread: 0.03 });

  it('pairs the cell the recommendation moved to when the pairing of the chosen level took it away', () => {
    // The sweep chose async 2 (within half the level band of async 4); paired, it read x1.30.
    expect(pairedChoices(analyzeWorkload('w', 'node', sweep, { cores: 2 })).get('async')?.concurrency).toBe(2);
    const now = analyzeWorkload('w', 'node', [sweep[0], { ...sweep[1], paired: pairedAt(1.3) }, sweep[2]], { cores: 2 });
    expect(now.recommendation).toMatchObject({ model: 'async', concurrency: 4 });
    const soFar = new Map([[cellKey('w', 'async', 2), [{}]]]);
    const next = followUpTarget(now, cells, measured, soFar, options);
    expect(next?.candidate.key).toBe(cellKey('w', 'async', 4));
    expect(next?.baseline.model).toBe('sequential');
    // Once it has a round of its own, nothing follows.
    expect(followUpTarget(now, cells, measured, new Map([...soFar, [cellKey('w', 'async', 4), [{}]]]), options)).toBeUndefined();
  });

  it('adds nothing while the recommendation stays on a paired cell', () => {
    const now = analyzeWorkload('w', 'node', [sweep[0], { ...sweep[1], paired: pairedAt(1.9) }, sweep[2]], { cores: 2 });
    expect(now.recommendation).toMatchObject({ model: 'async', concurrency: 2 });
    expect(followUpTarget(now, cells, measured, new Map([[cellKey('w', 'async', 2), [{}]]]), options)).toBeUndefined();
  });

  it('pairs a pool level that could still overturn "sequential" after the chosen level paired low, once planned no more', () => {
    const config: WorkloadConfig = { ...workloadConfig(['sequential', 'process']), concurrency: { sequential: [1], async: [2], thread: [2], process: [2, 4], 'thread+async': [4], 'process+async': [4] } };
    const poolCells: Cell[] = [
      { workload: config, model: 'sequential', concurrency: 1, key: cellKey('w', 'sequential', 1) },
      ...[2, 4].map((c): Cell => ({ workload: config, model: 'process', concurrency: c, key: cellKey('w', 'process', c) })),
    ];
    // process 2 x1.75 in the sweep; process 4 around x1.5 with batches from x0.9 to x2.25 (too imprecise to stand alone).
    const wide = (c: CellResult): CellResult => {
      const batchThroughputs = [0.6, 1.5, 0.8, 1.3, 0.7, 1.4, 1, 1].map((f) => c.throughput.median * f);
      return { ...c, batchThroughputs, samples: batchThroughputs.length, batchesPerRound: [4, 4] };
    };
    const sweep = [cell('sequential', 1, 100), cell('process', 2, 175), wide(cell('process', 4, 150))];
    expect(pairedChoices(analyzeWorkload('w', 'node', sweep, { cores: 2 })).get('process')?.concurrency).toBe(2);
    // Paired, process 2 read x1.05: sequential stands, and process 4 now speaks for the model.
    const now = analyzeWorkload('w', 'node', [sweep[0], { ...sweep[1], paired: pairedAt(1.05) }, sweep[2]], { cores: 2 });
    expect(now.recommendation?.model).toBe('sequential');
    const soFar = new Map([[cellKey('w', 'process', 2), [{}]]]);
    expect(followUpTarget(now, poolCells, measured, soFar, options)?.candidate.key).toBe(cellKey('w', 'process', 4));
    // Planned already (waiting in the round, or measured): nothing more.
    expect(followUpTarget(now, poolCells, measured, new Map([...soFar, [cellKey('w', 'process', 4), []]]), options)).toBeUndefined();
  });

  it('measures a pool again at once while its paired rounds read faster by the margin and `sequential` still stands, up to AGAIN_UNTIL_ROUNDS rounds', () => {
    const config: WorkloadConfig = { ...workloadConfig(['sequential', 'process']), concurrency: { sequential: [1], async: [2], thread: [2], process: [2], 'thread+async': [4], 'process+async': [4] } };
    const poolCells: Cell[] = [
      { workload: config, model: 'sequential', concurrency: 1, key: cellKey('w', 'sequential', 1) },
      { workload: config, model: 'process', concurrency: 2, key: cellKey('w', 'process', 2) },
    ];
    const key = cellKey('w', 'process', 2);
    // Paired once at x1.29, interval x1.01-1.61: not shown to beat sequential by the margin.
    const onceAt = (speedup: number) => ({ speedup, ci95: [speedup * 0.78, speedup * 1.25] as [number, number], rounds: 1, pairs: 6, spread: 0.2 });
    const now = (speedup: number) => analyzeWorkload('w', 'node', [cell('sequential', 1, 100), { ...cell('process', 2, 170), paired: onceAt(speedup) }], { cores: 2 });
    expect(now(1.29).recommendation?.model).toBe('sequential');
    const next = followUpTarget(now(1.29), poolCells, measured, new Map([[key, [{}]]]), options);
    expect(next).toMatchObject({ again: true });
    expect(next?.candidate.key).toBe(key);
    // After its second round, again; after its third, or when its rounds read within the margin: nothing.
    expect(followUpTarget(now(1.29), poolCells, measured, new Map([[key, [{}, {}]]]), options)).toMatchObject({ again: true });
    expect(followUpTarget(now(1.29), poolCells, measured, new Map([[key, [{}, {}, {}]]]), options)).toBeUndefined();
    expect(followUpTarget(now(1.05), poolCells, measured, new Map([[key, [{}]]]), options)).toBeUndefined();
  });
});

describe('the priority of a pairing still waiting', () => {
  const options = { cores: 2, margin: 0.1, seed: 1 };
  const config: WorkloadConfig = workloadConfig(['sequential', 'thread', 'process']);
  const poolCells: Cell[] = (['sequential', 'thread', 'process'] as const).map((model) => {
    const concurrency = model === 'sequential' ? 1 : 2;
    return { workload: config, model, concurrency, key: cellKey('w', model, concurrency) };
  });
  const measured: Measured = { visits: new Map(), skipped: new Map(), allowanceMs: 0, spec: (c) => visitSpec(c, 0), costMs: () => 1000 };
  // A parser measured cold: both pools around x1.4 with batches from x0.8 to x2.1 (too imprecise to stand alone).
  const wide = (c: CellResult): CellResult => {
    const batchThroughputs = [0.6, 1.5, 0.8, 1.3, 0.7, 1.4, 1, 1].map((f) => c.throughput.median * f);
    return { ...c, batchThroughputs, samples: batchThroughputs.length, batchesPerRound: [4, 4] };
  };
  const sweep = [cell('sequential', 1, 100), wide(cell('thread', 2, 140)), wide(cell('process', 2, 138))];
  const [thread, process] = [poolCells[1].key, poolCells[2].key];

  it('follows the answer: a pairing that takes it off `sequential` lowers the other pool, which can no longer overturn that', () => {
    const swept = analyzeWorkload('w', 'node', sweep, { cores: 2 });
    expect(swept.recommendation?.model).toBe('sequential');
    expect(pairedTargets({ workloads: [swept] }, poolCells, measured, options).map((t) => t.priority)).toEqual([PRIORITY.overturn, PRIORITY.overturn]);
    // thread 2 paired at x1.70 (x1.50-1.90): the answer is thread 2, and process 2 only contests it.
    const now = analyzeWorkload('w', 'node', [sweep[0], { ...sweep[1], paired: { speedup: 1.7, ci95: [1.5, 1.9], rounds: 1, pairs: 6, spread: 0.05 } }, sweep[2]], { cores: 2 });
    expect(now.recommendation).toMatchObject({ model: 'thread', concurrency: 2 });
    const moved = waitingPriorities(now, poolCells, measured, new Map([[thread, [{}]], [process, []]]), options);
    expect(moved.map((t) => [t.candidate.key, t.priority])).toEqual([[process, PRIORITY.contested]]);
  });

  it('returns only pairings planned and not yet measured', () => {
    const now = analyzeWorkload('w', 'node', [sweep[0], { ...sweep[1], paired: { speedup: 1.05, ci95: [0.95, 1.15], rounds: 1, pairs: 6, spread: 0.05 } }, sweep[2]], { cores: 2 });
    expect(now.recommendation?.model).toBe('sequential');
    // process 2 waiting: still able to overturn `sequential`.
    expect(waitingPriorities(now, poolCells, measured, new Map([[thread, [{}]], [process, []]]), options).map((t) => [t.candidate.key, t.priority])).toEqual([[process, PRIORITY.overturn]]);
    // Measured, or never planned: nothing.
    expect(waitingPriorities(now, poolCells, measured, new Map([[thread, [{}]], [process, [{}]]]), options)).toEqual([]);
    expect(waitingPriorities(now, poolCells, measured, new Map([[thread, [{}]]]), options)).toEqual([]);
  });
});
