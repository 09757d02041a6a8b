/** Scratch repositories with tiny CPU workloads for compare tests. */
import { readFileSync } from 'node:fs';
import type { ComparePorts } from '../../src/commands/compare.ts';
import type { MeasureRound } from '../../src/measure/paired-rounds.ts';
import type { SweepVisit } from '../../src/measure/sweep.ts';
import type { VisitOutcome } from '../../src/runtimes/visit.ts';
import { mulberry32 } from '../../src/stats/rng.ts';
import { scratchRepo, type ScratchRepo } from '../git/scratch-repo.ts';

/**
 * A Node workload: one PBKDF2-SHA256 call of `iterations` x 2 rounds per task. One native call whose
 * cost is linear in its rounds: a pure-JS loop is at the mercy of V8's tiering (on a loaded machine
 * some fresh processes stay 5x slower for their whole life, measured), and a chain of createHash
 * calls allocates per step, so its cost ratio moved with the GC (200 against 235 steps read 0.60-1.21
 * in 250 ms windows, sd 0.13-0.25, where this reads sd 0.05-0.10 beside it; 2026-12-01).
 */
export function cpuWorkload(iterations: number): string {
  return `import { pbkdf2Sync } from 'node:crypto';
const iterations = ${iterations};
export default function task(index) {
  return pbkdf2Sync('password', 'salt', iterations * 2, 32, 'sha256')[0] + index;
}
`;
}

export function configFor(names: string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ...extra,
    workloads: names.map((name) => ({ name, module: `bench/${name}.ts`, tasks: 8, models: ['sequential'], timeoutMs: 10_000 })),
  });
}

/** A repository whose base commit has workloads `names`, each `iterations` steps per task. */
export function repoWithWorkloads(names: string[], iterations: number, extra: Record<string, unknown> = {}): ScratchRepo {
  const repo = scratchRepo();
  const files: Record<string, string> = { 'concurrency-bench.config.json': configFor(names, extra), '.gitignore': '.concurrency-bench/\n' };
  for (const name of names) files[`bench/${name}.ts`] = cpuWorkload(iterations);
  repo.commit('base', files);
  return repo;
}

/**
 * A measurement stand-in that needs no host process: throughput = 1e9 / iterations found in the
 * workload file, with seeded noise shared within a round (drift) and small per-visit noise.
 */
export function syntheticMeasure(seed = 1, noise = 0.01): SweepVisit & { visits: number } {
  const random = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const impl: SweepVisit = async (workload, model, concurrency) => {
    counted.visits++;
    const text = readFileSync(workload.modulePath, 'utf8');
    if (text.includes('throw')) return { status: 'errored', error: 'Error: boom', samples: [], elapsedMs: 1 };
    const iterations = Number(/iterations = (\d+)/.exec(text)?.[1] ?? 1000);
    const rate = (1e9 / iterations) * (model === 'sequential' ? 1 : Math.min(concurrency, 2) * 0.95) * Math.exp(noise * gauss());
    const wallMs = (8 / rate) * 1000;
    return {
      status: 'ok',
      samples: [{ wallMs, tasks: 8, cpuMs: wallMs, latenciesMs: Array(8).fill(wallMs / 8) }],
      peakRssBytes: 40e6,
      startupMs: 5,
      elapsedMs: 1,
    };
  };
  const counted = Object.assign(impl, { visits: 0 });
  return counted;
}

/** Probes that always succeed (no host process). */
export async function okProbes(workloads: readonly { name: string }[]): Promise<Map<string, VisitOutcome>> {
  return new Map(workloads.map((w) => [w.name, { status: 'ok', samples: [], elapsedMs: 0, env: { version: 'test' } } satisfies VisitOutcome]));
}

/** A paired round as two visits of `visit`, one after the other (no host process needed). */
export function roundOfVisits(visit: SweepVisit): MeasureRound {
  return async (target, options) => {
    const outcomes: Awaited<ReturnType<MeasureRound>> = {};
    for (const tree of options.first === 'base' ? (['base', 'head'] as const) : (['head', 'base'] as const)) {
      const outcome = await visit(target[tree], target.cell.model, target.cell.concurrency, { sampleTimeMs: options.sampleTimeMs, signal: options.signal });
      outcomes[tree] = outcome;
      if (outcome.status !== 'ok') break;
    }
    return outcomes;
  };
}

/** Compare's measuring seams, all synthetic: sweep visits and paired rounds from `visit`, probes that pass. */
export function portsFrom(visit: SweepVisit): ComparePorts {
  return { visit, round: roundOfVisits(visit), probe: okProbes };
}
