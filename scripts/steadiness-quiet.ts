/**
 * How often `run`'s warning that a baseline did not hold still (analysis/steadiness.ts: a
 * workload's sequential hosts more than UNSTEADY_SPREAD apart) fires when nothing else runs on the
 * machine. Not a test: it runs the CLI's default `run` RUNS times back to back on each config and
 * counts the workload runs warned, with each workload's host spreads, and the load average and the
 * steal share (/proc/stat) over each run, which say how quiet the machine was.
 *
 *   node scripts/steadiness-quiet.ts [--runs N] [config ...]
 *
 * The configs default to the bundled examples (Node and Python). Run it with nothing else on the
 * machine: the point is the rate on a machine that did not move.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hostSpread, UNSTEADY_SPREAD } from '../src/analysis/steadiness.ts';
import type { RunResults } from '../src/results/run.ts';

const root = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '5' } }, allowPositionals: true });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number of at least 1, got ${values.runs}`);
const configs = positionals.length > 0 ? positionals : [join(root, 'examples', 'concurrency-bench.config.json'), join(root, 'examples', 'python', 'concurrency-bench.config.json')];

/** The machine's steal and busy jiffies so far (/proc/stat's first line), or undefined off Linux. */
function cpuTimes(): { steal: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { steal: fields[7] ?? 0, total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cb-steady-'));
let workloadRuns = 0;
let warned = 0;
let judged = 0;
const spreads = new Map<string, number[]>();
try {
  console.log(`steadiness on a quiet machine, ${new Date().toISOString().slice(0, 16)}Z, commit ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()}, warning above ${UNSTEADY_SPREAD * 100}%`);
  for (let r = 1; r <= runs; r++) {
    for (const config of configs) {
      const out = join(dir, `run-${r}.json`);
      const before = cpuTimes();
      const load = loadavg()[0];
      const started = performance.now();
      // The CLI as a user runs it, default budget; its report goes nowhere, its results file is read.
      execFileSync(process.execPath, [join(root, 'bin', 'concurrency-bench.js'), 'run', '--config', config, '--json', out, '--no-color'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: 'true' } });
      const after = cpuTimes();
      const steal = before && after && after.total > before.total ? (after.steal - before.steal) / (after.total - before.total) : Number.NaN;
      const results = JSON.parse(readFileSync(out, 'utf8')) as RunResults;
      const line: string[] = [];
      for (const w of results.workloads) {
        workloadRuns++;
        const rates = w.cells.find((c) => c.model === 'sequential')?.hostRates ?? [];
        const spread = hostSpread(rates);
        if (!spread) {
          line.push(`${w.name} -`);
          continue;
        }
        judged++;
        const flagged = spread.spread > UNSTEADY_SPREAD;
        warned += Number(flagged);
        spreads.set(w.name, [...(spreads.get(w.name) ?? []), spread.spread]);
        line.push(`${w.name} ${(spread.spread * 100).toFixed(0)}% (${spread.hosts} hosts)${flagged ? ' WARNED' : ''}`);
      }
      const name = config.includes(`${join('examples', 'python')}`) ? 'python examples' : config.startsWith(join(root, 'examples')) ? 'node examples' : config;
      console.log(`run ${r}, ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s, load ${load.toFixed(2)}, steal ${(steal * 100).toFixed(1)}%: ${line.join(', ')}`);
    }
  }
  console.log(`warned: ${warned} of ${workloadRuns} workload runs (${judged} had two or more sequential hosts to judge)`);
  for (const [name, list] of spreads) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(`  ${name}: host spread ${sorted.map((s) => `${(s * 100).toFixed(0)}%`).join(', ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
