import { createRequire as __concurrencyBenchCreateRequire } from 'node:module';
const require = __concurrencyBenchCreateRequire(import.meta.url);

// src/runtimes/node/executors/types.ts
import { readdirSync, readFileSync } from "node:fs";
import { isMainThread as readerIsMainThread } from "node:worker_threads";
var LIBUV_POOL_THREAD = "libuv-worker";
function threadCpuNs() {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) * 1e3;
}
var libuvNamesItsPool = (() => {
  const [major, minor] = process.versions.uv.split(".").map(Number);
  return major > 1 || major === 1 && minor >= 50;
})();
function readThreads() {
  let tids;
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return null;
  }
  const threads = [];
  for (const tid of tids) {
    try {
      const [cpu, wait] = readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ").map(Number);
      const name = readFileSync(`/proc/self/task/${tid}/comm`, "utf8").trimEnd();
      const own = Number(tid) === process.pid && readerIsMainThread && typeof process.threadCpuUsage === "function";
      const cpuNs = own ? threadCpuNs() : cpu;
      if (Number.isFinite(cpuNs) && Number.isFinite(wait)) threads.push({ tid: Number(tid), name, cpuNs, waitNs: wait });
    } catch {
    }
  }
  return threads.length > 0 ? threads : null;
}
function threadTimes(isTask) {
  const threads = readThreads();
  if (!threads) return void 0;
  let taskCpuNs = 0;
  let taskWaitNs = 0;
  let poolCpuNs = 0;
  for (const thread of threads) {
    if (isTask(thread)) {
      taskCpuNs += thread.cpuNs;
      taskWaitNs += thread.waitNs;
    } else if (thread.name === LIBUV_POOL_THREAD) {
      poolCpuNs += thread.cpuNs;
    }
  }
  return { taskCpuMs: taskCpuNs / 1e6, taskRunQueueMs: taskWaitNs / 1e6, ...libuvNamesItsPool ? { poolCpuMs: poolCpuNs / 1e6 } : {} };
}
var isMainThread = (thread) => thread.tid === process.pid;

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

// src/runtimes/node/workload-context.ts
import { writeSync } from "node:fs";
import { Writable } from "node:stream";
import { isMainThread as isMainThread2 } from "node:worker_threads";
var unhandled;
var prepared = false;
function prepareWorkloadContext() {
  if (prepared) return;
  prepared = true;
  synchronousStdio("stdout", 1);
  synchronousStdio("stderr", 2);
  process.on("unhandledRejection", (reason) => {
    unhandled ??= `unhandled rejection: ${describeError(reason)}`;
  });
}
async function takeUnhandledRejection() {
  await new Promise((resolve) => setImmediate(resolve));
  const taken = unhandled;
  unhandled = void 0;
  return taken;
}
function synchronousStdio(name, fd) {
  let restoreBlocking = () => {
  };
  if (isMainThread2) {
    const original = process[name];
    restoreBlocking = () => void original._handle?.setBlocking?.(true);
    restoreBlocking();
  }
  const write = (chunk, encoding) => writeAllSync(fd, chunk, encoding === "buffer" ? "utf8" : encoding, restoreBlocking);
  const writev = (chunks, callback) => {
    try {
      for (const { chunk, encoding } of chunks) write(chunk, encoding);
      callback();
    } catch (error) {
      callback(error);
    }
  };
  if (isMainThread2) {
    const stream = new Writable({
      decodeStrings: false,
      write: (chunk, encoding, callback) => writev([{ chunk, encoding }], callback),
      writev,
      // Like Node's own stdio: ending or destroying it never closes the fd.
      destroy: (error, callback) => callback(error)
    });
    Object.assign(stream, { fd, _isStdio: true });
    Object.defineProperty(process, name, { configurable: true, enumerable: true, get: () => stream });
  } else {
    const stream = process[name];
    stream._writev = writev;
    stream._write = (chunk, encoding, callback) => writev([{ chunk, encoding }], callback);
  }
}
var pause = new Int32Array(new SharedArrayBuffer(4));
function writeAllSync(fd, chunk, encoding, restoreBlocking) {
  let data = chunk;
  let offset = 0;
  while (typeof data === "string" || offset < data.length) {
    try {
      if (typeof data === "string") {
        const written = writeSync(fd, data, null, encoding);
        if (written === Buffer.byteLength(data, encoding)) return;
        data = Buffer.from(data, encoding);
        offset = written;
      } else {
        offset += writeSync(fd, data, offset);
      }
    } catch (error) {
      const code = error.code;
      if (code === "EAGAIN") {
        restoreBlocking();
        Atomics.wait(pause, 0, 0, 1);
      } else if (code === "EPIPE") return;
      else throw error;
    }
  }
}

// src/runtimes/node/process-child.ts
prepareWorkloadContext();
var send = (message) => process.send(message);
var ok = () => send(0);
var failed = (error) => send({ type: "task-error", error: describeError(error) });
var okIn = (slot) => () => send([slot]);
var failedIn = (slot) => (error) => send({ type: "task-error", error: describeError(error), slot });
function runTask(index, done, error) {
  try {
    const result = workload.run(index);
    if (result !== null && typeof result === "object" && typeof result.then === "function") {
      result.then(done, error);
    } else {
      done();
    }
  } catch (reason) {
    error(reason);
  }
}
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
    runTask(message, ok, failed);
  } else if (Array.isArray(message)) {
    runTask(message[0], okIn(message[1]), failedIn(message[1]));
  } else if (message.type === "stats") {
    const usage = process.resourceUsage();
    const threads = threadTimes(isMainThread);
    send({ type: "stats", cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1e3, maxRssBytes: usage.maxRSS * 1024, ...threads ? { threads } : {} });
  } else if (message.type === "check") {
    void takeUnhandledRejection().then((unhandledRejection) => send({ type: "checked", ...unhandledRejection ? { unhandledRejection } : {} }));
  } else if (message.type === "teardown") {
    Promise.resolve().then(() => workload.teardown()).finally(() => send({ type: "torn-down" }));
  }
});
send({ type: "ready" });
