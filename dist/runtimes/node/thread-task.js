import { createRequire as __concurrencyBenchCreateRequire } from 'node:module';
const require = __concurrencyBenchCreateRequire(import.meta.url);

// src/runtimes/node/thread-task.ts
import { parentPort, workerData } from "node:worker_threads";

// src/runtimes/node/load-workload.ts
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
var WorkloadLoadError = class extends Error {
  code = "WORKLOAD_LOAD_FAILED";
  constructor(message) {
    super(message);
    this.name = "WorkloadLoadError";
  }
};
var noop = () => void 0;
function describeError(error) {
  if (error instanceof Error) {
    const firstLine = String(error.message).split("\n")[0];
    return `${error.name && error.name !== "Error" ? error.name + ": " : "Error: "}${firstLine}`;
  }
  return `thrown value: ${String(error).split("\n")[0]}`;
}
async function loadWorkload(modulePath2) {
  if (!existsSync(modulePath2)) throw new WorkloadLoadError(`workload module not found: ${modulePath2}`);
  let namespace;
  try {
    namespace = await import(pathToFileURL(modulePath2).href);
  } catch (error) {
    throw new WorkloadLoadError(`importing the workload module failed: ${describeError(error)}`);
  }
  const exported = namespace.default;
  if (typeof exported === "function") return { setup: noop, run: exported, teardown: noop };
  if (exported && typeof exported === "object" && typeof exported.run === "function") {
    const definition = exported;
    const bind = (fn) => typeof fn === "function" ? fn.bind(definition) : noop;
    return { setup: bind(definition.setup), run: definition.run.bind(definition), teardown: bind(definition.teardown) };
  }
  const found = exported === void 0 ? "no default export" : `a default export of type ${typeof exported}`;
  throw new WorkloadLoadError(
    `the workload module has ${found}; expected a default export that is a function (taskIndex) => value | Promise, or an object { setup?, run, teardown? }`
  );
}

// src/runtimes/node/thread-task.ts
function teardownAtBarrier(task, teardown) {
  const arrived = new Int32Array(task.arrived);
  Atomics.add(arrived, 0, 1);
  Atomics.notify(arrived, 0);
  const deadline = Date.now() + task.waitMs;
  for (let seen = Atomics.load(arrived, 0); seen < task.workers && Date.now() < deadline; seen = Atomics.load(arrived, 0)) {
    Atomics.wait(arrived, 0, seen, Math.max(1, deadline - Date.now()));
  }
  return teardown();
}
var { modulePath } = workerData;
var thread_task_default = (async () => {
  try {
    const workload = await loadWorkload(modulePath);
    await workload.setup();
    parentPort?.postMessage({ concurrencyBench: "ready" });
    return (task) => typeof task === "number" ? workload.run(task) : teardownAtBarrier(task, workload.teardown);
  } catch (error) {
    const message = error instanceof Error && error.name === "WorkloadLoadError" ? error.message : `setup failed: ${describeError(error)}`;
    parentPort?.postMessage({ concurrencyBench: "load-error", error: message });
    throw error;
  }
})();
export {
  thread_task_default as default
};
