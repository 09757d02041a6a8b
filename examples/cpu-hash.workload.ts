/**
 * CPU-bound: a pure-JavaScript hash (FNV-1a over a buffer, repeated) keeps one core busy for a few
 * milliseconds per task. Expected: thread or process scale with cores; async cannot help.
 */
import type { WorkloadDefinition } from '../src/define.ts';

let data: Uint8Array;

const workload: WorkloadDefinition = {
  setup() {
    data = new Uint8Array(64 * 1024).map((_, i) => (i * 2654435761) >>> 24);
  },
  run(taskIndex: number): number {
    let hash = 0x811c9dc5 ^ taskIndex;
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < data.length; i++) hash = Math.imul(hash ^ data[i], 16777619);
    }
    return hash >>> 0;
  },
};
export default workload;
