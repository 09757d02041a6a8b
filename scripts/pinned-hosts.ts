/**
 * Does a host pinned to one CPU (as `run` pins both sides of a paired round of sequential against
 * async) run at another speed than an unpinned one (as every sweep visit runs)? A Node host has
 * helper threads (GC, compiler) that pinned share the task's CPU. If pinned hosts read slower, a
 * workload's sequential host rates (analysis/steadiness.ts) mix two kinds of host, and the ratio of
 * two pinned hosts is fair only while the penalty hits both alike. Cycles of short sweep-like
 * visits of sequential and of the given cell, each unpinned and pinned to each CPU in turn; prints
 * each kind's median visit rates and the cell's ratio to sequential within each kind.
 * At 14:06 on 2026-12-02 (3 cycles): no steady gap. sieve sequential 545-634 tasks/s unpinned,
 * 572-659 on cpu 0, 539-591 on cpu 1; tiny-task read about 0.7M or 1.05M tasks/s per host,
 * pinned or not (its hosts land in one of two states), which is what its sequential hosts' spread
 * on the bundled examples is.
 *
 *   node scripts/pinned-hosts.ts <config> <workload> [<model> <concurrency>] [cycles=3]
 */
import { loadConfig } from '../src/config/load.ts';
import { planCells, visitSpec, type Cell } from '../src/measure/scheduler.ts';
import { allowedCpus } from '../src/runtimes/affinity.ts';
import { runtimeFor } from '../src/runtimes/registry.ts';
import { runVisit } from '../src/runtimes/visit.ts';

const [configPath, name, model, conc, cyclesText] = process.argv.slice(2);
const config = await loadConfig(configPath);
const workload = config.workloads.find((w) => w.name === name);
if (!workload) throw new Error(`no workload ${name} in ${configPath}`);
const cells = planCells(workload, workload.models);
const sequential = cells.find((c) => c.model === 'sequential')!;
const candidate = model ? cells.find((c) => c.model === model && c.concurrency === Number(conc)) : undefined;
if (model && !candidate) throw new Error(`no cell ${model} ${conc} in ${name}`);
const cycles = Number(cyclesText ?? (model ? 3 : 4));
const kinds: { label: string; cpus?: number[] }[] = [{ label: 'unpinned' }, ...allowedCpus().map((c) => ({ label: `cpu ${c}`, cpus: [c] }))];

async function visitRate(cell: Cell, cpus?: number[]): Promise<number> {
  const spec = { ...visitSpec(cell, 1000, 'measure', 6), warmupMaxMs: 1500 };
  const outcome = await runVisit(runtimeFor(workload!.runtime), workload!, spec, { hardTimeoutMs: 120_000, ...(cpus ? { cpus } : {}) });
  const rates = outcome.samples.map((s) => (s.tasks / s.wallMs) * 1000).sort((a, b) => a - b);
  return rates.length > 0 ? rates[rates.length >> 1] : Number.NaN;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const rates = new Map<string, number[]>();
const push = (key: string, rate: number) => rates.set(key, [...(rates.get(key) ?? []), rate]);
for (let i = 0; i < cycles; i++) {
  for (const kind of kinds) {
    push(`sequential ${kind.label}`, await visitRate(sequential, kind.cpus));
    if (candidate) push(`candidate ${kind.label}`, await visitRate(candidate, kind.cpus));
  }
}
const fmt = (values: number[]) => values.map((v) => (v >= 1000 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1))).join(' ');
console.log(`${name} (${cycles} cycles, ${new Date().toISOString()}):`);
for (const kind of kinds) {
  const seq = rates.get(`sequential ${kind.label}`)!;
  const cand = rates.get(`candidate ${kind.label}`);
  const ratio = cand ? `; ${model} ${conc} ${fmt(cand)} tasks/s, median ratio x${(median(cand) / median(seq)).toFixed(2)}` : '';
  console.log(`  ${kind.label}: sequential ${fmt(seq)} tasks/s (median ${fmt([median(seq)])})${ratio}`);
}
