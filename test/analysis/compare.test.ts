import { describe, expect, it } from 'vitest';
import { recommendationChanges } from '../../src/analysis/recommendation-changes.ts';
import {
  COMPARE_DEFAULTS,
  analyzeCompare,
  analyzeComparisons,
  comparisonSeed,
  decideVerdict,
  detectableChange,
  orderComparisons,
  summarizeNoise,
  type ComparisonInput,
  type PairedRound,
} from '../../src/analysis/compare.ts';
import type { CompareSettings } from '../../src/results/compare.ts';
import { mulberry32 } from '../../src/stats/rng.ts';
import { studentTQuantile } from '../../src/stats/student-t.ts';
import type { WorkloadResult } from '../../src/results/run.ts';

const rule = { threshold: 0.05, noiseFloor: 0.01 };
const settings: CompareSettings = {
  ...COMPARE_DEFAULTS,
  timeBudgetSeconds: 60,
  config: 'c.json',
};

describe('decideVerdict', () => {
  it('flags a regression only when the Holm interval clears the floor and reaches the threshold', () => {
    expect(decideVerdict([-0.08, -0.02], [-0.09, -0.015], rule)).toBe('regression');
    // Clears the floor but a 5% slowdown is implausible: a small real slowdown is "unchanged".
    expect(decideVerdict([-0.04, -0.02], [-0.045, -0.015], rule)).toBe('unchanged');
    // Reaches the threshold but touches the floor: more rounds needed.
    expect(decideVerdict([-0.08, 0.0], [-0.09, -0.005], rule)).toBe('inconclusive');
  });
  it('mirrors for improvements and needs the 95% interval inside +-threshold for unchanged', () => {
    expect(decideVerdict([0.03, 0.09], [0.02, 0.1], rule)).toBe('improvement');
    expect(decideVerdict([-0.02, 0.03], [-0.06, 0.07], rule)).toBe('unchanged');
    expect(decideVerdict([-0.06, 0.03], [-0.07, 0.04], rule)).toBe('inconclusive');
    expect(decideVerdict([Number.NaN, 0], [0, 0], rule)).toBe('inconclusive');
  });
  it('judges reaching the threshold to half the floor, as the gate does', () => {
    // 4.5% less throughput (4.7% longer per task), measured precisely: within half the floor of 5%.
    expect(decideVerdict([-0.046, -0.044], [-0.047, -0.043], rule)).toBe('regression');
    expect(decideVerdict([0.044, 0.046], [0.043, 0.047], rule)).toBe('improvement');
    // 4.0%: inside the threshold by more than that.
    expect(decideVerdict([-0.041, -0.039], [-0.042, -0.038], rule)).toBe('unchanged');
  });
  it('reduces to "whole interval below -threshold" when the floor equals the threshold', () => {
    const strict = { threshold: 0.05, noiseFloor: 0.05 };
    expect(decideVerdict([-0.09, -0.06], [-0.1, -0.055], strict)).toBe('regression');
    expect(decideVerdict([-0.09, -0.04], [-0.1, -0.045], strict)).toBe('inconclusive');
  });
  it('computes the smallest detectable change from the interval width', () => {
    // In log-ratios, h the half-width: expm1(max(ln 1.01 + h, ln 1.05 - h)), a size in time per task.
    const h = (ci: [number, number]) => (Math.log1p(ci[1]) - Math.log1p(ci[0])) / 2;
    expect(detectableChange([-0.02, 0.02], rule)).toBeCloseTo(Math.expm1(Math.log(1.01) + h([-0.02, 0.02])), 12);
    expect(detectableChange([-0.02, 0.02], rule)).toBeCloseTo(0.0304, 4);
    expect(detectableChange([-0.06, 0.06], rule)).toBeCloseTo(0.0725, 4);
    // A very precise interval flags changes within half the floor of the threshold, and nothing smaller.
    expect(detectableChange([-0.001, 0.001], rule)).toBeCloseTo(Math.expm1(Math.log(1.05) - Math.log(1.01) / 2), 12);
    expect(detectableChange([-0.001, 0.001], rule)).toBeCloseTo(0.0448, 4);
  });
});

function rounds(n: number, ratio: number, noise: number, seed: number): PairedRound[] {
  const random = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: n }, () => {
    const drift = 1000 * Math.exp(0.1 * gauss()); // machine drift shared by both sides of a round
    return {
      base: drift * Math.exp(noise * gauss()),
      head: drift * ratio * Math.exp(noise * gauss()),
      basePeakRssBytes: 50e6,
      headPeakRssBytes: 50e6 * (ratio < 0.9 ? 1.5 : 1),
    };
  });
}

describe('analyzeComparisons', () => {
  const inputs: ComparisonInput[] = [
    { workload: 'hash', model: 'thread', concurrency: 2, roles: ['best'], rounds: rounds(20, 0.85, 0.01, 1) },
    { workload: 'hash', model: 'sequential', concurrency: 1, roles: ['best'], rounds: rounds(20, 1, 0.01, 2) },
    { workload: 'io', model: 'async', concurrency: 8, roles: ['best', 'recommended'], rounds: rounds(20, 1.2, 0.01, 3) },
    { workload: 'io', model: 'process', concurrency: 2, roles: ['best'], error: 'task threw: boom' },
  ];
  const out = analyzeComparisons(inputs, settings);
  it('finds the injected regression and improvement, pairing away the shared drift', () => {
    expect(out.map((c) => c.verdict)).toEqual(['regression', 'unchanged', 'improvement', 'inconclusive']);
    expect(out[0].change).toBeGreaterThan(-0.17);
    expect(out[0].change).toBeLessThan(-0.13);
    expect(out[0].ci95![0]).toBeLessThan(out[0].change!);
    expect(out[0].ci95![1]).toBeGreaterThan(out[0].change!);
    // Holm widens: three comparisons in the family, so the level is above 95%.
    expect(out[0].holmLevel).toBeGreaterThan(0.95);
    expect(out[0].holmCi![0]).toBeLessThanOrEqual(out[0].ci95![0]);
    expect(out[0].rounds).toBe(20);
    expect(out[0].memoryGrowth).toBe(true);
    expect(out[0].memoryChange).toBeCloseTo(0.5, 12);
    expect(out[1].memoryGrowth).toBe(false);
    expect(out[3].error).toBe('task threw: boom');
    expect(out[3].rounds).toBe(0);
  });
  it('is deterministic for the same inputs and seed', () => {
    expect(analyzeComparisons(inputs, settings)).toEqual(out);
    expect(comparisonSeed(1, 'a')).toBe(comparisonSeed(1, 'a'));
    expect(comparisonSeed(1, 'a')).not.toBe(comparisonSeed(2, 'a'));
  });
  it('cannot decide on a single round', () => {
    const [one] = analyzeComparisons([{ ...inputs[0], rounds: inputs[0].rounds!.slice(0, 1) }], settings);
    expect(one.verdict).toBe('inconclusive');
    expect(one.detectableChange).toBeNull();
    // An estimate, but no zero-width interval pretending to be one.
    expect(one.change).not.toBeNull();
    expect(one.ci95).toBeNull();
    expect(one.holmCi).toBeNull();
  });
  it('orders regressions first, then workloads as declared, cheap models first', () => {
    const ordered = orderComparisons(out, ['io', 'hash']);
    expect(ordered.map((c) => `${c.workload}/${c.model}`)).toEqual(['hash/thread', 'io/async', 'io/process', 'hash/sequential']);
  });
  it('summarises the machine noise', () => {
    const noise = summarizeNoise(out);
    expect(noise.roundSpread).toBeGreaterThan(0.005);
    expect(noise.roundSpread).toBeLessThan(0.03);
    // Quiet rounds: a change a little under the threshold could already be flagged (max(floor + h, threshold - h)).
    expect(noise.detectableChange).toBeGreaterThan(0.03);
    expect(noise.detectableChange).toBeLessThan(0.05);
  });
  it('compares stored batch throughputs in unpaired mode', () => {
    const [c] = analyzeComparisons(
      [{ workload: 'w', model: 'thread', concurrency: 2, roles: ['best'], unpaired: { base: [100, 101, 99, 100, 102, 98], head: [70, 71, 69, 70, 72, 68] } }],
      settings,
    );
    expect(c.verdict).toBe('regression');
    expect(c.change).toBeCloseTo(-0.3, 12);
  });
});

describe('recommendationChanges', () => {
  const w = (name: string, model: 'thread' | 'async' | null, concurrency = 2): WorkloadResult => ({
    name,
    runtime: 'node',
    status: model ? 'ok' : 'failed',
    classification: null,
    sequentialCpuUtilization: null,
    recommendation: model ? { model, concurrency, speedup: 2, reason: '', confidence: 'high', withinNoise: [] } : null,
    cells: [],
  });
  it('lists workloads whose recommended model or concurrency changed, including ones on one side only', () => {
    expect(recommendationChanges([w('a', 'thread'), w('b', 'thread'), w('c', 'thread', 2), w('gone', 'async')], [w('a', 'thread'), w('b', 'async', 8), w('c', 'thread', 4), w('new', null)])).toEqual([
      { workload: 'b', base: { model: 'thread', concurrency: 2 }, head: { model: 'async', concurrency: 8 } },
      { workload: 'c', base: { model: 'thread', concurrency: 2 }, head: { model: 'thread', concurrency: 4 } },
      { workload: 'gone', base: { model: 'async', concurrency: 2 }, head: null },
    ]);
  });
});

describe('recommendationChanges within noise', () => {
  const cell = (model: 'thread' | 'async', concurrency: number, center: number) => ({
    model,
    concurrency,
    status: 'ok' as const,
    samples: 6,
    rounds: 3,
    throughput: { median: center, ci95: [center * 0.97, center * 1.03] as [number, number] },
    latencyMs: { p50: 1, p99: 2 },
    cpuUtilization: 1,
    peakRssBytes: 1,
    startupMs: 1,
    speedup: null,
    batchThroughputs: [1, 1.03, 0.98, 1.01, 0.97, 1.02].map((j) => center * j),
    batchesPerRound: [2, 2, 2],
  });
  const w = (model: 'thread' | 'async', concurrency: number, cells: ReturnType<typeof cell>[]): WorkloadResult => ({
    name: 'w',
    runtime: 'node',
    status: 'ok',
    classification: 'cpu-bound',
    sequentialCpuUtilization: 1,
    recommendation: { model, concurrency, speedup: 2, reason: '', confidence: 'low', withinNoise: [] },
    cells,
  });
  it("is not a change when head's own cells cannot tell the two picks apart", () => {
    const cells = [cell('thread', 2, 300), cell('thread', 4, 305)];
    expect(recommendationChanges([w('thread', 2, cells)], [w('thread', 4, cells)])).toEqual([]);
  });
  it('is a change when each tree measured its own pick clearly beyond the other', () => {
    const before = [cell('thread', 2, 300), cell('async', 16, 150)];
    const after = [cell('thread', 2, 300), cell('async', 16, 3000)];
    expect(recommendationChanges([w('thread', 2, before)], [w('async', 16, after)])).toEqual([
      { workload: 'w', base: { model: 'thread', concurrency: 2 }, head: { model: 'async', concurrency: 16 } },
    ]);
    // Base could not tell the two apart: the flip may be base's noise, so it is not reported.
    expect(recommendationChanges([w('thread', 2, [cell('thread', 2, 300), cell('async', 16, 310)])], [w('async', 16, after)])).toEqual([]);
  });
});

describe('metrics and small-sample intervals', () => {
  // Rounds of a 15% slowdown on a shared VM: wall-clock throughput loses 0-50% of either visit to
  // steal (one-sided, independent per visit), CPU time per task only wobbles by 1%.
  function stolenRounds(n: number, seed: number): PairedRound[] {
    const random = mulberry32(seed);
    return Array.from({ length: n }, () => {
      const baseCpu = 200 * (1 + 0.01 * (random() - 0.5));
      const headCpu = 0.85 * 200 * (1 + 0.01 * (random() - 0.5));
      return { base: baseCpu * (1 - 0.5 * random()), head: headCpu * (1 - 0.5 * random()), baseCpuRate: baseCpu, headCpuRate: headCpu };
    });
  }
  const cell = { workload: 'hash', model: 'sequential' as const, concurrency: 1, roles: ['best' as const] };

  it('decides on CPU time per task where wall-clock throughput drowns in steal', () => {
    const data = stolenRounds(6, 5);
    const [cpu] = analyzeComparisons([{ ...cell, metric: 'cpu-time', rounds: data }], settings);
    const [wall] = analyzeComparisons([{ ...cell, metric: 'throughput', rounds: data }], settings);
    expect(cpu.metric).toBe('cpu-time');
    expect(cpu.verdict).toBe('regression');
    expect(cpu.change).toBeCloseTo(-0.15, 2);
    expect(wall.metric).toBe('throughput');
    expect(wall.verdict).toBe('inconclusive');
    // The sides are reported as wall-clock throughput whatever the metric.
    expect(cpu.base.throughput).toBe(wall.base.throughput);
  });

  it('can decide with six rounds (Student t), but never wider than the data allow', () => {
    // Six quiet rounds: a rank interval could not reach the claim level (2 / 2^6 > 0.05 / 8); t can.
    const quiet = rounds(6, 0.85, 0.01, 9);
    const [c] = analyzeComparisons([{ ...cell, rounds: quiet }], settings);
    expect(c.verdict).toBe('regression');
    // The claim interval contains the t interval of the mean log-ratio at the claim level.
    const d = quiet.map((r) => Math.log(r.head / r.base));
    const mean = d.reduce((s, x) => s + x, 0) / d.length;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
    const t = studentTQuantile(1 - (1 - c.holmLevel) / 2, d.length - 1);
    expect(c.holmCi![0]).toBeLessThanOrEqual(Math.expm1(mean - (t * sd) / Math.sqrt(d.length)) + 1e-12);
    expect(c.holmCi![1]).toBeGreaterThanOrEqual(Math.expm1(mean + (t * sd) / Math.sqrt(d.length)) - 1e-12);
    // Two noisy rounds claim nothing at a strict level (one degree of freedom: t is 90 at 0.7%).
    const [two] = analyzeComparisons([{ ...cell, rounds: rounds(2, 0.85, 0.05, 9) }], { ...settings, alpha: 0.05 / 7 });
    expect(two.verdict).toBe('inconclusive');
  });
});

describe('one gate per workload', () => {
  const cells = (ratio: number, seed: number, noise = 0.02): ComparisonInput[] =>
    (['sequential', 'async', 'thread', 'process'] as const).map((model, i) => ({
      workload: 'hash',
      model,
      concurrency: i === 0 ? 1 : 2,
      roles: ['best'],
      rounds: rounds(i === 0 ? 9 : 3, ratio, noise, seed * 10 + i),
      ...(i === 0 ? { primary: true, looks: [3, 5, 7, 9], ended: false } : {}),
    }));

  it('decides the workload on its primary comparison; the other cells describe and do not gate', () => {
    const { comparisons, workloadChanges } = analyzeCompare(cells(0.9, 1), settings);
    expect(workloadChanges).toHaveLength(1);
    expect(workloadChanges[0]).toMatchObject({ workload: 'hash', model: 'sequential', concurrency: 1, cells: 1, verdict: 'regression', rounds: 9 });
    expect(workloadChanges[0].change!).toBeCloseTo(-0.1, 1);
    expect(comparisons.map((c) => c.gating)).toEqual([true, false, false, false]);
    // A descriptive cell is judged on its own 95% interval, with no family-wise widening.
    expect(comparisons.filter((c) => !c.gating).every((c) => c.holmLevel === 0.95)).toBe(true);
    expect(comparisons[0].verdict).toBe(workloadChanges[0].verdict);
  });

  it('a slowdown of one model only shows in its descriptive cell, and the workload stays unchanged', () => {
    const inputs = cells(1, 2, 0.01);
    inputs[2] = { ...inputs[2], rounds: rounds(3, 0.8, 0.01, 77) };
    const { comparisons, workloadChanges } = analyzeCompare(inputs, settings);
    expect(workloadChanges[0].verdict).toBe('unchanged');
    const thread = comparisons.find((c) => c.model === 'thread')!;
    expect(thread).toMatchObject({ gating: false, verdict: 'regression' });
    expect(thread.change!).toBeLessThan(-0.15);
  });

  it('a primary that failed or has too few rounds is not decided, and says why', () => {
    const inputs = cells(1, 3);
    const failed = analyzeCompare([{ ...inputs[0], error: 'head: errored: boom' }], settings).workloadChanges[0];
    expect(failed).toMatchObject({ verdict: 'inconclusive', error: 'head: errored: boom', change: null, ci95: null });
    const short = analyzeCompare([{ ...inputs[0], rounds: inputs[0].rounds!.slice(0, 2), ended: true }], settings).workloadChanges[0];
    expect(short).toMatchObject({ verdict: 'inconclusive', ci95: null, rounds: 2 });
  });
});
