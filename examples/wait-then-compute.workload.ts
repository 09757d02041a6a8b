/**
 * Mixed, the shape of a request handler: each task waits 30 ms (a database or an upstream call),
 * then computes for about 5 ms (parse and render; a pure-JavaScript hash here). No single model fits:
 * async overlaps the waits but runs every computation on one core (at most one task per 5 ms);
 * threads and processes use both cores but only overlap as many waits as they have workers. The
 * hybrids (a worker per core, many tasks in flight on each) can have both. Expected: thread+async or
 * process+async, by a clear margin over the best single model.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { WorkloadDefinition } from '../src/define.ts';

const WAIT_MS = 30;
/** Rounds of the hash over the buffer: about 5 ms of one core here. */
const ROUNDS = 70;
let data: Uint8Array;

function compute(seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < data.length; i++) hash = Math.imul(hash ^ data[i], 16777619);
  }
  return hash >>> 0;
}

const workload: WorkloadDefinition = {
  setup() {
    data = new Uint8Array(64 * 1024).map((_, i) => (i * 2654435761) >>> 24);
  },
  async run(taskIndex: number): Promise<number> {
    await sleep(WAIT_MS);
    return compute(taskIndex);
  },
};
export default workload;
