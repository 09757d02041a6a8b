/**
 * Verdict accuracy benchmark (`npm run bench:verdicts`): workloads that are not among the examples,
 * each with the answer the issues expect (Node: issue 2, Python: issue 5), run through the real
 * `run` command several times. Prints the verdict of every repetition and whether it is acceptable
 * and stable; exits 1 if not.
 *   BENCH_SUITE node | python (default node), BENCH_REPEATS (default 2), BENCH_BUDGET seconds per run (default 150).
 */
import { fileURLToPath } from 'node:url';
import { runCommand } from '../src/commands/run.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Classification, Model } from '../src/types.ts';

const suite = process.env.BENCH_SUITE === 'python' ? 'python' : 'node';
const config = fileURLToPath(new URL(`./fixtures/${suite === 'python' ? 'verdicts-python' : 'verdicts'}/concurrency-bench.config.json`, import.meta.url));
const repeats = Number(process.env.BENCH_REPEATS ?? 2);
const budget = Number(process.env.BENCH_BUDGET ?? 150);

type Expectation = { models: Model[]; classification?: Classification };
const EXPECTED: Record<'node' | 'python', Record<string, Expectation>> = {
  node: {
    'cpu-js': { models: ['thread', 'process'], classification: 'cpu-bound' },
    'many-timers': { models: ['async'] },
    tiny: { models: ['sequential', 'async'] },
    'atomics-wait': { models: ['thread', 'process'], classification: 'io-bound' },
    pbkdf2: { models: ['async', 'thread'] },
    'wait-then-compute': { models: ['thread', 'process'] },
  },
  python: {
    'py-collatz': { models: ['process'], classification: 'cpu-bound' },
    'py-sleepy': { models: ['thread'] },
    'py-many-waits': { models: ['async'] },
    'py-sha512-big': { models: ['thread'], classification: 'cpu-bound' },
  },
};
const expected = EXPECTED[suite];

const verdicts = new Map<string, string[]>();
let allOk = true;
for (let repeat = 1; repeat <= repeats; repeat++) {
  const out = mkdtempSync(join(tmpdir(), 'cb-verdicts-'));
  const { results } = await runCommand({ configPath: config, timeBudgetSeconds: budget, jsonPath: join(out, 'results.json'), seed: repeat });
  for (const workload of results.workloads) {
    const rec = workload.recommendation;
    const want = expected[workload.name];
    const ok = rec !== null && want.models.includes(rec.model) && (!want.classification || workload.classification === want.classification);
    allOk &&= ok;
    const line = `${rec ? `${rec.model} x${rec.concurrency} (${rec.speedup.toFixed(2)}x, ${rec.confidence})` : 'none'} ${workload.classification ?? ''} ${ok ? 'ok' : 'WRONG'}`;
    verdicts.set(workload.name, [...(verdicts.get(workload.name) ?? []), line]);
  }
  process.stderr.write(`repeat ${repeat}/${repeats}: ${results.settings.rounds} rounds\n`);
}

console.log('| workload | expected | verdict per repetition | stable model |\n|---|---|---|---|');
for (const [name, lines] of verdicts) {
  const models = new Set(lines.map((l) => l.split(' ')[0]));
  if (models.size > 1) allOk = false;
  const want = expected[name];
  console.log(`| ${name} | ${want.models.join(' or ')}${want.classification ? `, ${want.classification}` : ''} | ${lines.join('; ')} | ${models.size === 1 ? 'yes' : 'NO'} |`);
}
process.exitCode = allOk ? 0 : 1;
