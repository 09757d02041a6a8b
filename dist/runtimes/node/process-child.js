import { createRequire as __concurrencyBenchCreateRequire } from 'node:module';
const require = __concurrencyBenchCreateRequire(import.meta.url);

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
async function loadWorkload(modulePath) {
  if (!existsSync(modulePath)) throw new WorkloadLoadError(`workload module not found: ${modulePath}`);
  let namespace;
  try {
    namespace = await import(pathToFileURL(modulePath).href);
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

// src/runtimes/node/process-protocol.ts
var CHILD_MODULE_ENV = "CONCURRENCY_BENCH_MODULE";

// src/runtimes/node/process-child.ts
var send = (message) => process.send(message);
var ok = () => send(0);
var failed = (error) => send({ type: "task-error", error: describeError(error) });
process.on("disconnect", () => process.exit(0));
var workload;
try {
  workload = await loadWorkload(process.env[CHILD_MODULE_ENV]);
  await workload.setup();
} catch (error) {
  send({ type: "load-error", error: error instanceof Error && error.name === "WorkloadLoadError" ? error.message : `setup failed: ${describeError(error)}` });
  process.exit(1);
}
process.on("message", (message) => {
  if (typeof message === "number") {
    try {
      const result = workload.run(message);
      if (result !== null && typeof result === "object" && typeof result.then === "function") {
        result.then(ok, failed);
      } else {
        ok();
      }
    } catch (error) {
      failed(error);
    }
  } else if (message.type === "stats") {
    const usage = process.resourceUsage();
    send({ type: "stats", cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1e3, maxRssBytes: usage.maxRSS * 1024 });
  } else if (message.type === "teardown") {
    Promise.resolve().then(() => workload.teardown()).finally(() => send({ type: "torn-down" }));
  }
});
send({ type: "ready" });
