import { describe, expect, it } from 'vitest';
import { pairedSpeedup } from '../../src/stats/paired-speedup.ts';
import type { BatchSample } from '../../src/types.ts';

const batch = (tasksPerMs: number): BatchSample => ({ wallMs: 10, tasks: tasksPerMs * 10, cpuMs: 10, latenciesMs: [] });

describe('pairedSpeedup', () => {
  it('is the median ratio of neighbouring batches, whatever the hosts ran at', () => {
    // Round 1 on a slow CPU, round 2 on a fast one: both say x2.
    const rounds = [
      { baseline: [batch(1), batch(1.1), batch(0.9)], candidate: [batch(2), batch(2.2), batch(1.8)] },
      { baseline: [batch(3), batch(3.3)], candidate: [batch(6), batch(6.6)] },
    ];
    const estimate = pairedSpeedup(rounds)!;
    expect(estimate.speedup).toBeCloseTo(2, 6);
    expect(estimate.ci95[0]).toBeCloseTo(2, 6);
    expect(estimate).toMatchObject({ rounds: 2, pairs: 5 });
  });

  it('is not dragged down by a pool batch that stalled', () => {
    // Six pairs at x2, one whose candidate batch stalled to a third of its rate: the median stays x2
    // (a mean of the log-ratios would read x1.71).
    const rounds = [{ baseline: Array.from({ length: 7 }, () => batch(1)), candidate: [2, 2, 2, 2, 2, 2, 0.66].map(batch) }];
    expect(pairedSpeedup(rounds, { seed: 3 })!.speedup).toBeCloseTo(2, 6);
  });

  it('widens with the spread between rounds, and is undefined without pairs', () => {
    const rounds = [1.5, 1.9, 1.7, 2.1].map((r) => ({ baseline: [batch(1), batch(1)], candidate: [batch(r), batch(r * 1.01)] }));
    const estimate = pairedSpeedup(rounds, { seed: 2 })!;
    expect(estimate.ci95[0]).toBeLessThan(estimate.speedup);
    expect(estimate.ci95[1]).toBeGreaterThan(estimate.speedup);
    expect(estimate.ci95[0]).toBeGreaterThan(1.4);
    expect(estimate.ci95[1]).toBeLessThan(2.2);
    expect(pairedSpeedup([])).toBeUndefined();
  });
});
