/**
 * Why bench:truth's wait-then-compute truth read async x0.66 until 2026-11-30 (docs/benchmarks.md):
 * a V8 tiering cliff, not a concurrency answer. Runs the workload's old loop (an `Math.imul` hash;
 * the fixture now computes with a xorshift loop that keeps its speed) in batches of 24 tasks with
 * 24 in flight, printing the compute time per call: about 5 ms for some 530 calls, about 17 ms from
 * then on (on either CPU, pinned), and still 17 ms when the same process then runs one task at a
 * time. Code like this is measured by `run` in its early tier.
 *
 *   node scripts/wait-then-compute-cliff.mjs        (add --trace-opt --trace-deopt to see the tiers)
 */
function work(taskIndex) {
  let x = taskIndex | 1;
  for (let i = 0; i < 3_000_000; i++) x = (Math.imul(x ^ i, 2654435761) + 1) | 0;
  return x;
}
let computeMs = 0;
let calls = 0;
const task = (i) =>
  new Promise((resolve) =>
    setTimeout(() => {
      const started = performance.now();
      const result = work(i);
      computeMs += performance.now() - started;
      calls++;
      resolve(result);
    }, 10),
  );
async function batch(tasks, inFlight) {
  let next = 0;
  const lane = async () => {
    while (next < tasks) await task(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
}
async function report(label, inFlight) {
  computeMs = 0;
  calls = 0;
  const started = performance.now();
  await batch(24, inFlight);
  console.log(`${label}: batch ${(performance.now() - started).toFixed(0)} ms, compute ${(computeMs / calls).toFixed(2)} ms per call`);
}
for (let k = 0; k < 40; k++) await report(`async 24, batch ${k + 1}`, 24);
for (let k = 0; k < 3; k++) await report(`then sequential, batch ${k + 1}`, 1);
