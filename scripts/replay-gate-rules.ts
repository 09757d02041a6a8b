/**
 * Replays compare's regression gate under alternative rules: on the real round sequences of saved
 * compares (`replay`), and on simulated rounds, Gaussian or with occasional wild rounds (`sim`,
 * `sweep`, `floor`, `far`, `near`).
 *
 *   npm run bench:gate-rules -- replay [file|dir]   (default: scripts/fixtures/gate-rounds/node-examples-aa.json; TRACE=2,5 prints the looks of those compares' tiny-task)
 *   npm run bench:gate-rules -- sim [trials] [name]      (the guarantees, Gaussian and contaminated; about 6 min)
 *   npm run bench:gate-rules -- sweep [trials]           (detection at the threshold and claims at the floor over spreads)
 *   npm run bench:gate-rules -- floor|far [trials]       (claims at the floor at large spreads)
 *   npm run bench:gate-rules -- near [trials]            (precise slowdowns a little inside the threshold; the floor)
 *   VARIANTS=current,src,...  picks the rules (default current,src); FIRST_PLAN_CAP sets b, c, d's cap (default 20)
 *
 * The loop mirrors measure/paired-rounds.ts step 3 without its time budget: the first look's rounds,
 * a plan from their spread, at each look a re-plan, a stop when decided at a look or planned out.
 * Rules:
 * - current: the mean (Student's t); the plan only grows (what compare did before);
 * - a: the plan may also shrink at a look to the re-planned rounds (the look at hand is final when
 *   those are no more than the rounds so far);
 * - b: Yuen's 20% trimmed mean for the decision and the plan's spread, and a plan made from the
 *   first look's three rounds (nothing trimmed yet) capped at FIRST_PLAN_CAP; c: a + b; d: a + the cap;
 * - b10, c10: b and c trimming 10%; c-nocap, c-cap12, c10-cap12: other caps;
 * - src: what src/ does now (firstLooks, replanAtLook and the gate's default trim: c10).
 * A gate the real data runs out of for a rule ends there, marked `+` (it wanted more rounds).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { decideGates, FIRST_LOOK, type GateInput } from '../src/analysis/gate.ts';
import type { Verdict } from '../src/results/compare.ts';
import { extendLooks, firstLooks, MAX_PLANNED_ROUNDS, planRounds, replanAtLook, wantedRounds } from '../src/measure/round-plan.ts';
import { lookSchedule } from '../src/stats/sequential.ts';
import { mulberry32 } from '../src/stats/rng.ts';

const rule = { threshold: 0.05, noiseFloor: 0.01, alpha: 0.05 };

interface Variant {
  name: string;
  /** Re-plan with the production helpers (firstLooks, replanAtLook, the default trim) instead of the flags below. */
  production?: boolean;
  shrink: boolean;
  /** Fraction of rounds trimmed at each end (Yuen); 0: the mean. */
  trim: number;
  /** Most rounds a plan made from the first look's rounds alone may have (null: MAX_PLANNED_ROUNDS). */
  firstPlanCap: number | null;
}

const cap = Number(process.env.FIRST_PLAN_CAP ?? 20);
const ALL: Variant[] = [
  { name: 'current', shrink: false, trim: 0, firstPlanCap: null },
  { name: 'a', shrink: true, trim: 0, firstPlanCap: null },
  { name: 'b', shrink: false, trim: 0.2, firstPlanCap: cap },
  { name: 'c', shrink: true, trim: 0.2, firstPlanCap: cap },
  { name: 'd', shrink: true, trim: 0, firstPlanCap: cap },
  { name: 'b10', shrink: false, trim: 0.1, firstPlanCap: cap },
  { name: 'c10', shrink: true, trim: 0.1, firstPlanCap: cap },
  { name: 'c-nocap', shrink: true, trim: 0.2, firstPlanCap: null },
  { name: 'c-cap12', shrink: true, trim: 0.2, firstPlanCap: 12 },
  { name: 'c10-cap12', shrink: true, trim: 0.1, firstPlanCap: 12 },
  { name: 'src', production: true, shrink: true, trim: 0.1, firstPlanCap: 20 },
];
const VARIANTS = process.env.VARIANTS ? ALL.filter((v) => process.env.VARIANTS!.split(',').includes(v.name)) : ALL.filter((v) => v.name === 'current' || v.name === 'src');

type Stop = 'decided' | 'planned' | 'exhausted';
interface GateRun {
  rounds: number[];
  verdicts: Verdict[];
  stops: Stop[];
}

/**
 * One compare of `m` workloads under `v`; `next(i)` gives workload i's next round (undefined: no
 * more recorded, the gate ends there as 'exhausted').
 */
function runCompare(m: number, next: (i: number) => number | undefined, v: Variant, trace?: (i: number, line: string) => void): GateRun {
  const r = v.production ? rule : { ...rule, trim: v.trim };
  const alphaEach = rule.alpha / m;
  const d: number[][] = Array.from({ length: m }, () => []);
  const stop: Array<Stop | null> = Array.from({ length: m }, () => null);
  const draw = (i: number) => {
    const x = next(i);
    if (x === undefined) stop[i] = 'exhausted';
    else d[i].push(x);
  };
  for (let k = 0; k < FIRST_LOOK; k++) for (let i = 0; i < m; i++) if (!stop[i]) draw(i);
  const plan = planRounds(d.map((x, i) => ({ workload: `w${i}`, d: x, roundMs: 1000 })), [], 1e9, r);
  const limit = (n: number) => (n <= FIRST_LOOK && v.firstPlanCap !== null ? Math.min(v.firstPlanCap, MAX_PLANNED_ROUNDS) : MAX_PLANNED_ROUNDS);
  const looks = plan.workloads.map((w) => (v.production ? firstLooks(w.planned) : lookSchedule(FIRST_LOOK, Math.min(w.planned, limit(FIRST_LOOK)))));
  const wanted = plan.workloads.map((w) => Math.min(w.wanted, limit(FIRST_LOOK)));
  for (;;) {
    for (let i = 0; i < m; i++) {
      if (stop[i]) continue;
      const n = d[i].length;
      if (v.production && looks[i].includes(n)) {
        // As measure/paired-rounds.ts does (its growth, below, without a budget).
        const next = replanAtLook(looks[i], d[i], r, alphaEach);
        wanted[i] = next.planned;
        looks[i] = next.looks;
      } else if (looks[i].includes(n)) {
        wanted[i] = Math.min(wantedRounds(d[i], r, alphaEach).wanted, limit(n));
        if (v.shrink && wanted[i] < looks[i].at(-1)!) looks[i] = wanted[i] <= n ? looks[i].filter((k) => k <= n) : extendLooks(looks[i], n, wanted[i]);
      }
      if (looks[i].at(-1)! < wanted[i]) looks[i] = extendLooks(looks[i], n, wanted[i]);
      if (trace && looks[i].includes(n)) trace(i, `look ${n}: wanted ${wanted[i]}, looks ${looks[i].join(',')}`);
    }
    const outcomes = decideGates(
      d.map((x, i): GateInput => ({ d: x, looks: looks[i], ended: stop[i] === 'planned' || stop[i] === 'exhausted' })),
      r,
    );
    for (let i = 0; i < m; i++) {
      if (stop[i]) continue;
      if (outcomes[i].atLook && outcomes[i].verdict !== 'inconclusive') stop[i] = 'decided';
      else if (d[i].length >= looks[i].at(-1)!) stop[i] = 'planned';
    }
    const active = d.map((_, i) => i).filter((i) => !stop[i]);
    if (active.length === 0) {
      return { rounds: d.map((x) => x.length), verdicts: outcomes.map((o) => o.verdict), stops: stop as Stop[] };
    }
    for (const i of active) draw(i);
  }
}

// ---------------------------------------------------------------- replay of real compares

interface RealGate {
  compare: number;
  workload: string;
  d: number[];
  rounds: number;
  verdict: Verdict;
}

const FIXTURE = fileURLToPath(new URL('./fixtures/gate-rounds/node-examples-aa.json', import.meta.url));

/**
 * The gates of real compares: the fixture (rounds of ten A/A compares of the Node examples), or a
 * directory of compare results named node-examples-<k>.json (a bench:compare scratch compare.json each).
 */
function loadCompares(source: string): RealGate[][] {
  if (statSync(source).isFile()) {
    const fixture = JSON.parse(readFileSync(source, 'utf8')) as { compares: Array<Array<Omit<RealGate, 'compare'>>> };
    return fixture.compares.map((gates, k) => gates.map((g) => ({ ...g, compare: k })));
  }
  const files = readdirSync(source)
    .filter((f) => /^node-examples-\d+\.json$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return files.map((f) => {
    const j = JSON.parse(readFileSync(join(source, f), 'utf8'));
    const k = Number(f.match(/\d+/)![0]);
    const changes = new Map<string, { rounds: number; verdict: Verdict }>(j.workloadChanges.map((w: { workload: string; rounds: number; verdict: Verdict }) => [w.workload, w]));
    return j.comparisons
      .filter((c: { gating?: boolean }) => c.gating)
      .map((c: { workload: string; roundRates: { base: number[]; head: number[] } }) => ({
        compare: k,
        workload: c.workload,
        d: c.roundRates.base.map((b, i) => Math.log(c.roundRates.head[i] / b)),
        rounds: changes.get(c.workload)!.rounds,
        verdict: changes.get(c.workload)!.verdict,
      }));
  });
}

function replay(dir: string) {
  const compares = loadCompares(dir);
  const runs = VARIANTS.map((v) =>
    compares.map((gates) => {
      const at = gates.map(() => 0);
      const slow = process.env.TRACE?.split(',').includes(String(gates[0].compare));
      const trace = slow ? (i: number, line: string) => gates[i].workload === 'tiny-task' && console.log(`[${v.name} ${gates[i].compare} ${gates[i].workload}] ${line}`) : undefined;
      return runCompare(gates.length, (i) => (at[i] < gates[i].d.length ? gates[i].d[at[i]++] : undefined), v, trace);
    }),
  );
  const cell = (run: GateRun, i: number) => `${run.rounds[i]}${run.stops[i] === 'exhausted' ? '+' : ''} ${run.verdicts[i].slice(0, 5)}`;
  console.log(`first-plan cap of b, c, d: ${cap}`);
  console.log(['compare', 'workload', 'real', ...VARIANTS.map((v) => v.name)].map((s) => s.padEnd(14)).join(''));
  compares.forEach((gates, c) =>
    gates.forEach((g, i) => {
      const cells = runs.map((r) => cell(r[c], i));
      const differs = new Set(cells).size > 1 || cells[0] !== `${g.rounds} ${g.verdict.slice(0, 5)}`;
      console.log([String(g.compare), g.workload, `${g.rounds} ${g.verdict.slice(0, 5)}`, ...cells].map((s) => s.padEnd(14)).join('') + (differs ? ' *' : ''));
    }),
  );
  console.log('\nrounds per compare (sum over its gates)');
  console.log(['compare', 'real', ...VARIANTS.map((v) => v.name)].map((s) => s.padEnd(10)).join(''));
  compares.forEach((gates, c) => {
    const real = gates.reduce((s, g) => s + g.rounds, 0);
    console.log([String(gates[0].compare), String(real), ...runs.map((r) => String(r[c].rounds.reduce((s, x) => s + x, 0)))].map((s) => s.padEnd(10)).join(''));
  });
  const total = (r: GateRun[]) => r.reduce((s, x) => s + x.rounds.reduce((a, b) => a + b, 0), 0);
  console.log(['total', String(compares.flat().reduce((s, g) => s + g.rounds, 0)), ...runs.map((r) => String(total(r)))].map((s) => s.padEnd(10)).join(''));
}

// ---------------------------------------------------------------- simulations

interface Scenario {
  name: string;
  /** True change of each workload, in throughput (1/1.05 - 1: a task 5% longer). */
  changes: number[];
  /** Per-round sd of d per workload. */
  spreads: number[];
  /** Chance a round gets an extra N(0, shock) (contamination). */
  wild: number;
  shock: number;
}

function simulate(s: Scenario, v: Variant, trials: number, seed: number) {
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const m = s.changes.length;
  const tally = s.changes.map(() => ({ regression: 0, improvement: 0, unchanged: 0, inconclusive: 0 }));
  const rounds = s.changes.map(() => [] as number[]);
  for (let t = 0; t < trials; t++) {
    const run = runCompare(m, (i) => Math.log(1 + s.changes[i]) + s.spreads[i] * gaussian() + (random() < s.wild ? s.shock * gaussian() : 0), v);
    run.verdicts.forEach((verdict, i) => tally[i][verdict]++);
    run.rounds.forEach((n, i) => rounds[i].push(n));
  }
  return { tally, rounds };
}

const atThreshold = 1 / (1 + rule.threshold) - 1;
const atFloor = 1 / (1 + rule.noiseFloor) - 1;

function scenarios(wild: number, shock: number): Scenario[] {
  const tag = wild > 0 ? ` +${wild * 100}% wild N(0,${shock * 100}%)` : '';
  return [
    { name: `A/A 4 x 3%${tag}`, changes: [0, 0, 0, 0], spreads: [0.03, 0.03, 0.03, 0.03], wild, shock },
    { name: `A/A 4 x 1%${tag}`, changes: [0, 0, 0, 0], spreads: [0.01, 0.01, 0.01, 0.01], wild, shock },
    { name: `A/A examples-like 0.2/0.7/1.2/0.2%${tag}`, changes: [0, 0, 0, 0], spreads: [0.002, 0.007, 0.012, 0.002], wild, shock },
    { name: `floor 1 x 2.5%${tag}`, changes: [atFloor], spreads: [0.025], wild, shock },
    { name: `floor 1 x 1%${tag}`, changes: [atFloor], spreads: [0.01], wild, shock },
    { name: `threshold 1 x 0.3%${tag}`, changes: [atThreshold], spreads: [0.003], wild, shock },
    { name: `threshold 1 x 1%${tag}`, changes: [atThreshold], spreads: [0.01], wild, shock },
    { name: `threshold 1 x 3%${tag}`, changes: [atThreshold], spreads: [0.03], wild, shock },
    { name: `threshold 1 of 4 x 2.5%${tag}`, changes: [0, atThreshold, 0, 0], spreads: [0.025, 0.025, 0.025, 0.025], wild, shock },
  ];
}

/** Where the margins are thinnest: detection at the threshold and claims at the floor over a range of spreads. */
function sweep(wild: number, shock: number): Scenario[] {
  const tag = wild > 0 ? ` +${wild * 100}% wild N(0,${shock * 100}%)` : '';
  return [
    ...[0.02, 0.03, 0.04, 0.05].map((sd) => ({ name: `threshold 1 x ${sd * 100}%${tag}`, changes: [atThreshold], spreads: [sd], wild, shock })),
    ...[0.04, 0.06].map((sd) => ({ name: `floor 1 x ${sd * 100}%${tag}`, changes: [atFloor], spreads: [sd], wild, shock })),
  ];
}

function sim(trials: number, only?: string, lists: Scenario[] = [...scenarios(0, 0), ...scenarios(0.05, 0.06)]) {
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  const list = lists.filter((s) => !only || s.name.includes(only));
  for (const [k, s] of list.entries()) {
    console.log(`\n${s.name} (${trials} trials)`);
    for (const v of VARIANTS) {
      const started = performance.now();
      const { tally, rounds } = simulate(s, v, trials, 1000 + k);
      const n = trials;
      const changed = s.changes.map((c, i) => (c !== 0 ? i : -1)).filter((i) => i >= 0);
      const nulls = s.changes.map((c, i) => (c === 0 ? i : -1)).filter((i) => i >= 0);
      const parts: string[] = [];
      if (nulls.length) {
        const claims = nulls.reduce((sum, i) => sum + tally[i].regression + tally[i].improvement, 0);
        const unchanged = nulls.reduce((sum, i) => sum + tally[i].unchanged, 0);
        parts.push(`false alarms ${pct(claims / (nulls.length * n))} (${claims}/${nulls.length * n}), unchanged ${pct(unchanged / (nulls.length * n))}`);
      }
      for (const i of changed) {
        const label = s.changes[i] === atFloor ? 'regression at floor' : 'detected';
        parts.push(`${label} ${pct(tally[i].regression / n)}, unchanged ${pct(tally[i].unchanged / n)}, inconclusive ${pct(tally[i].inconclusive / n)}`);
      }
      const all = rounds.flat().sort((a, b) => a - b);
      const perCompare = rounds[0].map((_, t) => rounds.reduce((sum, r) => sum + r[t], 0)).sort((a, b) => a - b);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      parts.push(`rounds/gate mean ${mean(all).toFixed(1)} p95 ${all[Math.floor(0.95 * all.length)]}`);
      if (rounds.length > 1) parts.push(`rounds/compare mean ${mean(perCompare).toFixed(1)} p95 ${perCompare[Math.floor(0.95 * perCompare.length)]} max ${perCompare.at(-1)}`);
      console.log(`  ${v.name.padEnd(8)} ${parts.join('; ')}  [${((performance.now() - started) / 1000).toFixed(0)} s]`);
    }
  }
}

const [mode = 'replay', arg, only] = process.argv.slice(2);
if (mode === 'replay') replay(arg ?? FIXTURE);
else if (mode === 'sim') sim(Number(arg ?? 1000), only);
else if (mode === 'floor')
  sim(Number(arg ?? 8000), only, [
    ...[0.05, 0.06, 0.08].map((sd) => ({ name: `floor 1 x ${sd * 100}%`, changes: [atFloor], spreads: [sd], wild: 0, shock: 0 })),
    { name: 'floor 1 x 6% +5% wild N(0,6%)', changes: [atFloor], spreads: [0.06], wild: 0.05, shock: 0.06 },
  ]);
else if (mode === 'far') sim(Number(arg ?? 40000), only, [0.08, 0.1].map((sd) => ({ name: `floor 1 x ${sd * 100}%`, changes: [atFloor], spreads: [sd], wild: 0, shock: 0 })));
else if (mode === 'near')
  // Slowdowns a little inside the threshold, measured precisely (REACH_RESOLUTION in gate.ts): a
  // 20 -> 21 ms timer makes a task 4.7% longer; and the floor, where the reach must not add claims.
  sim(Number(arg ?? 4000), only, [
    ...[0.047, 0.045, 0.04, 0.03].flatMap((c) => [0.002, 0.005, 0.01].map((sd) => ({ name: `${(c * 100).toFixed(1)}% longer per task, 1 x ${sd * 100}%`, changes: [1 / (1 + c) - 1], spreads: [sd], wild: 0, shock: 0 }))),
    ...[0.025, 0.05].map((sd) => ({ name: `floor 1 x ${sd * 100}%`, changes: [atFloor], spreads: [sd], wild: 0, shock: 0 })),
  ]);
else if (mode === 'sweep') sim(Number(arg ?? 4000), only, [...sweep(0, 0), ...sweep(0.05, 0.06)]);
else throw new Error(`unknown mode ${mode}`);
