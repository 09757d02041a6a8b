import { describe, expect, it } from 'vitest';
import { describePlan, extendLooks, FIRST_PLAN_ROUNDS, firstLooks, MAX_PLANNED_ROUNDS, plannedRounds, planRounds, replanAtLook, wantedRounds } from '../../src/measure/round-plan.ts';

const rule = { threshold: 0.05, noiseFloor: 0.01, alpha: 0.05 };
const pilot = (spread: number) => [spread, -spread, 0]; // sd = spread

describe('the plan of the paired rounds', () => {
  it('gives each workload the rounds its noise needs when the budget allows, and reserves the descriptive rounds', () => {
    const plan = planRounds([{ workload: 'quiet', d: pilot(0.02), roundMs: 1000 }, { workload: 'noisy', d: pilot(0.04), roundMs: 1000 }], [500, 500], 600_000, rule);
    const [quiet, noisy] = plan.workloads;
    expect(quiet.planned).toBe(quiet.wanted);
    expect(noisy.planned).toBe(noisy.wanted);
    expect(noisy.wanted).toBeGreaterThan(quiet.wanted);
    expect(plan.descriptiveRounds).toBe(3);
    expect(plan.capped).toBe(false);
    expect(plan.estimatedMs).toBe((quiet.planned - 3 + noisy.planned - 3) * 1000 + 2 * 3 * 500);
    expect(describePlan(plan, 0.05)).toEqual([
      `plan: 2 workloads, quiet ${quiet.planned}, noisy ${noisy.planned} rounds, about ${Math.round(plan.estimatedMs / 1000)} s more, to detect 5.0% at 95% power; 2 other cells 3 rounds each (not gating)`,
    ]);
  });

  it('under a tight budget drops the descriptive rounds first, then cuts every workload by the same fraction, and says what is out of reach', () => {
    const inputs = [{ workload: 'a', d: pilot(0.04), roundMs: 1000 }, { workload: 'b', d: pilot(0.04), roundMs: 1000 }];
    const roomy = planRounds(inputs, [], 1e9, rule);
    const tight = planRounds(inputs, [1000], 10_000, rule);
    expect(tight.descriptiveRounds).toBe(0);
    expect(tight.capped).toBe(true);
    expect(tight.estimatedMs).toBeLessThanOrEqual(10_000);
    expect(tight.workloads.map((w) => w.planned)).toEqual([8, 8]);
    expect(tight.workloads[0].detectable!).toBeGreaterThan(0.05);
    expect(tight.workloads[0].wanted).toBe(roomy.workloads[0].wanted);
    const lines = describePlan(tight, 0.05);
    expect(lines[0]).toMatch(/^plan: 2 workloads, 8 rounds each, about 10 s more, .*; no rounds left for the 1 other cell$/);
    expect(lines[1]).toMatch(/^ {2}a: 5\.0% is out of reach: it needs \d+ rounds at 4\.8% per round, the budget pays for 8; smallest change it can flag: \d+\.\d%$/);
  });

  it('never plans more than the ceiling, and says so', () => {
    const plan = planRounds([{ workload: 'wild', d: pilot(0.3), roundMs: 10 }], [], 1e9, rule);
    expect(plan.workloads[0].planned).toBe(MAX_PLANNED_ROUNDS);
    expect(plan.workloads[0].wanted).toBe(MAX_PLANNED_ROUNDS + 1);
    expect(describePlan(plan, 0.05)[1]).toContain(`more than ${MAX_PLANNED_ROUNDS} rounds`);
  });
});

describe('re-planning a gate at its looks', () => {
  const alphaEach = rule.alpha / 4;
  const d = (values: number[]) => values.map((v) => Math.log(1 + v));
  const quiet = d([0.004, -0.006, 0.01, -0.002, 0.007, -0.009, 0.001, -0.004, 0.006]);

  it('runs the looks of a plan made from the first look to FIRST_PLAN_ROUNDS, so that ten rounds re-plan it', () => {
    expect(firstLooks(MAX_PLANNED_ROUNDS)).toEqual([3, 10, 15, 20]);
    expect(FIRST_PLAN_ROUNDS).toBe(20);
    expect(firstLooks(7)).toEqual([3, 4, 6, 7]);
    // A wild round among the first three: the plan printed says what they ask for, the looks stop at 20.
    const pilot = d([0.001, 0.02, -0.103]);
    const next = replanAtLook(firstLooks(MAX_PLANNED_ROUNDS), pilot, rule, alphaEach);
    expect(next.wanted).toBe(MAX_PLANNED_ROUNDS + 1);
    expect(next.planned).toBe(FIRST_PLAN_ROUNDS);
    expect(next.looks).toEqual([3, 10, 15, 20]);
    expect(plannedRounds(MAX_PLANNED_ROUNDS + 1, 10)).toBe(MAX_PLANNED_ROUNDS);
  });

  it('shrinks the plan when the rounds so far ask for fewer: the look at hand is the last when they are enough', () => {
    const wild = [...quiet.slice(0, 2), Math.log(0.9), ...quiet.slice(2)];
    const next = replanAtLook([3, 10, 30, 45, 60], wild, rule, alphaEach);
    expect(next.planned).toBe(10);
    expect(next.looks).toEqual([3, 10]);
    // Fewer than it has, more than the look at hand: the later looks are re-spaced to the new total.
    expect(extendLooks([3, 4, 11, 17, 22], 11, 14)).toEqual([3, 4, 11, 14]);
    expect(extendLooks([3, 30, 45, 60], 30, 30)).toEqual([3, 30]);
  });

  it('leaves growing to the loop (it pays for it from spare time)', () => {
    const noisy = d([0.03, -0.04, 0.05, -0.02, 0.01, -0.05, 0.04]);
    const next = replanAtLook([3, 4, 6, 7], noisy, rule, alphaEach);
    expect(next.planned).toBeGreaterThan(7);
    expect(next.looks).toEqual([3, 4, 6, 7]);
    expect(next.wanted).toBe(wantedRounds(noisy, rule, alphaEach).wanted);
  });
});
