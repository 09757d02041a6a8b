/**
 * Whether a Node workload runs at another rate when it idles between samples
 * (`node scripts/idle-gaps.ts <config> <workload> [rounds]`, with Node 24 first on PATH).
 *
 * `run`'s paired phase and `compare` alternate two live hosts: each runs a sample, then idles while
 * the other runs one. The ground truth of bench:truth runs every cell continuously. This script runs
 * the workload sequentially (one task at a time, in batches of its `tasks`, in this process) after
 * 3 s of warm-up: in bursts of 100, 300 and 1,000 ms, each followed by an idle gap as long as the
 * burst (as in alternation), and continuously for 3 s before and after. It prints the median rate
 * of each, interleaved over `rounds` (default 3) so that drift shows. A workload whose bursts run
 * faster than its continuous rate gets a paired speedup below its steady-state one.
 */
import { loadConfig } from '../src/config/load.ts';
import { loadWorkload } from '../src/runtimes/node/load-workload.ts';
import { median } from '../src/stats/paired.ts';

const [configPath, name, roundsText] = process.argv.slice(2);
if (!configPath || !name) throw new Error('usage: idle-gaps.ts <config> <workload> [rounds]');
const config = await loadConfig(configPath);
const workload = config.workloads.find((w) => w.name === name);
if (!workload) throw new Error(`no workload ${name} in ${configPath}`);
if (workload.runtime !== 'node') throw new Error(`${name} is a ${workload.runtime} workload; this script runs Node workloads`);
const loaded = await loadWorkload(workload.modulePath);
await loaded.setup();

let taskIndex = 0;
/** Tasks per second over whole batches run for at least `ms`. */
async function burst(ms: number): Promise<number> {
  const started = performance.now();
  let tasks = 0;
  while (performance.now() - started < ms) {
    for (let i = 0; i < workload!.tasks; i++) await loaded.run(taskIndex++);
    tasks += workload!.tasks;
  }
  return (tasks / (performance.now() - started)) * 1000;
}
const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await burst(3000);
const lengths = [100, 300, 1000];
const rates = new Map<string, number[]>();
const record = (key: string, value: number) => rates.set(key, [...(rates.get(key) ?? []), value]);
for (let round = 0; round < Number(roundsText ?? 3); round++) {
  record('continuous', await burst(3000));
  for (const ms of lengths) {
    const bursts: number[] = [];
    for (let i = 0; i < 8; i++) {
      bursts.push(await burst(ms));
      await idle(ms);
    }
    record(`${ms} ms`, median(bursts));
  }
}
record('continuous', await burst(3000));
await loaded.teardown();
const continuous = median(rates.get('continuous')!);
console.log(`${name}, sequential, batches of ${workload.tasks} (${new Date().toISOString()}):`);
for (const [key, values] of rates) {
  const text = values.map((v) => v.toFixed(0)).join(', ');
  console.log(`  ${key.padEnd(10)} ${text} tasks/s${key === 'continuous' ? '' : ` (bursts with equal idle gaps; median x${(median(values) / continuous).toFixed(2)} of continuous)`}`);
}
