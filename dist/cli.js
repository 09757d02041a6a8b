#!/usr/bin/env node
import { createRequire as __concurrencyBenchCreateRequire } from 'node:module';
const require = __concurrencyBenchCreateRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/types.ts
var MODELS, RUNTIMES;
var init_types = __esm({
  "src/types.ts"() {
    "use strict";
    MODELS = ["sequential", "async", "thread", "process"];
    RUNTIMES = ["node", "python"];
  }
});

// src/paths.ts
import { fileURLToPath } from "node:url";
function ownFile(pathBelowRoot, extension = "entry") {
  const url = import.meta.url;
  const fromSource = url.endsWith(".ts");
  const marker = fromSource ? "/src/" : "/dist/";
  const root = url.slice(0, url.lastIndexOf(marker) + marker.length);
  const suffix = extension === "entry" ? fromSource ? ".ts" : ".js" : "";
  return fileURLToPath(new URL(pathBelowRoot + suffix, root));
}
var init_paths = __esm({
  "src/paths.ts"() {
    "use strict";
  }
});

// src/runtimes/node/runtime.ts
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
function tsxLoaderFor(workload2) {
  if (!/\.(c|m)?tsx?$/.test(workload2.modulePath)) return void 0;
  try {
    return pathToFileURL(createRequire(workload2.modulePath).resolve("tsx")).href;
  } catch {
    return void 0;
  }
}
var nodeRuntime;
var init_runtime = __esm({
  "src/runtimes/node/runtime.ts"() {
    "use strict";
    init_paths();
    init_types();
    nodeRuntime = {
      id: "node",
      models: MODELS,
      async hostCommand(workload2, _spec) {
        const tsx = tsxLoaderFor(workload2);
        return {
          command: process.execPath,
          args: [...tsx ? ["--import", tsx] : [], "--no-warnings=ExperimentalWarning", ownFile("runtimes/node/host")],
          cwd: workload2.configDir
        };
      }
    };
  }
});

// src/runtimes/types.ts
var VISIT_ENV, RuntimeUnavailableError;
var init_types2 = __esm({
  "src/runtimes/types.ts"() {
    "use strict";
    VISIT_ENV = "CONCURRENCY_BENCH_VISIT";
    RuntimeUnavailableError = class extends Error {
      code = "RUNTIME_UNAVAILABLE";
      constructor(message) {
        super(message);
        this.name = "RuntimeUnavailableError";
      }
    };
  }
});

// src/runtimes/python/interpreter.ts
import { execFile as execFile2 } from "node:child_process";
function inspect(command, cwd) {
  return new Promise((resolve5) => {
    execFile2(command, ["-c", INSPECT], { cwd, timeout: 2e4, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && error.code === "ENOENT") return resolve5({ kind: "missing", detail: "not found" });
      const [version = "", implementation = "", executable = ""] = stdout.trim().split(/\r?\n/);
      if (error || !/^\d+\.\d+\.\d+$/.test(version)) {
        const why = (stderr || error?.message || stdout).trim().split(/\r?\n/).at(-1) ?? "no output";
        return resolve5({ kind: "broken", detail: why });
      }
      resolve5({ kind: "found", version: version.split(".").map(Number), implementation, executable: executable || command });
    });
  });
}
function tooOld(version) {
  return version[0] < MIN_PYTHON[0] || version[0] === MIN_PYTHON[0] && version[1] < MIN_PYTHON[1];
}
async function check(command, cwd) {
  const found = await inspect(command, cwd);
  if (found.kind !== "found") throw new Error(found.kind === "missing" ? `"${command}" not found` : `"${command}" does not run (${found.detail})`);
  const version = found.version.join(".");
  if (tooOld(found.version)) throw new Error(`"${command}" is Python ${version}, older than ${MIN_PYTHON.join(".")}`);
  return { executable: found.executable, version, implementation: found.implementation };
}
function checked(command, cwd) {
  const key = `${cwd}\0${command}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = check(command, cwd);
    cache.set(key, pending);
  }
  return pending;
}
async function findPython(configured, cwd) {
  const wanted = `Python ${MIN_PYTHON.join(".")} or newer`;
  const candidates = configured !== void 0 ? [configured] : DEFAULT_INTERPRETERS;
  const reasons = [];
  for (const command of candidates) {
    try {
      return await checked(command, cwd);
    } catch (error) {
      reasons.push(error.message);
    }
  }
  const advice = configured !== void 0 ? `point "python" at ${wanted}` : `install ${wanted} or set "python" in the workload`;
  throw new RuntimeUnavailableError(`no usable Python interpreter: ${reasons.join("; ")}; ${advice}`);
}
var MIN_PYTHON, DEFAULT_INTERPRETERS, INSPECT, cache;
var init_interpreter = __esm({
  "src/runtimes/python/interpreter.ts"() {
    "use strict";
    init_types2();
    MIN_PYTHON = [3, 9];
    DEFAULT_INTERPRETERS = ["python3", "python"];
    INSPECT = 'import sys, platform; print("%d.%d.%d" % tuple(sys.version_info[:3])); print(platform.python_implementation()); print(sys.executable)';
    cache = /* @__PURE__ */ new Map();
  }
});

// src/runtimes/python/runtime.ts
import { existsSync as existsSync3 } from "node:fs";
function harnessPath() {
  return ownFile(HARNESS_FILE, "asset");
}
function workingDirectory(workload2) {
  return workload2.configDir;
}
var HARNESS_FILE, pythonRuntime;
var init_runtime2 = __esm({
  "src/runtimes/python/runtime.ts"() {
    "use strict";
    init_paths();
    init_types();
    init_types2();
    init_interpreter();
    HARNESS_FILE = "runtimes/python/harness/concurrency_bench_host.py";
    pythonRuntime = {
      id: "python",
      models: MODELS,
      async hostCommand(workload2, _spec) {
        if (process.platform === "win32") throw new RuntimeUnavailableError("Python workloads need Linux or macOS (the harness relies on POSIX process groups)");
        const cwd = workingDirectory(workload2);
        const interpreter = await findPython(workload2.python, cwd);
        const harness = harnessPath();
        if (!existsSync3(harness)) throw new RuntimeUnavailableError(`the Python harness is missing from this installation (${harness})`);
        return { command: interpreter.executable, args: [harness], cwd };
      }
    };
  }
});

// src/runtimes/registry.ts
var registry_exports = {};
__export(registry_exports, {
  runtimeFor: () => runtimeFor
});
function runtimeFor(id) {
  return runtimes[id];
}
var runtimes;
var init_registry = __esm({
  "src/runtimes/registry.ts"() {
    "use strict";
    init_runtime();
    init_runtime2();
    runtimes = { node: nodeRuntime, python: pythonRuntime };
  }
});

// src/cli.ts
import { writeFileSync as writeFileSync2 } from "node:fs";
import { parseArgs } from "node:util";

// src/cli/errors.ts
var UsageError = class extends Error {
  code = "USAGE";
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};

// src/report/format.ts
function formatNumber(value) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return "-";
  const abs = Math.abs(value);
  if (abs >= 100) return groupThousands(Math.round(value));
  if (abs === 0) return "0";
  const digits = abs >= 10 ? 1 : abs >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs)));
  return value.toFixed(digits);
}
function groupThousands(n) {
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function formatChange(fraction, digits = 1) {
  if (fraction === null || fraction === void 0 || !Number.isFinite(fraction)) return "-";
  const pct = (fraction * 100).toFixed(digits);
  if (Number(pct) === 0) return `${0 .toFixed(digits)}%`;
  return `${fraction > 0 ? "+" : ""}${pct}%`;
}
function formatUtilization(value) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return "-";
  return `${Math.round(value * 100)}%`;
}
function formatBytes(bytes) {
  if (!bytes || !Number.isFinite(bytes)) return "-";
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}
function formatMs(ms) {
  if (ms === null || ms === void 0 || !Number.isFinite(ms)) return "-";
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(3)} ms`;
}
function formatSpeedup(value) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return "-";
  return `${value.toFixed(2)}x`;
}

// src/report/terminal.ts
var ANSI = { bold: "\x1B[1m", dim: "\x1B[2m", green: "\x1B[32m", red: "\x1B[31m", yellow: "\x1B[33m", reset: "\x1B[0m" };
function terminalSafe(text) {
  return String(text ?? "").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}
function paint(style, codes, text) {
  return style.color ? `${codes}${text}${ANSI.reset}` : text;
}
function pad(text, width, align) {
  const visible = [...text].length;
  const fill = " ".repeat(Math.max(0, width - visible));
  return align === "l" ? text + fill : fill + text;
}
function cellRow(cell2) {
  const ok = cell2.status === "ok";
  return [
    cell2.model,
    String(cell2.concurrency),
    ok || cell2.samples > 0 ? formatNumber(cell2.throughput.median) : "-",
    ok || cell2.samples > 0 ? `${formatNumber(cell2.throughput.ci95[0])}-${formatNumber(cell2.throughput.ci95[1])}` : "-",
    formatSpeedup(cell2.speedup),
    cell2.samples > 0 ? formatMs(cell2.latencyMs.p50) : "-",
    cell2.samples > 0 ? formatMs(cell2.latencyMs.p99) : "-",
    cell2.samples > 0 ? formatUtilization(cell2.cpuUtilization) : "-",
    formatBytes(cell2.peakRssBytes),
    formatMs(cell2.startupMs),
    ok ? "ok" : `${cell2.status}: ${terminalSafe(cell2.error ?? "")}`
  ];
}
var HEADER = ["model", "conc", "tasks/s", "95% CI", "speedup", "p50", "p99", "CPU", "peak RSS", "startup", "status"];
var ALIGN = ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "l"];
function table(workload2, style) {
  const rows = workload2.cells.map(cellRow);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => i === HEADER.length - 1 ? Math.min(40, r[i].length) : r[i].length)));
  const recommended = workload2.recommendation;
  const lines = [paint(style, ANSI.dim, "  " + HEADER.map((h, i) => pad(h, widths[i], ALIGN[i])).join("  "))];
  workload2.cells.forEach((cell2, index) => {
    const isPick = recommended && cell2.model === recommended.model && cell2.concurrency === recommended.concurrency;
    const status = rows[index][HEADER.length - 1];
    rows[index][HEADER.length - 1] = status.length > 60 ? status.slice(0, 59) + "…" : status;
    const text = rows[index].map((value, i) => pad(value, widths[i], ALIGN[i])).join("  ");
    if (isPick) lines.push(paint(style, ANSI.bold + ANSI.green, "▶ " + text + "  ◀ recommended"));
    else if (cell2.status !== "ok") lines.push(paint(style, ANSI.red, "  " + text));
    else lines.push("  " + text);
  });
  return lines;
}
function throughputChart(workload2, width = 32) {
  const cells = workload2.cells.filter((c) => c.samples > 0);
  const best = Math.max(...cells.map((c) => c.throughput.median), 0);
  if (best <= 0) return [];
  const eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
  const lines = ["  throughput by concurrency (tasks/s):"];
  let lastModel = "";
  for (const cell2 of cells) {
    const units = cell2.throughput.median / best * width * 8;
    const bar = "█".repeat(Math.floor(units / 8)) + eighths[Math.floor(units % 8)];
    const label = cell2.model === lastModel ? "" : cell2.model;
    lastModel = cell2.model;
    lines.push(`  ${pad(label, 10, "l")} ${pad(String(cell2.concurrency), 4, "r")} │${pad(bar, width, "l")} ${formatNumber(cell2.throughput.median)}`);
  }
  return lines;
}
function renderWorkload(workload2, style) {
  const name = terminalSafe(workload2.name);
  const lines = [];
  if (workload2.status === "failed" && workload2.cells.length === 0) {
    lines.push(paint(style, ANSI.bold, `${name}`) + paint(style, ANSI.red, `  failed: ${terminalSafe(workload2.error)}`));
    return lines.join("\n");
  }
  const cls = workload2.classification ?? "unclassified";
  lines.push(`${paint(style, ANSI.bold, name)}  ${paint(style, ANSI.dim, `[${workload2.runtime}, ${cls}]`)}`);
  const rec = workload2.recommendation;
  if (rec) {
    const confidence = rec.confidence === "high" ? "" : paint(style, ANSI.yellow, " (low confidence: some differences were within noise)");
    lines.push(`  → use ${paint(style, ANSI.bold + ANSI.green, `${rec.model}${rec.model === "sequential" ? "" : ` at concurrency ${rec.concurrency}`}`)}: ${formatSpeedup(rec.speedup)} vs sequential${confidence}`);
    lines.push(`    ${terminalSafe(rec.reason)}`);
  } else if (workload2.error) {
    lines.push(paint(style, ANSI.red, `  failed: ${terminalSafe(workload2.error)}`));
  }
  lines.push("", ...table(workload2, style), "", ...throughputChart(workload2));
  return lines.join("\n");
}
function renderRunTerminal(results, style = { color: false, width: 120 }) {
  const env = results.environment;
  const header = `concurrency-bench ${results.tool.version} · ${env.cpus} cores (${terminalSafe(env.cpuModel)}) · Node ${env.node} · ${env.os} · ${results.settings.rounds} rounds${results.incomplete ? paint(style, ANSI.yellow, " · INCOMPLETE (interrupted)") : ""}`;
  return [header, "", ...results.workloads.map((w) => renderWorkload(w, style) + "\n")].join("\n");
}

// src/cli/progress.ts
function progressReporter(stream, interactive) {
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write("\r\x1B[2K");
    drawn = false;
  };
  return {
    onProgress(event) {
      if (event.type === "probe") {
        if (event.status !== "ok") {
          clear();
          stream.write(`workload ${terminalSafe(event.workload)} ${terminalSafe(event.status)}
`);
        }
      } else if (event.type === "visit") {
        if (!interactive) return;
        clear();
        const line = `round ${event.round} · ${event.done}/${event.total} · ${terminalSafe(event.label)}${event.status === "ok" ? "" : ` · ${event.status}`}`;
        stream.write(line.slice(0, (stream.columns || 100) - 1));
        drawn = true;
      } else {
        clear();
        if (!interactive) stream.write(`${event.phase ? `${event.phase} ` : ""}round ${event.round} done after ${(event.elapsedMs / 1e3).toFixed(1)} s
`);
      }
    },
    finish: clear
  };
}

// src/commands/compare.ts
import { existsSync as existsSync4, symlinkSync } from "node:fs";
import { dirname as dirname3, join as join3, relative as relative2, resolve as resolve3 } from "node:path";

// src/analysis/compare.ts
init_types();

// src/stats/holm.ts
function holmLevels(pValues, alpha = 0.05) {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const levels = new Array(m);
  let failedAt;
  order.forEach(({ p, i }, k) => {
    const step = failedAt ?? k;
    const level = alpha / (m - step);
    if (failedAt === void 0 && p > level) failedAt = k;
    levels[i] = level;
  });
  return levels;
}

// src/stats/signed-rank.ts
var cdfCache = /* @__PURE__ */ new Map();
function signedRankCdf(n) {
  const cached = cdfCache.get(n);
  if (cached) return cached;
  const max = n * (n + 1) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    for (let t = Math.min(max, rank * (rank + 1) / 2); t >= rank; t--) counts[t] += counts[t - rank];
  }
  const total = 2 ** n;
  const cdf = new Float64Array(max + 1);
  let running = 0;
  for (let t = 0; t <= max; t++) {
    running += counts[t];
    cdf[t] = running / total;
  }
  cdfCache.set(n, cdf);
  return cdf;
}
function walshInterval(d, alpha) {
  const n = d.length;
  if (n === 0) return null;
  const cdf = signedRankCdf(n);
  let k = -1;
  while (k + 1 < cdf.length && cdf[k + 1] <= alpha / 2) k++;
  if (k < 0) return null;
  const walsh = new Float64Array(n * (n + 1) / 2);
  let w = 0;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh[w++] = (d[i] + d[j]) / 2;
  walsh.sort();
  return [walsh[k], walsh[walsh.length - 1 - k]];
}

// src/stats/rng.ts
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function shuffled(items, random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// src/stats/bootstrap.ts
var DEFAULT_RESAMPLES = 2e3;
function medianInPlace(xs, length = xs.length) {
  if (length === 0) return Number.NaN;
  const mid = length >> 1;
  const upper = select(xs, 0, length - 1, mid);
  if (length % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (xs[i] > lower) lower = xs[i];
  return (lower + upper) / 2;
}
function select(xs, lo, hi, k) {
  while (lo < hi) {
    const pivot = xs[lo + hi >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] < pivot) i++;
      while (xs[j] > pivot) j--;
      if (i <= j) {
        const t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k];
  }
  return xs[k];
}
function bootstrapDistribution(values, statistic, options) {
  const n = values.length;
  const count = options.resamples ?? DEFAULT_RESAMPLES;
  const out = new Float64Array(count);
  if (n === 0) return out.fill(Number.NaN);
  const random = mulberry32(options.seed);
  const scratch = new Float64Array(n);
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < n; i++) scratch[i] = values[Math.floor(random() * n)];
    out[b] = statistic(scratch);
  }
  return out.sort();
}
function quantileSorted(sorted, q) {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
function percentileInterval(sorted, alpha) {
  return [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)];
}
function tailAtOrAbove(sorted, x) {
  let count = 0;
  for (let i = sorted.length - 1; i >= 0 && sorted[i] >= x; i--) count++;
  return (count + 1) / (sorted.length + 1);
}
function tailAtOrBelow(sorted, x) {
  let count = 0;
  for (let i = 0; i < sorted.length && sorted[i] <= x; i++) count++;
  return (count + 1) / (sorted.length + 1);
}

// src/stats/paired.ts
function logRatios(base, head) {
  const out = [];
  for (let i = 0; i < Math.min(base.length, head.length); i++) {
    if (base[i] > 0 && head[i] > 0 && Number.isFinite(base[i]) && Number.isFinite(head[i])) out.push(Math.log(head[i] / base[i]));
  }
  return out;
}
function median(values) {
  return medianInPlace(Float64Array.from(values));
}
function hodgesLehmann(values, scratch) {
  const n = values.length;
  const size = n * (n + 1) / 2;
  const walsh = scratch && scratch.length >= size ? scratch : new Float64Array(size);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh[k++] = (values[i] + values[j]) / 2;
  return medianInPlace(walsh, size);
}
function statisticFor(estimator, n) {
  if (estimator === "median") return (xs) => medianInPlace(xs);
  const scratch = new Float64Array(n * (n + 1) / 2);
  return (xs) => hodgesLehmann(xs, scratch);
}
function pairedBootstrap(d, options) {
  const estimator = options.estimator ?? "hodges-lehmann";
  const statistic = statisticFor(estimator, d.length);
  const estimate = d.length ? statistic(Float64Array.from(d)) : Number.NaN;
  const distribution = bootstrapDistribution(d, statistic, { seed: options.seed, resamples: options.resamples });
  const center = median(d);
  const spread = d.length ? 1.4826 * median(d.map((x) => Math.abs(x - center))) : Number.NaN;
  return { n: d.length, estimator, estimate, distribution, spread };
}
function toChange(logRatio) {
  return Math.expm1(logRatio);
}
function toLog(change) {
  return Math.log1p(change);
}
function changeInterval(boot, alpha) {
  const [lo, hi] = percentileInterval(boot.distribution, alpha);
  return [toChange(lo), toChange(hi)];
}
function beyondFloorPValue(boot, floor) {
  const below = tailAtOrAbove(boot.distribution, toLog(-floor));
  const above = tailAtOrBelow(boot.distribution, toLog(floor));
  return Math.min(1, 2 * Math.min(below, above));
}
function unpairedBootstrap(base, head, options) {
  const count = options.resamples ?? 2e3;
  const clean = (xs) => xs.filter((x) => x > 0 && Number.isFinite(x));
  const b = clean(base);
  const h = clean(head);
  const n = Math.min(b.length, h.length);
  const distribution = new Float64Array(count);
  if (n === 0) {
    return { n: 0, estimator: "median", estimate: Number.NaN, distribution: distribution.fill(Number.NaN), spread: Number.NaN };
  }
  const estimate = Math.log(median(h) / median(b));
  const random = mulberry32(options.seed);
  const sb = new Float64Array(b.length);
  const sh = new Float64Array(h.length);
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < b.length; i++) sb[i] = b[Math.floor(random() * b.length)];
    for (let i = 0; i < h.length; i++) sh[i] = h[Math.floor(random() * h.length)];
    distribution[r] = Math.log(medianInPlace(sh) / medianInPlace(sb));
  }
  const logSpread = (xs) => {
    const logs = xs.map(Math.log);
    const c = median(logs);
    return 1.4826 * median(logs.map((x) => Math.abs(x - c)));
  };
  const spread = Math.SQRT2 * Math.max(logSpread(b), logSpread(h));
  return { n, estimator: "median", estimate, distribution: distribution.sort(), spread };
}

// src/analysis/compare.ts
var COMPARE_DEFAULTS = {
  threshold: 0.05,
  noiseFloor: 0.01,
  memoryThreshold: 0.1,
  /** Peak-RSS differences smaller than this are allocator noise, whatever the fraction. */
  memoryMinBytes: 2 * 1024 * 1024,
  alpha: 0.05,
  minRounds: 6,
  maxRounds: 60,
  seed: 1,
  resamples: 2e3
};
function decideVerdict(ci95, holmCi, rule) {
  const [lo, hi] = holmCi;
  const floor = Math.min(rule.noiseFloor, rule.threshold);
  if (![lo, hi, ...ci95].every(Number.isFinite)) return "inconclusive";
  if (hi < -floor && lo <= -rule.threshold) return "regression";
  if (lo > floor && hi >= rule.threshold) return "improvement";
  if (ci95[0] > -rule.threshold && ci95[1] < rule.threshold) return "unchanged";
  return "inconclusive";
}
function detectableChange(ci, rule) {
  const h = (ci[1] - ci[0]) / 2;
  return Math.max(Math.min(rule.noiseFloor, rule.threshold) + h, rule.threshold - h);
}
var LOOKS = [6, 9, 13, 19, 28, 40, 60];
function looksFor(minRounds, maxRounds) {
  if (maxRounds <= 0) return 1;
  return LOOKS.filter((n) => n >= minRounds && n <= maxRounds).length + 1;
}
function isLook(rounds, maxRounds) {
  return LOOKS.includes(rounds) || rounds >= maxRounds;
}
function comparisonSeed(seed, key) {
  let h = 2166136261 ^ seed >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
function memorySummary(input, settings) {
  let baseRss = [];
  let headRss = [];
  let ratios = [];
  if (input.rounds) {
    for (const r of input.rounds) {
      if (r.basePeakRssBytes && r.headPeakRssBytes) {
        baseRss.push(r.basePeakRssBytes);
        headRss.push(r.headPeakRssBytes);
        ratios.push(Math.log(r.headPeakRssBytes / r.basePeakRssBytes));
      }
    }
  } else if (input.unpaired?.basePeakRssBytes && input.unpaired.headPeakRssBytes) {
    baseRss = [input.unpaired.basePeakRssBytes];
    headRss = [input.unpaired.headPeakRssBytes];
    ratios = [Math.log(headRss[0] / baseRss[0])];
  }
  if (ratios.length === 0) return { base: null, head: null, change: null, growth: false };
  const base = median(baseRss);
  const head = median(headRss);
  const change = toChange(median(ratios));
  const growth = change > settings.memoryThreshold && head - base > COMPARE_DEFAULTS.memoryMinBytes;
  return { base, head, change, growth };
}
var MODEL_RANK = new Map(MODELS.map((m, i) => [m, i]));
function orderComparisons(comparisons, workloadOrder) {
  const rank = { regression: 0, improvement: 1, inconclusive: 1, unchanged: 1 };
  const wi = (name) => {
    const i = workloadOrder.indexOf(name);
    return i < 0 ? workloadOrder.length : i;
  };
  return [...comparisons].sort(
    (a, b) => rank[a.verdict] - rank[b.verdict] || wi(a.workload) - wi(b.workload) || (MODEL_RANK.get(a.model) ?? 0) - (MODEL_RANK.get(b.model) ?? 0) || a.concurrency - b.concurrency
  );
}
function analyzeComparisons(inputs, settings) {
  const rule = { threshold: settings.threshold, noiseFloor: settings.noiseFloor };
  const boots = inputs.map((input) => {
    const seed = comparisonSeed(settings.seed, `${input.workload}\0${input.model}\0${input.concurrency}`);
    if (input.error) return null;
    if (input.rounds) {
      const d = logRatios(input.rounds.map((r) => r.base), input.rounds.map((r) => r.head));
      return d.length ? pairedBootstrap(d, { seed, resamples: settings.resamples }) : null;
    }
    if (input.unpaired) {
      const boot = unpairedBootstrap(input.unpaired.base, input.unpaired.head, { seed, resamples: settings.resamples });
      return boot.n ? boot : null;
    }
    return null;
  });
  const family = boots.map((b, i) => ({ b, i })).filter((x) => x.b !== null);
  const claimAlpha = settings.alpha / looksFor(settings.minRounds, settings.maxRounds);
  const levels = holmLevels(family.map(({ b }) => beyondFloorPValue(b, rule.noiseFloor)), claimAlpha);
  const levelOf = new Map(family.map(({ i }, k) => [i, levels[k]]));
  return inputs.map((input, i) => {
    const boot = boots[i];
    const memory = memorySummary(input, settings);
    const sides = input.rounds ? {
      base: median(input.rounds.map((r) => r.base).filter((x) => x > 0)),
      head: median(input.rounds.map((r) => r.head).filter((x) => x > 0))
    } : { base: input.unpaired ? median(input.unpaired.base) : Number.NaN, head: input.unpaired ? median(input.unpaired.head) : Number.NaN };
    const finite = (x) => Number.isFinite(x) ? x : null;
    const common = {
      workload: input.workload,
      model: input.model,
      concurrency: input.concurrency,
      roles: input.roles,
      base: { throughput: finite(sides.base), peakRssBytes: memory.base },
      head: { throughput: finite(sides.head), peakRssBytes: memory.head },
      memoryChange: memory.change,
      memoryGrowth: memory.growth
    };
    if (!boot) {
      return {
        ...common,
        verdict: "inconclusive",
        change: null,
        ci95: null,
        holmCi: null,
        holmLevel: 1 - claimAlpha,
        rounds: 0,
        roundSpread: null,
        detectableChange: null,
        error: input.error ?? "no round measured both sides"
      };
    }
    const level = levelOf.get(i) ?? claimAlpha;
    const d = input.rounds ? logRatios(input.rounds.map((r) => r.base), input.rounds.map((r) => r.head)) : null;
    const holm = widen(changeInterval(boot, level), d, level);
    const wide = widen(changeInterval(boot, 0.05), d, 0.05);
    const holmCi = holm.ci;
    const ci95 = wide.ci;
    const usable = boot.n >= 2 && holm.decidable && wide.decidable;
    const comparison = {
      ...common,
      verdict: usable ? decideVerdict(ci95, holmCi, rule) : "inconclusive",
      change: toChange(boot.estimate),
      ci95,
      holmCi,
      holmLevel: 1 - level,
      rounds: boot.n,
      roundSpread: finite(boot.spread),
      detectableChange: usable ? detectableChange(holmCi, rule) : null
    };
    if (input.error) comparison.error = input.error;
    return comparison;
  });
}
function widen(ci, d, alpha) {
  if (!d) return { ci, decidable: true };
  const exact = walshInterval(d, alpha);
  if (!exact) return { ci, decidable: false };
  return { ci: [Math.min(ci[0], toChange(exact[0])), Math.max(ci[1], toChange(exact[1]))], decidable: true };
}
function summarizeNoise(comparisons) {
  const spreads = comparisons.map((c) => c.roundSpread).filter((x) => x !== null);
  const detectable = comparisons.map((c) => c.detectableChange).filter((x) => x !== null);
  return {
    roundSpread: spreads.length ? median(spreads) : null,
    detectableChange: detectable.length ? median(detectable) : null
  };
}
function recommendationChanges(base, head) {
  const pick = (w) => w?.recommendation ? { model: w.recommendation.model, concurrency: w.recommendation.concurrency } : null;
  const names = [...head.map((w) => w.name), ...base.map((w) => w.name).filter((n) => !head.some((w) => w.name === n))];
  const changes = [];
  for (const name of names) {
    const b = pick(base.find((w) => w.name === name));
    const h = pick(head.find((w) => w.name === name));
    if (b?.model === h?.model && b?.concurrency === h?.concurrency) continue;
    changes.push({ workload: name, base: b, head: h });
  }
  return changes;
}
function actionableVerdict(verdict, rounds, maxRounds) {
  if ((verdict === "regression" || verdict === "improvement") && !isLook(rounds, maxRounds)) return "inconclusive";
  return verdict;
}
function nextRound(states, options) {
  const wanted = states.map((s, i) => ({ s, i })).filter(({ s }) => !s.failed && s.rounds < options.maxRounds && (s.rounds < options.minRounds || s.verdict === "inconclusive"));
  if (wanted.length === 0) {
    const capped = states.some((s) => !s.failed && s.verdict === "inconclusive" && s.rounds >= options.maxRounds);
    return { measure: [], reason: capped ? "max-rounds" : "decided" };
  }
  wanted.sort((a, b) => a.s.rounds - b.s.rounds || a.i - b.i);
  const measure = [];
  let left = options.remainingMs;
  for (const { s, i } of wanted) {
    if (s.roundCostMs > left) continue;
    left -= s.roundCostMs;
    measure.push(i);
  }
  return measure.length ? { measure: measure.sort((a, b) => a - b), reason: "continue" } : { measure: [], reason: "budget" };
}

// src/analysis/compare-select.ts
init_types();
function selectCells(base, head) {
  const okIn = (w, model2, concurrency) => w.cells.find((c) => c.model === model2 && c.concurrency === concurrency && c.status === "ok" && c.throughput.median > 0);
  const selected = [];
  const add = (model2, concurrency, role) => {
    const existing = selected.find((s) => s.model === model2 && s.concurrency === concurrency);
    if (existing) {
      if (!existing.roles.includes(role)) existing.roles.push(role);
    } else {
      selected.push({ workload: head.name, model: model2, concurrency, roles: [role] });
    }
  };
  for (const model2 of MODELS) {
    let best;
    for (const cell2 of head.cells.filter((c) => c.model === model2)) {
      const b = okIn(base, model2, cell2.concurrency);
      const h = okIn(head, model2, cell2.concurrency);
      if (!b || !h) continue;
      const score = Math.log(b.throughput.median) + Math.log(h.throughput.median);
      if (!best || score > best.score) best = { concurrency: cell2.concurrency, score };
    }
    if (best) add(model2, best.concurrency, "best");
  }
  for (const w of [head, base]) {
    const r = w.recommendation;
    if (r && okIn(base, r.model, r.concurrency) && okIn(head, r.model, r.concurrency)) add(r.model, r.concurrency, "recommended");
  }
  const rank = (m) => MODELS.indexOf(m);
  return selected.sort((a, b) => rank(a.model) - rank(b.model) || a.concurrency - b.concurrency);
}

// src/stats/sorted.ts
function sortSamples(values) {
  return Array.from(values).sort((a, b) => a - b);
}
function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
function median2(sorted) {
  return quantile(sorted, 0.5);
}

// src/stats/ratio.ts
function groupSamples(values, sizes) {
  if (!sizes || sizes.reduce((a, b) => a + b, 0) !== values.length) return [values.slice()];
  const groups = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(values.slice(at, at + size));
    at += size;
  }
  return groups;
}
function resampledGroupedMedian(groups, random, scratch) {
  scratch.length = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[Math.floor(random() * groups.length)];
    for (let i = 0; i < group.length; i++) scratch.push(group[Math.floor(random() * group.length)]);
  }
  scratch.sort((x, y) => x - y);
  const mid = (scratch.length - 1) / 2;
  return (scratch[Math.floor(mid)] + scratch[Math.ceil(mid)]) / 2;
}
function ratioOfMediansGrouped(a, b, options = {}) {
  const resamples = options.resamples ?? 2e3;
  const random = mulberry32(options.seed ?? 1);
  const ratio = median2(sortSamples(a.flat())) / median2(sortSamples(b.flat()));
  const scratchA = [];
  const scratchB = [];
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) ratios[r] = resampledGroupedMedian(a, random, scratchA) / resampledGroupedMedian(b, random, scratchB);
  ratios.sort();
  const at = (q) => ratios[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))];
  return { ratio, ci95: [at(0.025), at(0.975)] };
}

// src/analysis/recommend.ts
init_types();
var DEFAULT_MARGIN = 0.1;
function judge(costly, cheap, margin, seed) {
  const { ci95 } = ratioOfMediansGrouped(
    groupSamples(costly.batchThroughputs, costly.batchesPerRound),
    groupSamples(cheap.batchThroughputs, cheap.batchesPerRound),
    { seed }
  );
  if (ci95[0] > 1 + margin) return "wins";
  if (ci95[1] < 1 + margin) return "loses";
  return "within-noise";
}
var percent = (fraction) => `${Math.round(fraction * 100)}%`;
var times = (value) => `x${value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2)}`;
var UNIT = {
  sequential: ["task at a time", "tasks at a time"],
  async: ["in flight", "in flight"],
  thread: ["thread", "threads"],
  process: ["process", "processes"]
};
var unit = (model2, c) => `${c} ${UNIT[model2][c === 1 ? 0 : 1]}`;
var CLASS_WORDS = {
  "cpu-bound": "CPU-bound",
  "io-bound": "I/O-bound",
  mixed: "Mixed CPU and waiting"
};
function recommend(cells, classification, sequentialCpu, options = {}) {
  const margin = options.margin ?? 0.1;
  const seed = options.seed ?? 1;
  const usable = cells.filter((c) => c.status === "ok" && c.batchThroughputs.length > 0);
  const byModel = /* @__PURE__ */ new Map();
  for (const model2 of MODELS) {
    const levels = usable.filter((c) => c.model === model2).sort((a, b) => a.concurrency - b.concurrency);
    if (levels.length > 0) byModel.set(model2, levels);
  }
  const baseline = byModel.get("sequential")?.[0];
  if (!baseline) return void 0;
  let unclear = false;
  const withinNoise = [];
  const bestOfModel = /* @__PURE__ */ new Map();
  for (const [model2, levels] of byModel) {
    let choice = levels[0];
    for (const candidate of levels.slice(1)) {
      const verdict2 = judge(candidate, choice, margin, seed);
      if (verdict2 === "wins") choice = candidate;
    }
    bestOfModel.set(model2, choice);
  }
  let current = baseline;
  for (const model2 of MODELS.slice(1)) {
    const challenger = bestOfModel.get(model2);
    if (!challenger) continue;
    const verdict2 = judge(challenger, current, margin, seed);
    if (verdict2 === "wins") {
      current = challenger;
    } else if (verdict2 === "within-noise" && challenger.throughput.median > current.throughput.median) {
      unclear = true;
      withinNoise.push(model2);
    }
  }
  const finalWithinNoise = withinNoise.filter((m) => MODELS.indexOf(m) > MODELS.indexOf(current.model));
  const speedupOf = (cell2) => cell2.throughput.median / baseline.throughput.median;
  const evidence = MODELS.slice(1).filter((m) => bestOfModel.has(m)).map((m) => {
    const cell2 = bestOfModel.get(m);
    return `${m} ${times(speedupOf(cell2))} at ${unit(m, cell2.concurrency)}`;
  }).join(", ");
  const waited = (options.sequentialRunQueue ?? 0) >= 0.05 ? ` and waited ${percent(options.sequentialRunQueue)} for one` : "";
  const kind = classification ? `${CLASS_WORDS[classification]} (sequential used ${percent(sequentialCpu ?? 0)} of a core${waited})` : "Unclassified";
  const marginText = percent(margin);
  let verdict;
  if (current.model === "sequential") {
    verdict = `no model beat sequential by more than ${marginText} with 95% confidence, so the simplest code wins`;
    const pools = ["thread", "process"].map((m) => bestOfModel.get(m)).filter((c) => c !== void 0);
    if (pools.length > 0 && pools.every((c) => speedupOf(c) < 1 - margin)) {
      verdict += `; handing a task to a thread or process costs more than the task itself`;
    }
  } else {
    verdict = `recommended: ${current.model} at ${unit(current.model, current.concurrency)}, which beats every cheaper option by more than ${marginText} with 95% confidence`;
  }
  if (finalWithinNoise.length > 0) verdict += `; ${finalWithinNoise.join(" and ")} ${finalWithinNoise.length > 1 ? "were" : "was"} faster but within noise, so the cheaper ${current.model} is recommended`;
  const fewRounds = Math.min(baseline.rounds, current.rounds) < 2;
  if (fewRounds) verdict += "; measured in one round only, so differences between processes are not accounted for (a longer --time-budget gives more rounds)";
  return {
    model: current.model,
    concurrency: current.concurrency,
    speedup: Math.round(speedupOf(current) * 1e3) / 1e3,
    reason: `${kind}: ${evidence || "only sequential was measured"}. ${verdict[0].toUpperCase()}${verdict.slice(1)}.`,
    confidence: unclear || fewRounds ? "low" : "high",
    withinNoise: finalWithinNoise
  };
}

// src/config/load.ts
init_types();
import { readFileSync, existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve, relative } from "node:path";

// src/config/errors.ts
var ConfigError = class extends Error {
  code = "CONFIG_INVALID";
  file;
  field;
  expected;
  constructor(file, field, expected) {
    super(`${file}: ${field ? `${field}: ` : ""}${expected}`);
    this.name = "ConfigError";
    this.file = file;
    this.field = field;
    this.expected = expected;
  }
};

// src/config/load.ts
var DEFAULT_CONFIG_FILE = "concurrency-bench.config.json";
var DEFAULT_TIMEOUT_MS = 3e4;
var START_METHODS = ["fork", "spawn", "forkserver"];
var WORKLOAD_KEYS = /* @__PURE__ */ new Set([
  "name",
  "module",
  "entry",
  "function",
  "runtime",
  "python",
  "startMethod",
  "tasks",
  "concurrency",
  "models",
  "timeoutMs"
]);
var TOP_KEYS = /* @__PURE__ */ new Set(["$schema", "workloads", "prepare"]);
function sweep(max, extra = []) {
  const levels = new Set(extra.filter((c) => c <= max));
  for (let c = 1; c <= max; c *= 2) levels.add(c);
  levels.add(Math.max(1, max));
  return [...levels].sort((a, b) => a - b);
}
function defaultConcurrency(tasks, cpus2 = availableParallelism()) {
  return {
    sequential: [1],
    async: sweep(tasks),
    thread: sweep(2 * cpus2, [cpus2]),
    process: sweep(2 * cpus2, [cpus2])
  };
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "..." : value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
function isPositiveInt(value) {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
function loadConfig(path, options = {}) {
  const file = resolve(path);
  const shown = relative(process.cwd(), file) || file;
  const fail = (field, expected) => {
    throw new ConfigError(shown, field, expected);
  };
  if (!existsSync(file)) fail("", `config file not found (expected a JSON file declaring "workloads"; see ${DEFAULT_CONFIG_FILE} in the README)`);
  if (statSync(file).isDirectory()) fail("", "is a directory, expected a JSON config file");
  let raw;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    fail("", `not valid JSON (${error.message})`);
  }
  return parseConfig(raw, file, shown, options.cpus);
}
function parseConfig(raw, file, shown = file, cpus2 = availableParallelism()) {
  const fail = (field, expected) => {
    throw new ConfigError(shown, field, expected);
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("", `expected an object with "workloads", got ${describe(raw)}`);
  const top = raw;
  for (const key of Object.keys(top)) if (!TOP_KEYS.has(key)) fail(key, `unknown field (allowed: ${[...TOP_KEYS].join(", ")})`);
  if (top.prepare !== void 0 && (typeof top.prepare !== "string" || top.prepare.trim() === "")) {
    fail("prepare", `expected a non-empty shell command string, got ${describe(top.prepare)}`);
  }
  if (!("workloads" in top)) fail("workloads", "missing: expected a non-empty array of workloads");
  if (!Array.isArray(top.workloads)) fail("workloads", `expected a non-empty array of workloads, got ${describe(top.workloads)}`);
  const list = top.workloads;
  if (list.length === 0) fail("workloads", "expected at least one workload, got an empty array");
  const dir = dirname(file);
  const seen = /* @__PURE__ */ new Map();
  const workloads = list.map((item, index) => {
    const at = `workloads[${index}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) fail(at, `expected an object, got ${describe(item)}`);
    const w = item;
    for (const key of Object.keys(w)) if (!WORKLOAD_KEYS.has(key)) fail(`${at}.${key}`, `unknown field (allowed: ${[...WORKLOAD_KEYS].join(", ")})`);
    if (typeof w.name !== "string" || w.name.trim() === "") fail(`${at}.name`, `expected a non-empty string, got ${w.name === void 0 ? "nothing (missing)" : describe(w.name)}`);
    const name = w.name;
    if (seen.has(name)) fail(`${at}.name`, `duplicate workload name ${JSON.stringify(name)} (also workloads[${seen.get(name)}].name); names must be unique`);
    seen.set(name, index);
    const runtime = w.runtime ?? "node";
    if (!RUNTIMES.includes(runtime)) fail(`${at}.runtime`, `expected one of ${RUNTIMES.join(", ")}, got ${describe(w.runtime)}`);
    let module;
    let fn = "run";
    if (w.entry !== void 0) {
      if (runtime !== "python") fail(`${at}.entry`, 'only for runtime "python" ("package.module:function"); Node workloads use "module"');
      if (w.module !== void 0) fail(`${at}.entry`, 'give either "module" or "entry", not both');
      if (typeof w.entry !== "string" || !/^[A-Za-z_][\w.]*:[A-Za-z_]\w*$/.test(w.entry)) fail(`${at}.entry`, `expected "package.module:function", got ${describe(w.entry)}`);
      const [mod, func] = w.entry.split(":");
      module = mod;
      fn = func;
    } else {
      if (w.module === void 0) fail(`${at}.module`, "missing: expected the path of the workload module, relative to the config file");
      if (typeof w.module !== "string" || w.module.trim() === "") fail(`${at}.module`, `expected a non-empty path string, got ${describe(w.module)}`);
      module = w.module;
    }
    if (w.function !== void 0) {
      if (runtime !== "python") fail(`${at}.function`, 'only for runtime "python"; a Node workload module exports its task as the default export');
      if (typeof w.function !== "string" || !/^[A-Za-z_]\w*$/.test(w.function)) fail(`${at}.function`, `expected a Python identifier, got ${describe(w.function)}`);
      fn = w.function;
    }
    if (w.python !== void 0 && (runtime !== "python" || typeof w.python !== "string" || w.python === "")) {
      fail(`${at}.python`, runtime !== "python" ? 'only for runtime "python"' : `expected an interpreter command or path, got ${describe(w.python)}`);
    }
    if (w.startMethod !== void 0 && (runtime !== "python" || !START_METHODS.includes(w.startMethod))) {
      fail(`${at}.startMethod`, runtime !== "python" ? 'only for runtime "python"' : `expected one of ${START_METHODS.join(", ")}, got ${describe(w.startMethod)}`);
    }
    if (!isPositiveInt(w.tasks)) fail(`${at}.tasks`, `expected a positive integer (tasks per batch), got ${w.tasks === void 0 ? "nothing (missing)" : describe(w.tasks)}`);
    const tasks = w.tasks;
    if (tasks > 1e6) fail(`${at}.tasks`, `expected at most 1000000 tasks per batch, got ${tasks}`);
    let models = [...MODELS];
    if (w.models !== void 0) {
      if (!Array.isArray(w.models) || w.models.length === 0) fail(`${at}.models`, `expected a non-empty array of ${MODELS.join(", ")}, got ${describe(w.models)}`);
      w.models.forEach((m, i) => {
        if (!MODELS.includes(m)) fail(`${at}.models[${i}]`, `expected one of ${MODELS.join(", ")}, got ${describe(m)}`);
      });
      models = MODELS.filter((m) => m === "sequential" || w.models.includes(m));
    }
    const concurrency = defaultConcurrency(tasks, cpus2);
    if (w.concurrency !== void 0) {
      const levelsAt = (value, field) => {
        if (!Array.isArray(value) || value.length === 0) fail(field, `expected a non-empty array of positive integers, got ${describe(value)}`);
        value.forEach((c, i) => {
          if (!isPositiveInt(c) || c > 1024) fail(`${field}[${i}]`, `expected a positive integer up to 1024, got ${describe(c)}`);
        });
        const levels = [...new Set(value)].sort((a, b) => a - b).filter((c) => c <= tasks);
        if (levels.length === 0) fail(field, `every level exceeds tasks (${tasks}); expected levels <= tasks`);
        return levels;
      };
      if (Array.isArray(w.concurrency)) {
        const levels = levelsAt(w.concurrency, `${at}.concurrency`);
        concurrency.async = concurrency.thread = concurrency.process = levels;
      } else if (typeof w.concurrency === "object" && w.concurrency !== null) {
        for (const [model2, value] of Object.entries(w.concurrency)) {
          if (model2 === "sequential" || !MODELS.includes(model2)) fail(`${at}.concurrency.${model2}`, `expected one of async, thread, process as key`);
          concurrency[model2] = levelsAt(value, `${at}.concurrency.${model2}`);
        }
      } else {
        fail(`${at}.concurrency`, `expected an array of positive integers or an object of arrays per model, got ${describe(w.concurrency)}`);
      }
    }
    let timeoutMs = DEFAULT_TIMEOUT_MS;
    if (w.timeoutMs !== void 0) {
      if (!isPositiveInt(w.timeoutMs)) fail(`${at}.timeoutMs`, `expected a positive integer of milliseconds, got ${describe(w.timeoutMs)}`);
      timeoutMs = w.timeoutMs;
    }
    const workload2 = {
      name,
      runtime,
      module,
      configDir: dir,
      modulePath: runtime === "python" && w.entry !== void 0 ? module : resolve(dir, module),
      function: fn,
      tasks,
      concurrency,
      models,
      timeoutMs
    };
    if (w.python !== void 0) workload2.python = w.python;
    if (w.startMethod !== void 0) workload2.startMethod = w.startMethod;
    return workload2;
  });
  const config = { file, dir, workloads };
  if (typeof top.prepare === "string") config.prepare = top.prepare;
  return config;
}

// src/git/errors.ts
var GitUsageError = class extends Error {
  code = "GIT_USAGE";
  exitCode = 2;
  constructor(message) {
    super(message);
    this.name = "GitUsageError";
  }
};
var PrepareError = class extends Error {
  code = "PREPARE_FAILED";
  exitCode = 3;
  /** Which side of the compare. */
  tree;
  /** Where the command ran. */
  cwd;
  /** The last lines of its combined stdout and stderr. */
  outputTail;
  constructor(tree, cwd, summary, outputTail2) {
    super(`${summary}${outputTail2 ? `
--- last output ---
${outputTail2}` : ""}`);
    this.name = "PrepareError";
    this.tree = tree;
    this.cwd = cwd;
    this.outputTail = outputTail2;
  }
};

// src/git/git.ts
import { execFile } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { join } from "node:path";
function git(cwd, args) {
  return new Promise((resolve5, reject) => {
    execFile("git", args, { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" } }, (error, stdout, stderr) => {
      if (error && typeof error.code === "string") {
        reject(new GitUsageError(`could not run git (${error.code}): compare needs git on PATH`));
        return;
      }
      resolve5({ code: error ? error.code ?? 1 : 0, stdout: stdout.toString(), stderr: stderr.toString() });
    });
  });
}
async function repoRoot(cwd) {
  const r = await git(cwd, ["rev-parse", "--show-toplevel"]);
  if (r.code !== 0) throw new GitUsageError(`${cwd} is not inside a git repository: compare --base needs one (or compare two results files: compare BASE.json HEAD.json)`);
  return r.stdout.trim();
}
async function resolveCommit(root, ref2) {
  if (ref2.startsWith("-")) throw new GitUsageError(`invalid ref ${JSON.stringify(ref2)}: a ref cannot start with "-"`);
  const r = await git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref2}^{commit}`]);
  if (r.code === 0) return r.stdout.trim();
  const head = await git(root, ["rev-parse", "--verify", "--quiet", "HEAD"]);
  if (head.code !== 0) throw new GitUsageError(`the repository at ${root} has no commits yet: there is no base to compare against`);
  const shallow = existsSync2(join(root, ".git", "shallow")) || (await git(root, ["rev-parse", "--is-shallow-repository"])).stdout.trim() === "true";
  throw new GitUsageError(
    `unknown git ref ${JSON.stringify(ref2)} in ${root}${shallow ? " (this is a shallow clone: fetch the base, e.g. actions/checkout with fetch-depth: 0)" : " (check the branch name, or fetch it first)"}`
  );
}
async function isDirty(root) {
  const r = await git(root, ["status", "--porcelain", "--untracked-files=normal"]);
  return r.code === 0 && r.stdout.trim() !== "";
}

// src/git/prepare.ts
import { spawn } from "node:child_process";
var TAIL_CHARS = 4e3;
var TAIL_LINES = 30;
function outputTail(text) {
  const lines = text.replace(/\s+$/, "").split(/\r?\n/);
  return lines.slice(-TAIL_LINES).join("\n").slice(-TAIL_CHARS);
}
async function runPrepare(command, cwd, tree, options = {}) {
  const started = performance.now();
  const where = `${tree} tree${options.label ? ` (${options.label})` : ""} at ${cwd}`;
  const child = spawn(command, { cwd, shell: true, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: process.env.CI ?? "" } });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString("utf8")).slice(-TAIL_CHARS * 4);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const killGroup2 = () => {
    try {
      if (child.pid !== void 0) process.kill(-child.pid, "SIGKILL");
    } catch {
    }
  };
  let reason;
  const onAbort = () => {
    reason = "was interrupted";
    killGroup2();
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const timer = options.timeoutMs ? setTimeout(() => {
    reason = `did not finish within ${Math.round(options.timeoutMs / 1e3)} s`;
    killGroup2();
  }, options.timeoutMs) : void 0;
  const exit = await new Promise((resolve5) => {
    child.once("error", (error) => resolve5({ code: null, signal: null, error }));
    child.once("close", (code, signal) => resolve5({ code, signal }));
  });
  clearTimeout(timer);
  options.signal?.removeEventListener("abort", onAbort);
  killGroup2();
  if (exit.code === 0 && !reason) return { elapsedMs: performance.now() - started };
  const how = reason ?? (exit.error ? `could not start (${exit.error.message})` : exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`);
  throw new PrepareError(tree, cwd, `prepare command ${JSON.stringify(command)} ${how} in the ${where}`, outputTail(output));
}

// src/git/worktree.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
var live = /* @__PURE__ */ new Map();
var SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
var handlersInstalled = false;
function removeSync(path, root) {
  try {
    execFileSync("git", ["worktree", "remove", "--force", path], { cwd: root, stdio: "ignore" });
  } catch {
  }
  rmSync(dirnameOf(path), { recursive: true, force: true });
  try {
    execFileSync("git", ["worktree", "prune"], { cwd: root, stdio: "ignore" });
  } catch {
  }
  live.delete(path);
}
function dirnameOf(path) {
  return join2(path, "..");
}
function removeAllSync() {
  for (const [path, root] of [...live]) removeSync(path, root);
}
function onSignal(signal) {
  removeAllSync();
  if (process.listenerCount(signal) <= 1) {
    uninstallHandlers();
    process.kill(process.pid, signal);
  }
}
function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on("exit", removeAllSync);
}
function uninstallHandlers() {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off("exit", removeAllSync);
}
async function createWorktree(root, ref2, options = {}) {
  const sha = await resolveCommit(root, ref2);
  const parent = realpathSync(mkdtempSync(join2(tmpdir(), `concurrency-bench-${options.label ?? "base"}-`)));
  const path = join2(parent, "tree");
  live.set(path, root);
  installHandlers();
  const added = await git(root, ["worktree", "add", "--detach", "--force", path, sha]);
  if (added.code !== 0) {
    removeSync(path, root);
    if (live.size === 0) uninstallHandlers();
    throw new GitUsageError(`could not check out ${ref2} (${sha.slice(0, 12)}) into a temporary worktree: ${added.stderr.trim().split("\n").at(-1) ?? "git worktree add failed"}`);
  }
  let removed = false;
  return {
    path,
    sha,
    ref: ref2,
    async remove() {
      if (removed) return;
      removed = true;
      await git(root, ["worktree", "remove", "--force", path]);
      rmSync(parent, { recursive: true, force: true });
      await git(root, ["worktree", "prune"]);
      live.delete(path);
      if (live.size === 0) uninstallHandlers();
    }
  };
}

// src/measure/scheduler.ts
init_registry();

// src/runtimes/visit.ts
import { spawn as spawn2 } from "node:child_process";
import { createInterface } from "node:readline";

// src/runtimes/process-groups.ts
var live2 = /* @__PURE__ */ new Set();
function trackGroup(pid) {
  live2.add(pid);
}
function killGroup(pid) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
  }
  live2.delete(pid);
}
function killAllGroups() {
  for (const pid of [...live2]) killGroup(pid);
}
process.on("exit", killAllGroups);

// src/runtimes/visit.ts
init_types2();
var TAIL_BYTES = 8192;
function keepTail(stream) {
  let tail = "";
  stream?.setEncoding("utf8");
  stream?.on("data", (chunk) => {
    tail = (tail + chunk).slice(-TAIL_BYTES);
  });
  return () => tail;
}
function lastErrorLine(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/(Error|Exception|error:|Traceback|Killed|Aborted)/.test(lines[i]) && !/^\s*at /.test(lines[i])) return lines[i];
  }
  return lines.at(-1) ?? "";
}
async function runVisit(runtime, workload2, spec, options = {}) {
  const started = performance.now();
  const outcome = { status: "crashed", samples: [], elapsedMs: 0 };
  let command;
  try {
    command = await runtime.hostCommand(workload2, spec);
  } catch (error) {
    if (error instanceof RuntimeUnavailableError) return { ...outcome, status: "unavailable", error: error.message };
    throw error;
  }
  if (options.signal?.aborted) return { ...outcome, status: "aborted", error: "interrupted" };
  const child = spawn2(command.command, command.args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env, [VISIT_ENV]: JSON.stringify(spec) },
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    detached: true
  });
  if (child.pid !== void 0) trackGroup(child.pid);
  const stderrTail = keepTail(child.stderr);
  child.stdout?.resume();
  let failure;
  let done = false;
  const kill = () => {
    if (child.pid !== void 0) killGroup(child.pid);
  };
  const onAbort = () => {
    failure ??= { status: "aborted", message: "interrupted" };
    kill();
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const hardTimer = options.hardTimeoutMs ? setTimeout(() => {
    failure ??= { status: "timed-out", message: `host gave no result within ${Math.round(options.hardTimeoutMs / 1e3)} s` };
    kill();
  }, options.hardTimeoutMs) : void 0;
  const protocol = child.stdio[3];
  const lines = createInterface({ input: protocol });
  lines.on("line", (line) => {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    switch (message.type) {
      case "hello":
        outcome.env = message.env;
        break;
      case "ready":
        outcome.startupMs = message.startupMs;
        break;
      case "sample":
        outcome.samples.push({
          wallMs: message.wallMs,
          tasks: message.tasks,
          cpuMs: message.cpuMs,
          latenciesMs: message.latenciesMs,
          ...typeof message.runQueueMs === "number" ? { runQueueMs: message.runQueueMs } : {}
        });
        break;
      case "done":
        outcome.peakRssBytes = message.peakRssBytes;
        done = true;
        break;
      case "failure":
        failure ??= { status: message.status, message: message.message };
        setTimeout(kill, 200).unref();
        break;
    }
  });
  const exit = await new Promise((resolve5) => {
    child.once("error", (error) => resolve5({ code: null, signal: null, spawnError: error }));
    child.once("close", (code, signal) => resolve5({ code, signal }));
  });
  clearTimeout(hardTimer);
  options.signal?.removeEventListener("abort", onAbort);
  kill();
  outcome.elapsedMs = performance.now() - started;
  if (exit.spawnError) {
    return { ...outcome, status: "unavailable", error: `could not start ${command.command}: ${exit.spawnError.message}` };
  }
  if (failure) return { ...outcome, status: failure.status, error: failure.message };
  if (done || spec.mode === "probe" && outcome.env && exit.code === 0) return { ...outcome, status: "ok" };
  const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
  const detail = lastErrorLine(stderrTail());
  const phase = outcome.startupMs === void 0 ? "while starting" : "during the measurement (a task called process.exit() or crashed it)";
  return { ...outcome, status: "crashed", error: `host process ${how} ${phase}${detail ? `: ${detail}` : ""}` };
}

// src/measure/scheduler.ts
function cellKey(workload2, model2, concurrency) {
  return `${workload2}\0${model2}\0${concurrency}`;
}
function planCells(workload2, models) {
  return workload2.models.filter((m) => models.includes(m)).flatMap((model2) => workload2.concurrency[model2].map((concurrency) => ({ workload: workload2, model: model2, concurrency, key: cellKey(workload2.name, model2, concurrency) })));
}
var WARMUP_TIME_MS = 60;
var MIN_SAMPLE_TIME_MS = 30;
var MAX_SAMPLE_TIME_MS = 500;
function visitSpec(cell2, sampleTimeMs, mode = "measure", minBatches = 2) {
  const { workload: workload2 } = cell2;
  return {
    mode,
    workload: {
      name: workload2.name,
      modulePath: workload2.modulePath,
      function: workload2.function,
      tasks: workload2.tasks,
      timeoutMs: workload2.timeoutMs,
      ...workload2.startMethod ? { startMethod: workload2.startMethod } : {}
    },
    model: cell2.model,
    concurrency: cell2.concurrency,
    warmupBatches: 1,
    warmupTimeMs: WARMUP_TIME_MS,
    minBatches,
    maxBatches: 50,
    sampleTimeMs
  };
}
async function measureInRounds(cells, options) {
  const minRounds = options.minRounds ?? 3;
  const maxRounds = options.maxRounds ?? 12;
  const random = mulberry32(options.seed);
  const visits = new Map(cells.map((c) => [c.key, []]));
  const started = performance.now();
  const deadline = started + options.budgetMs;
  const budgetAbort = new AbortController();
  const abortAtDeadline = setTimeout(() => budgetAbort.abort(), Math.max(0, options.budgetMs));
  abortAtDeadline.unref();
  const signal = options.signal ? AbortSignal.any([options.signal, budgetAbort.signal]) : budgetAbort.signal;
  let sampleTimeMs = MIN_SAMPLE_TIME_MS;
  let healthy = [...cells];
  try {
    for (let round2 = 1; round2 <= maxRounds && healthy.length > 0; round2++) {
      const roundStart = performance.now();
      const order = shuffled(healthy, random);
      let done = 0;
      for (const cell2 of order) {
        if (options.signal?.aborted) break;
        const visitSignal = round2 === 1 ? options.signal : signal;
        if (round2 > 1 && visitSignal?.aborted) break;
        const runtime = (options.runtimes ?? runtimeFor)(cell2.workload.runtime);
        const spec = visitSpec(cell2, sampleTimeMs, "measure", round2 === 1 ? 1 : 2);
        const outcome = await runVisit(runtime, cell2.workload, spec, { signal: visitSignal });
        visits.get(cell2.key).push(outcome);
        options.onVisit?.({ round: round2, done: ++done, total: order.length, cell: cell2, outcome });
      }
      healthy = healthy.filter((cell2) => visits.get(cell2.key).every((v) => v.status === "ok" || v.status === "aborted"));
      await options.onRound?.(round2, visits);
      if (options.signal?.aborted) break;
      const now = performance.now();
      const roundMs = now - roundStart;
      const remaining = deadline - now;
      if (round2 === 1 && remaining > 0) {
        const fixedPerVisit = roundMs / Math.max(1, order.length) * 1.3;
        const spare = remaining / Math.max(1, minRounds - 1) / Math.max(1, healthy.length) - fixedPerVisit;
        sampleTimeMs = Math.round(Math.min(MAX_SAMPLE_TIME_MS, Math.max(MIN_SAMPLE_TIME_MS, spare)));
      }
      const visitMs = round2 === 1 ? roundMs / Math.max(1, order.length) * 1.3 + sampleTimeMs : roundMs / Math.max(1, order.length);
      const nextRoundMs = visitMs * healthy.length;
      if (now + nextRoundMs * 0.9 > deadline) break;
    }
  } finally {
    clearTimeout(abortAtDeadline);
  }
  return visits;
}

// src/report/json.ts
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname as dirname2 } from "node:path";
function writeJsonAtomic(path, data) {
  mkdirSync(dirname2(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(data, null, 2) + "\n");
  renameSync(temporary, path);
}

// src/version.ts
var VERSION = "0.1.0";

// src/commands/compare-paired.ts
var PAIRED_WARMUP_BATCHES = 2;
var PAIRED_MIN_BATCHES = 3;
var measureInFreshHost = async (workload2, model2, concurrency, options) => {
  const { runtimeFor: runtimeFor2 } = await Promise.resolve().then(() => (init_registry(), registry_exports));
  const spec = visitSpec({ workload: workload2, model: model2, concurrency, key: "" }, options.sampleTimeMs);
  if (options.warmupBatches !== void 0) spec.warmupBatches = options.warmupBatches;
  if (options.minBatches !== void 0) spec.minBatches = Math.min(spec.maxBatches, options.minBatches);
  return runVisit(runtimeFor2(workload2.runtime), workload2, spec, { signal: options.signal, hardTimeoutMs: workload2.timeoutMs + 3e4 });
};
function visitThroughput(outcome) {
  const values = outcome.samples.filter((s) => s.wallMs > 0).map((s) => s.tasks / (s.wallMs / 1e3));
  return values.length ? median(values) : Number.NaN;
}
function comparisonInputs(states) {
  return states.map((s) => {
    const input = { ...s.target.cell, roles: [...s.target.cell.roles], rounds: s.rounds };
    if (s.failure) input.error = `${s.failure.tree}: ${s.failure.message}`;
    return input;
  });
}
var FIRST_ROUND_GUESS_MS = 2 * 400;
async function runPairedRounds(targets, options) {
  const measure = options.measure ?? measureInFreshHost;
  const random = mulberry32(options.settings.seed ^ 1540483477);
  const states = targets.map((target) => ({ target, rounds: [], visits: { base: [], head: [] }, lastRoundMs: FIRST_ROUND_GUESS_MS + 2 * options.sampleTimeMs }));
  const interim = { ...options.settings, resamples: options.interimResamples ?? 1e3 };
  for (let round2 = 1; ; round2++) {
    if (options.signal?.aborted) break;
    const analysed = analyzeComparisons(comparisonInputs(states), interim);
    const decision = nextRound(
      states.map((s, i) => ({
        rounds: s.rounds.length,
        verdict: actionableVerdict(analysed[i].verdict, s.rounds.length, options.settings.maxRounds),
        failed: s.failure !== void 0,
        roundCostMs: s.lastRoundMs
      })),
      { minRounds: options.settings.minRounds, maxRounds: options.settings.maxRounds, remainingMs: options.deadline - performance.now() }
    );
    if (decision.measure.length === 0) break;
    const order = shuffled(decision.measure, random);
    let done = 0;
    for (const index of order) {
      if (options.signal?.aborted || performance.now() > options.deadline) break;
      const state = states[index];
      const { cell: cell2 } = state.target;
      const started = performance.now();
      const sides = random() < 0.5 ? ["base", "head"] : ["head", "base"];
      const outcomes = {};
      for (const side2 of sides) {
        const outcome = await measure(state.target[side2], cell2.model, cell2.concurrency, {
          sampleTimeMs: options.sampleTimeMs,
          signal: options.signal,
          warmupBatches: PAIRED_WARMUP_BATCHES,
          minBatches: PAIRED_MIN_BATCHES
        });
        outcomes[side2] = outcome;
        if (outcome.status !== "aborted") state.visits[side2].push(outcome);
        options.onVisit?.({ round: round2, done: ++done, total: order.length * 2, label: `${side2} ${cell2.workload} ${cell2.model} x${cell2.concurrency}`, status: outcome.status });
        if (outcome.status !== "ok") {
          if (outcome.status !== "aborted") state.failure ??= { tree: side2, message: `${outcome.status}: ${outcome.error ?? "no detail"}` };
          break;
        }
      }
      state.lastRoundMs = performance.now() - started;
      const base = outcomes.base;
      const head = outcomes.head;
      if (base?.status === "ok" && head?.status === "ok") {
        const r = { base: visitThroughput(base), head: visitThroughput(head) };
        if (base.peakRssBytes) r.basePeakRssBytes = base.peakRssBytes;
        if (head.peakRssBytes) r.headPeakRssBytes = head.peakRssBytes;
        state.rounds.push(r);
      }
    }
    await options.onRound?.(round2, states);
  }
  return states;
}

// src/commands/run.ts
import { resolve as resolve2 } from "node:path";

// src/analysis/classify.ts
var CPU_BOUND_AT = 0.8;
var IO_BOUND_AT = 0.3;
function classify(sequential) {
  if (!sequential || sequential.status !== "ok" || sequential.samples === 0) return null;
  const u = sequential.cpuUtilization + (sequential.runQueueShare ?? 0);
  if (u >= CPU_BOUND_AT) return "cpu-bound";
  if (u <= IO_BOUND_AT) return "io-bound";
  return "mixed";
}

// src/analysis/analyze.ts
function analyzeWorkload(name, runtime, cells, options = {}) {
  const sequential = cells.find((c) => c.model === "sequential" && c.status === "ok" && c.samples > 0);
  const withSpeedups = cells.map((c) => ({
    ...c,
    speedup: sequential && c.samples > 0 ? Math.round(c.throughput.median / sequential.throughput.median * 1e3) / 1e3 : null
  }));
  const classification = classify(sequential);
  const sequentialCpu = sequential ? sequential.cpuUtilization : null;
  const recommendation = recommend(withSpeedups, classification, sequentialCpu, { ...options, sequentialRunQueue: sequential?.runQueueShare }) ?? null;
  const result = {
    name,
    runtime,
    status: "ok",
    classification,
    sequentialCpuUtilization: sequentialCpu,
    recommendation,
    cells: withSpeedups
  };
  if (!recommendation) {
    result.status = "failed";
    const seq = cells.find((c) => c.model === "sequential");
    result.error = seq?.error ? `the sequential baseline failed: ${seq.error}` : "the sequential baseline was not measured";
  }
  return result;
}
function failedWorkload(name, runtime, error) {
  return { name, runtime, status: "failed", error, classification: null, sequentialCpuUtilization: null, recommendation: null, cells: [] };
}

// src/environment.ts
import { arch, availableParallelism as availableParallelism2, cpus, release, totalmem, type } from "node:os";
function describeEnvironment(runtimes2 = {}) {
  return {
    cpus: availableParallelism2(),
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    os: `${type()} ${release()}`,
    arch: arch(),
    totalMemoryBytes: totalmem(),
    runtimes: runtimes2
  };
}

// src/stats/median-ci.ts
function binomialHalfCdf(k, n) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let logTerm = -n * Math.LN2;
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i);
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}
function medianConfidenceInterval(sorted, level = 0.95) {
  const n = sorted.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const alpha = (1 - level) / 2;
  let k = 0;
  for (let candidate = 1; candidate <= Math.floor((n + 1) / 2); candidate++) {
    if (binomialHalfCdf(candidate - 1, n) <= alpha) k = candidate;
    else break;
  }
  if (k === 0) return [sorted[0], sorted[n - 1]];
  return [sorted[k - 1], sorted[n - k]];
}

// src/measure/aggregate.ts
var round = (value, digits = 3) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
var STATUS_ORDER = ["crashed", "timed-out", "errored"];
function aggregateCell(model2, concurrency, visits) {
  const failures = visits.filter((v) => v.status !== "ok" && v.status !== "aborted");
  const samples = visits.flatMap((v) => v.samples);
  if (samples.length === 0 && failures.length === 0) return void 0;
  const throughputs = samples.map((s) => s.tasks / (s.wallMs / 1e3));
  const sorted = sortSamples(throughputs);
  const latencies = sortSamples(samples.flatMap((s) => s.latenciesMs));
  const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
  const cpu = samples.reduce((sum, s) => sum + s.cpuMs, 0);
  const runQueue = samples.reduce((sum, s) => sum + (s.runQueueMs ?? 0), 0);
  const startups = visits.map((v) => v.startupMs).filter((s) => s !== void 0);
  let status = "ok";
  let error;
  if (failures.length > 0) {
    const worst = [...failures].sort(
      (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)
    )[0];
    status = STATUS_ORDER.includes(worst.status) ? worst.status : "crashed";
    error = worst.error;
  }
  const [lo, hi] = medianConfidenceInterval(sorted);
  const cell2 = {
    model: model2,
    concurrency,
    status,
    samples: samples.length,
    rounds: visits.filter((v) => v.samples.length > 0).length,
    throughput: { median: round(median2(sorted)), ci95: [round(lo), round(hi)] },
    latencyMs: { p50: round(quantile(latencies, 0.5)), p99: round(quantile(latencies, 0.99)) },
    cpuUtilization: wall > 0 ? round(cpu / wall) : 0,
    runQueueShare: wall > 0 ? round(runQueue / wall) : 0,
    peakRssBytes: Math.max(0, ...visits.map((v) => v.peakRssBytes ?? 0)),
    startupMs: startups.length > 0 ? round(median2(sortSamples(startups)), 1) : 0,
    speedup: null,
    batchThroughputs: throughputs.map((t) => round(t)),
    batchesPerRound: visits.map((v) => v.samples.length).filter((n) => n > 0)
  };
  if (error !== void 0) cell2.error = error;
  if (samples.length === 0) {
    cell2.throughput = { median: 0, ci95: [0, 0] };
    cell2.latencyMs = { p50: 0, p99: 0 };
  }
  return cell2;
}

// src/commands/run.ts
init_registry();
var DEFAULT_TIME_BUDGET_SECONDS = 60;
var DEFAULT_RESULTS_FILE = ".concurrency-bench/results.json";
async function probeWorkloads(workloads, signal) {
  const probes = /* @__PURE__ */ new Map();
  for (const workload2 of workloads) {
    const cell2 = { workload: workload2, model: "sequential", concurrency: 1, key: "" };
    probes.set(workload2.name, await runVisit(runtimeFor(workload2.runtime), workload2, visitSpec(cell2, 0, "probe"), { signal, hardTimeoutMs: workload2.timeoutMs + 3e4 }));
  }
  return probes;
}
function buildRunResults(config, probes, cells, visits, settings) {
  const runtimes2 = {};
  const workloads = settings.workloads.map((workload2) => {
    const probe = probes.get(workload2.name);
    if (probe?.env) runtimes2[workload2.runtime] = { ...runtimes2[workload2.runtime], ...probe.env };
    if (!probe || probe.status !== "ok") {
      return failedWorkload(workload2.name, workload2.runtime, probe?.error ?? "not measured (interrupted before it started)");
    }
    const results = cells.filter((c) => c.workload === workload2).map((c) => aggregateCell(c.model, c.concurrency, visits.get(c.key) ?? [])).filter((c) => c !== void 0);
    return analyzeWorkload(workload2.name, workload2.runtime, results, { margin: settings.margin, seed: settings.seed });
  });
  return {
    schemaVersion: 1,
    kind: "run",
    tool: { name: "concurrency-bench", version: VERSION },
    incomplete: settings.incomplete,
    environment: describeEnvironment(runtimes2),
    settings: { timeBudgetSeconds: settings.timeBudgetSeconds, margin: settings.margin, rounds: settings.rounds, seed: settings.seed, config: config.file },
    workloads
  };
}
function runExitCode(results, interrupted) {
  if (interrupted) return 130;
  const failed = results.workloads.some((w) => w.status === "failed" || w.cells.some((c) => c.status !== "ok"));
  return failed ? 3 : 0;
}
async function runCommand(options) {
  const config = options.config ?? loadConfig(options.configPath);
  const timeBudgetSeconds = options.timeBudgetSeconds ?? DEFAULT_TIME_BUDGET_SECONDS;
  const margin = options.margin ?? DEFAULT_MARGIN;
  const seed = options.seed ?? 1;
  const jsonPath = resolve2(options.jsonPath ?? DEFAULT_RESULTS_FILE);
  const unknown = (options.only ?? []).filter((name) => !config.workloads.some((w) => w.name === name));
  if (unknown.length > 0) {
    const available = config.workloads.map((w) => JSON.stringify(w.name)).join(", ");
    throw new ConfigError(config.file, "--workload", `no workload named ${unknown.map((n) => JSON.stringify(n)).join(", ")} (available: ${available})`);
  }
  const workloads = options.only ? config.workloads.filter((w) => options.only.includes(w.name)) : config.workloads;
  const started = performance.now();
  const probes = await probeWorkloads(workloads, options.signal);
  for (const [name, probe] of probes) options.onProgress?.({ type: "probe", workload: name, status: probe.status === "ok" ? "ok" : `failed: ${probe.error}` });
  const cells = workloads.filter((w) => probes.get(w.name)?.status === "ok").flatMap((w) => planCells(w, runtimeFor(w.runtime).models));
  let rounds = 0;
  const save = (visits2, incomplete) => {
    const results2 = buildRunResults(config, probes, cells, visits2, { timeBudgetSeconds, margin, seed, rounds, incomplete, workloads });
    writeJsonAtomic(jsonPath, results2);
    return results2;
  };
  const budgetMs = Math.max(0, timeBudgetSeconds * 1e3 - (performance.now() - started));
  const visits = await measureInRounds(cells, {
    budgetMs,
    seed,
    signal: options.signal,
    onVisit: ({ round: round2, done, total, cell: cell2, outcome }) => options.onProgress?.({ type: "visit", round: round2, done, total, label: `${cell2.workload.name} ${cell2.model} x${cell2.concurrency}`, status: outcome.status }),
    onRound: (round2, soFar) => {
      rounds = round2;
      save(soFar, true);
      options.onProgress?.({ type: "round", round: round2, elapsedMs: performance.now() - started });
    }
  });
  const interrupted = options.signal?.aborted ?? false;
  const results = save(visits, interrupted);
  return { results, exitCode: runExitCode(results, interrupted), jsonPath };
}

// src/commands/compare.ts
var DEFAULT_COMPARE_BUDGET_SECONDS = 120;
var DEFAULT_COMPARE_FILE = ".concurrency-bench/compare.json";
var SWEEP_SHARE = 0.4;
var PAIRED_SAMPLE_MS = 150;
var VISIT_OVERHEAD_GUESS_MS = 250;
function compareExitCode(results, options) {
  if (options.interrupted) return 130;
  if (options.failOnRegression && results.regressions > 0) return 1;
  const failed = results.failures.length > 0 || results.comparisons.some((c) => c.error !== void 0) || results.workloads.some((w) => w.status === "failed" || w.cells.some((c) => c.status !== "ok"));
  return failed ? 3 : 0;
}
function compareSettings(options, config) {
  return {
    threshold: options.threshold ?? COMPARE_DEFAULTS.threshold,
    noiseFloor: options.noiseFloor ?? COMPARE_DEFAULTS.noiseFloor,
    memoryThreshold: COMPARE_DEFAULTS.memoryThreshold,
    alpha: COMPARE_DEFAULTS.alpha,
    timeBudgetSeconds: options.timeBudgetSeconds ?? DEFAULT_COMPARE_BUDGET_SECONDS,
    minRounds: COMPARE_DEFAULTS.minRounds,
    maxRounds: COMPARE_DEFAULTS.maxRounds,
    seed: options.seed ?? COMPARE_DEFAULTS.seed,
    resamples: COMPARE_DEFAULTS.resamples,
    config
  };
}
function treeCells(side2, workloads, probes) {
  return workloads.filter((w) => probes.get(w.name)?.status === "ok").flatMap((w) => planCells(w, w.models)).map((c) => ({ ...c, key: `${side2}\0${cellKey(c.workload.name, c.model, c.concurrency)}` }));
}
async function sweep2(cells, options) {
  const visits = new Map(cells.map((c) => [c.key, []]));
  const random = mulberry32(options.seed);
  const perVisit = (options.deadline - performance.now()) / 2 / Math.max(1, cells.length);
  const sampleTimeMs = Math.round(Math.min(200, Math.max(20, perVisit - VISIT_OVERHEAD_GUESS_MS)));
  let healthy = [...cells];
  for (let round2 = 1; round2 <= 3 && healthy.length > 0; round2++) {
    const started = performance.now();
    const order = shuffled(healthy, random);
    let done = 0;
    for (const cell2 of order) {
      if (options.signal?.aborted || round2 > 1 && performance.now() > options.deadline) break;
      const outcome = await options.measure(cell2.workload, cell2.model, cell2.concurrency, { sampleTimeMs, signal: options.signal });
      if (outcome.status !== "aborted") visits.get(cell2.key).push(outcome);
      options.onProgress?.({ type: "visit", round: round2, done: ++done, total: order.length, label: `sweep ${cell2.key.split("\0")[0]} ${cell2.workload.name} ${cell2.model} x${cell2.concurrency}`, status: outcome.status });
    }
    healthy = healthy.filter((c) => visits.get(c.key).every((v) => v.status === "ok"));
    if (options.signal?.aborted) break;
    const elapsed = performance.now() - started;
    options.onProgress?.({ type: "round", round: round2, elapsedMs: elapsed, phase: "sweep" });
    if (performance.now() + elapsed * 0.9 > options.deadline) break;
  }
  return visits;
}
function treeResults(tree, visits, settings, incomplete) {
  return buildRunResults(tree.config, tree.probes, tree.cells, visits, {
    timeBudgetSeconds: settings.timeBudgetSeconds,
    margin: DEFAULT_MARGIN,
    seed: settings.seed,
    rounds: 0,
    incomplete,
    workloads: tree.config.workloads
  });
}
function treeFailures(side2, workloads) {
  const out = [];
  for (const w of workloads) {
    if (w.status === "failed") out.push({ tree: side2, workload: w.name, message: w.error ?? "failed" });
    for (const c of w.cells) {
      if (c.status !== "ok") out.push({ tree: side2, workload: w.name, model: c.model, concurrency: c.concurrency, message: `${c.status}: ${c.error ?? "no detail"}` });
    }
  }
  return out;
}
function buildCompareResults(parts) {
  const comparisons = orderComparisons(
    analyzeComparisons(comparisonInputs(parts.states), parts.settings),
    parts.headRun.workloads.map((w) => w.name)
  );
  const pairedFailures = parts.states.filter((s) => s.failure).map((s) => ({ tree: s.failure.tree, workload: s.target.cell.workload, model: s.target.cell.model, concurrency: s.target.cell.concurrency, message: s.failure.message }));
  const starved = parts.states.some((s) => !s.failure && s.rounds.length < parts.settings.minRounds);
  return {
    schemaVersion: 1,
    kind: "compare",
    tool: { name: "concurrency-bench", version: VERSION },
    base: parts.base,
    head: parts.head,
    paired: true,
    regressions: comparisons.filter((c) => c.verdict === "regression").length,
    improvements: comparisons.filter((c) => c.verdict === "improvement").length,
    comparisons,
    recommendationChanges: recommendationChanges(parts.baseRun.workloads, parts.headRun.workloads),
    workloads: parts.headRun.workloads,
    baseWorkloads: parts.baseRun.workloads,
    environment: { ...parts.headRun.environment, runtimes: { ...parts.baseRun.environment.runtimes, ...parts.headRun.environment.runtimes } },
    settings: parts.settings,
    noise: summarizeNoise(comparisons),
    failures: [...treeFailures("base", parts.baseRun.workloads), ...treeFailures("head", parts.headRun.workloads), ...pairedFailures, ...parts.extraFailures ?? []],
    incomplete: parts.incomplete || starved
  };
}
function shareNodeModules(root, tree, configDir) {
  for (const dir of /* @__PURE__ */ new Set(["", configDir === "." ? "" : configDir])) {
    const source = join3(root, dir, "node_modules");
    const target = join3(tree, dir, "node_modules");
    if (existsSync4(source) && !existsSync4(target) && existsSync4(join3(tree, dir))) symlinkSync(source, target, "dir");
  }
}
function loadTreeConfig(path, side2, ref2, shownPath) {
  if (!existsSync4(path)) throw new GitUsageError(`${shownPath} does not exist in the ${side2} tree (${ref2}): compare needs the same config file on both sides`);
  return loadConfig(path);
}
async function compareCommand(options) {
  const cwd = resolve3(options.cwd ?? process.cwd());
  const started = performance.now();
  const configAbs = resolve3(cwd, options.configPath ?? DEFAULT_CONFIG_FILE);
  const root = await repoRoot(cwd);
  const configRel = relative2(root, configAbs);
  if (configRel.startsWith("..")) throw new GitUsageError(`the config ${configAbs} is outside the repository ${root}`);
  const baseSha = await resolveCommit(root, options.base);
  const headSha = options.head ? await resolveCommit(root, options.head) : await resolveCommit(root, "HEAD").catch(() => null);
  const jsonPath = resolve3(cwd, options.jsonPath ?? DEFAULT_COMPARE_FILE);
  const settings = compareSettings(options, configRel);
  const measure = options.measure ?? measureInFreshHost;
  const probe = options.probe ?? probeWorkloads;
  const deadline = started + settings.timeBudgetSeconds * 1e3;
  const worktrees = [];
  try {
    const baseTree = await createWorktree(root, baseSha, { label: "base" });
    worktrees.push(baseTree);
    let headDir = root;
    if (options.head) {
      const headTree = await createWorktree(root, headSha, { label: "head" });
      worktrees.push(headTree);
      headDir = headTree.path;
    }
    const baseInfo = { ref: options.base, sha: baseSha };
    const headInfo = options.head ? { ref: options.head, sha: headSha } : { ref: "working tree", sha: headSha, dirty: await isDirty(root) };
    const baseConfig = loadTreeConfig(join3(baseTree.path, configRel), "base", options.base, configRel);
    const headConfig = options.head ? loadTreeConfig(join3(headDir, configRel), "head", options.head, configRel) : loadConfig(configAbs);
    for (const [side2, config, ref2] of [["base", baseConfig, `${options.base}@${baseSha.slice(0, 7)}`], ["head", headConfig, options.head ?? "working tree"]]) {
      if (config.prepare) await runPrepare(config.prepare, config.dir, side2, { signal: options.signal, label: ref2 });
    }
    for (const tree of worktrees) {
      const config = tree === worktrees[0] ? baseConfig : headConfig;
      if (!config.prepare) shareNodeModules(root, tree.path, dirname3(configRel));
    }
    const trees = [];
    for (const [side2, info, config] of [["base", baseInfo, baseConfig], ["head", headInfo, headConfig]]) {
      const probes = await probe(config.workloads, options.signal);
      for (const [name, p] of probes) options.onProgress?.({ type: "probe", workload: `${side2}: ${name}`, status: p.status === "ok" ? "ok" : `failed: ${p.error}` });
      trees.push({ side: side2, info, config, probes, cells: treeCells(side2, config.workloads, probes) });
    }
    const [base, head] = trees;
    const sweepDeadline = started + settings.timeBudgetSeconds * 1e3 * SWEEP_SHARE;
    const visits = await sweep2([...base.cells, ...head.cells], { deadline: sweepDeadline, seed: settings.seed, measure, signal: options.signal, onProgress: options.onProgress });
    const baseSweep = treeResults(base, visits, settings, true);
    const headSweep = treeResults(head, visits, settings, true);
    const targets = [];
    for (const h of headSweep.workloads) {
      const b = baseSweep.workloads.find((w) => w.name === h.name);
      const baseWorkload = base.config.workloads.find((w) => w.name === h.name);
      const headWorkload = head.config.workloads.find((w) => w.name === h.name);
      if (!b || !baseWorkload || b.status !== "ok" || h.status !== "ok") continue;
      for (const cell2 of selectCells(b, h)) targets.push({ cell: cell2, base: baseWorkload, head: headWorkload });
    }
    const snapshot = (states2, incomplete) => {
      const all = new Map(visits);
      for (const s of states2) {
        for (const side2 of ["base", "head"]) {
          const key = `${side2}\0${cellKey(s.target.cell.workload, s.target.cell.model, s.target.cell.concurrency)}`;
          all.set(key, [...all.get(key) ?? [], ...s.visits[side2]]);
        }
      }
      return buildCompareResults({
        base: baseInfo,
        head: headInfo,
        baseRun: treeResults(base, all, settings, incomplete),
        headRun: treeResults(head, all, settings, incomplete),
        states: states2,
        settings,
        incomplete
      });
    };
    const states = await runPairedRounds(targets, {
      settings,
      deadline,
      sampleTimeMs: PAIRED_SAMPLE_MS,
      measure,
      signal: options.signal,
      onVisit: (e) => options.onProgress?.({ type: "visit", ...e }),
      onRound: (round2, soFar) => {
        writeJsonAtomic(jsonPath, snapshot(soFar, true));
        options.onProgress?.({ type: "round", round: round2, elapsedMs: performance.now() - started, phase: "paired" });
      }
    });
    const interrupted = options.signal?.aborted ?? false;
    const results = snapshot(states, interrupted);
    writeJsonAtomic(jsonPath, results);
    return { results, exitCode: compareExitCode(results, { failOnRegression: options.failOnRegression, interrupted }), jsonPath };
  } finally {
    for (const tree of worktrees) await tree.remove();
  }
}

// src/github/untrusted.ts
import { glob, lstat, readFile } from "node:fs/promises";
import { resolve as resolve4 } from "node:path";

// src/github/results-schema.ts
init_types();
var MAX_ERRORS = 10;
var push = (errors, message) => {
  if (errors.length < MAX_ERRORS) errors.push(message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?").slice(0, 300));
};
var str = (max = 2e3) => (v, p, e) => {
  if (typeof v !== "string") push(e, `${p}: expected a string`);
  else if (v.length > max) push(e, `${p}: string longer than ${max} characters`);
};
var num = (v, p, e) => {
  if (typeof v !== "number" || !Number.isFinite(v)) push(e, `${p}: expected a finite number`);
};
var int = (v, p, e) => {
  if (!Number.isSafeInteger(v)) push(e, `${p}: expected an integer`);
};
var bool = (v, p, e) => {
  if (typeof v !== "boolean") push(e, `${p}: expected true or false`);
};
var nullable = (check2) => (v, p, e) => {
  if (v !== null) check2(v, p, e);
};
var oneOf = (...values) => (v, p, e) => {
  if (!values.includes(v)) push(e, `${p}: expected one of ${values.map((x) => JSON.stringify(x)).join(", ")}`);
};
var arr = (item, max) => (v, p, e) => {
  if (!Array.isArray(v)) return push(e, `${p}: expected an array`);
  if (v.length > max) return push(e, `${p}: more than ${max} items`);
  v.forEach((x, i) => item(x, `${p}[${i}]`, e));
};
var pair = (item) => (v, p, e) => {
  if (!Array.isArray(v) || v.length !== 2) return push(e, `${p}: expected a pair`);
  v.forEach((x, i) => item(x, `${p}[${i}]`, e));
};
var obj = (shape) => (v, p, e) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
  const record = v;
  for (const [key, check2] of Object.entries(shape)) {
    const optional = key.endsWith("?");
    const name = optional ? key.slice(0, -1) : key;
    if (!Object.hasOwn(record, name) || record[name] === void 0) {
      if (!optional) push(e, `${p}.${name}: missing`);
      continue;
    }
    check2(record[name], `${p}.${name}`, e);
  }
};
var facts = (v, p, e) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
  const entries = Object.entries(v);
  if (entries.length > 50) return push(e, `${p}: more than 50 entries`);
  for (const [key, value] of entries) {
    if (key.length > 100) push(e, `${p}: key longer than 100 characters`);
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) push(e, `${p}.${key}: expected a plain value`);
    else if (typeof value === "string" && value.length > 500) push(e, `${p}.${key}: string longer than 500 characters`);
  }
};
var mapOf = (check2, max) => (v, p, e) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return push(e, `${p}: expected an object`);
  const entries = Object.entries(v);
  if (entries.length > max) return push(e, `${p}: more than ${max} entries`);
  for (const [key, value] of entries) check2(value, `${p}.${key}`, e);
};
var model = oneOf(...MODELS);
var MAX_WORKLOADS = 1e3;
var MAX_CELLS = 1e3;
var cell = obj({
  model,
  concurrency: int,
  status: oneOf("ok", "errored", "timed-out", "crashed"),
  "error?": str(),
  samples: num,
  rounds: num,
  throughput: obj({ median: nullable(num), ci95: pair(nullable(num)) }),
  latencyMs: obj({ p50: nullable(num), p99: nullable(num) }),
  cpuUtilization: nullable(num),
  peakRssBytes: nullable(num),
  startupMs: nullable(num),
  speedup: nullable(num),
  batchThroughputs: arr(num, 1e5)
});
var workload = obj({
  name: str(500),
  runtime: oneOf("node", "python"),
  status: oneOf("ok", "failed"),
  "error?": str(),
  classification: nullable(oneOf("cpu-bound", "io-bound", "mixed")),
  sequentialCpuUtilization: nullable(num),
  recommendation: nullable(
    obj({
      model,
      concurrency: int,
      speedup: num,
      reason: str(),
      confidence: oneOf("high", "low"),
      withinNoise: arr(model, MODELS.length)
    })
  ),
  cells: arr(cell, MAX_CELLS)
});
var environment = obj({
  cpus: int,
  cpuModel: str(300),
  node: str(100),
  os: str(300),
  arch: str(100),
  totalMemoryBytes: num,
  runtimes: mapOf(facts, 10)
});
var tool = obj({ name: oneOf("concurrency-bench"), version: str(100) });
var runResultsCheck = obj({
  schemaVersion: oneOf(1),
  kind: oneOf("run"),
  tool,
  incomplete: bool,
  environment,
  settings: obj({ timeBudgetSeconds: num, margin: num, rounds: num, seed: num, config: str(1e3) }),
  workloads: arr(workload, MAX_WORKLOADS)
});
var ref = obj({ ref: str(500), sha: nullable(str(64)), "dirty?": bool });
var side = obj({ throughput: nullable(num), peakRssBytes: nullable(num) });
var modelAt = nullable(obj({ model, concurrency: int }));
var compareResultsCheck = obj({
  schemaVersion: oneOf(1),
  kind: oneOf("compare"),
  tool,
  base: ref,
  head: ref,
  paired: bool,
  regressions: int,
  improvements: int,
  comparisons: arr(
    obj({
      workload: str(500),
      model,
      concurrency: int,
      roles: arr(oneOf("best", "recommended"), 2),
      verdict: oneOf("regression", "improvement", "unchanged", "inconclusive"),
      change: nullable(num),
      ci95: nullable(pair(num)),
      holmCi: nullable(pair(num)),
      holmLevel: num,
      rounds: num,
      base: side,
      head: side,
      memoryChange: nullable(num),
      memoryGrowth: bool,
      roundSpread: nullable(num),
      detectableChange: nullable(num),
      "error?": str()
    }),
    MAX_WORKLOADS * MODELS.length * 2
  ),
  recommendationChanges: arr(obj({ workload: str(500), base: modelAt, head: modelAt }), MAX_WORKLOADS),
  workloads: arr(workload, MAX_WORKLOADS),
  "baseWorkloads?": arr(workload, MAX_WORKLOADS),
  environment,
  settings: obj({
    threshold: num,
    noiseFloor: num,
    memoryThreshold: num,
    alpha: num,
    timeBudgetSeconds: num,
    minRounds: num,
    maxRounds: num,
    seed: num,
    resamples: num,
    config: str(1e3)
  }),
  noise: obj({ roundSpread: nullable(num), detectableChange: nullable(num) }),
  failures: arr(
    obj({ tree: oneOf("base", "head"), "workload?": str(500), "model?": model, "concurrency?": int, message: str() }),
    MAX_WORKLOADS * 10
  ),
  incomplete: bool
});

// src/github/untrusted.ts
var MAX_RESULTS_BYTES = 8 * 1024 * 1024;
var UntrustedResultsError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UntrustedResultsError";
  }
};
async function loadUntrustedResults(file, cwd) {
  const path = resolve4(cwd, file);
  const info = await lstat(path);
  if (!info.isFile()) throw new UntrustedResultsError(`${JSON.stringify(file)}: not a regular file`);
  if (info.size > MAX_RESULTS_BYTES) throw new UntrustedResultsError(`${JSON.stringify(file)}: ${info.size} bytes, more than the ${MAX_RESULTS_BYTES} allowed`);
  const text = await readFile(path, "utf8");
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UntrustedResultsError(`${JSON.stringify(file)}: not JSON`);
  }
  return { file, results: checkResults(data, file) };
}
function checkResults(data, file) {
  const kind = data?.kind;
  const errors = [];
  if (kind === "run") runResultsCheck(data, "$", errors);
  else if (kind === "compare") compareResultsCheck(data, "$", errors);
  else errors.push('$.kind: expected "run" or "compare"');
  if (errors.length) throw new UntrustedResultsError(`${JSON.stringify(file)}: not a concurrency-bench results file: ${errors.join("; ")}`);
  return data;
}

// src/commands/compare-files.ts
var ResultsFileError = class extends Error {
  code = "RESULTS_FILE";
  exitCode = 2;
  constructor(message) {
    super(message);
    this.name = "ResultsFileError";
  }
};
async function readResultsFile(file, cwd = process.cwd()) {
  try {
    return (await loadUntrustedResults(file, cwd)).results;
  } catch (error) {
    if (error instanceof UntrustedResultsError) throw new ResultsFileError(error.message);
    if (error.code === "ENOENT") throw new ResultsFileError(`${JSON.stringify(file)}: no such file`);
    throw error;
  }
}
function workloadsOf(results) {
  return results.workloads;
}
function compareStored(base, head, labels, options = {}) {
  const settings = { ...compareSettings({ ...options, timeBudgetSeconds: 0 }, head.settings.config), minRounds: 0, maxRounds: 0 };
  const baseWorkloads = workloadsOf(base);
  const headWorkloads = workloadsOf(head);
  const inputs = [];
  for (const h of headWorkloads) {
    const b = baseWorkloads.find((w) => w.name === h.name);
    if (!b || b.status !== "ok" || h.status !== "ok") continue;
    for (const cell2 of selectCells(b, h)) {
      const bc = b.cells.find((c) => c.model === cell2.model && c.concurrency === cell2.concurrency);
      const hc = h.cells.find((c) => c.model === cell2.model && c.concurrency === cell2.concurrency);
      inputs.push({ ...cell2, unpaired: { base: bc.batchThroughputs, head: hc.batchThroughputs, basePeakRssBytes: bc.peakRssBytes, headPeakRssBytes: hc.peakRssBytes } });
    }
  }
  const comparisons = orderComparisons(analyzeComparisons(inputs, settings), headWorkloads.map((w) => w.name));
  const failures = [];
  for (const [tree, list] of [["base", baseWorkloads], ["head", headWorkloads]]) {
    for (const w of list) if (w.status === "failed") failures.push({ tree, workload: w.name, message: w.error ?? "failed" });
  }
  const sha = (r) => r.kind === "compare" ? r.head.sha : null;
  return {
    schemaVersion: 1,
    kind: "compare",
    tool: { name: "concurrency-bench", version: VERSION },
    base: { ref: labels.base, sha: sha(base) },
    head: { ref: labels.head, sha: sha(head) },
    paired: false,
    regressions: comparisons.filter((c) => c.verdict === "regression").length,
    improvements: comparisons.filter((c) => c.verdict === "improvement").length,
    comparisons,
    recommendationChanges: recommendationChanges(baseWorkloads, headWorkloads),
    workloads: headWorkloads,
    baseWorkloads,
    environment: head.environment,
    settings,
    noise: summarizeNoise(comparisons),
    failures,
    incomplete: base.incomplete || head.incomplete
  };
}
async function compareFilesCommand(options) {
  const cwd = options.cwd ?? process.cwd();
  const base = await readResultsFile(options.baseFile, cwd);
  const head = await readResultsFile(options.headFile, cwd);
  const results = compareStored(base, head, { base: options.baseFile, head: options.headFile }, options);
  return { results, exitCode: compareExitCode(results, { failOnRegression: options.failOnRegression }) };
}

// src/report/compare-terminal.ts
var ANSI2 = { bold: "\x1B[1m", dim: "\x1B[2m", green: "\x1B[32m", red: "\x1B[31m", yellow: "\x1B[33m", reset: "\x1B[0m" };
var paint2 = (style, codes, text) => style.color ? `${codes}${text}${ANSI2.reset}` : text;
var pad2 = (text, width, align) => {
  const fill = " ".repeat(Math.max(0, width - [...text].length));
  return align === "l" ? text + fill : fill + text;
};
var plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
function row(c) {
  return [
    terminalSafe(c.workload),
    c.model === "sequential" ? "sequential" : `${c.model} x${c.concurrency}`,
    c.verdict,
    formatChange(c.change),
    c.ci95 ? `${formatChange(c.ci95[0])} .. ${formatChange(c.ci95[1])}` : "-",
    String(c.rounds),
    `${formatNumber(c.base.throughput)} -> ${formatNumber(c.head.throughput)}`,
    c.error ? terminalSafe(c.error).slice(0, 60) : c.memoryGrowth ? `memory ${formatChange(c.memoryChange, 0)}` : ""
  ];
}
function renderCompareTerminal(results, style = { color: false, width: 120 }) {
  const lines = [];
  const changes = results.recommendationChanges.length;
  const headline = [
    plural(results.workloads.length, "workload"),
    results.regressions ? plural(results.regressions, "regression") : "no regression",
    results.improvements ? plural(results.improvements, "improvement") : "",
    changes ? `${plural(changes, "recommendation")} changed` : "recommendations unchanged",
    results.incomplete ? "INCOMPLETE" : ""
  ].filter(Boolean);
  lines.push(paint2(style, ANSI2.bold + (results.regressions ? ANSI2.red : ANSI2.green), `concurrency-bench compare: ${headline.join(" · ")}`));
  lines.push(
    `head ${terminalSafe(results.head.ref)}${results.head.sha ? ` (${results.head.sha.slice(0, 7)})` : ""}${results.head.dirty ? " + uncommitted changes" : ""} vs base ${terminalSafe(results.base.ref)}${results.base.sha ? ` (${results.base.sha.slice(0, 7)})` : ""}${results.paired ? "" : paint2(style, ANSI2.yellow, " · UNPAIRED (stored files): less reliable")}`
  );
  const header = ["workload", "cell", "verdict", "change", "95% CI", "rounds", "tasks/s base -> head", ""];
  const rows = results.comparisons.map(row);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  lines.push("", paint2(style, ANSI2.dim, "  " + header.map((h, i) => pad2(h, widths[i], i >= 3 && i <= 5 ? "r" : "l")).join("  ")));
  results.comparisons.forEach((c, i) => {
    const text = "  " + rows[i].map((v, k) => pad2(v, widths[k], k >= 3 && k <= 5 ? "r" : "l")).join("  ");
    const color = c.verdict === "regression" ? ANSI2.red + ANSI2.bold : c.verdict === "improvement" ? ANSI2.green : c.verdict === "inconclusive" ? ANSI2.yellow : "";
    lines.push(color ? paint2(style, color, text) : text);
  });
  for (const c of results.recommendationChanges) {
    const show = (r) => r ? `${r.model} x${r.concurrency}` : "none";
    lines.push(paint2(style, ANSI2.yellow, `  recommendation for ${terminalSafe(c.workload)}: ${show(c.base)} -> ${show(c.head)}`));
  }
  for (const f of results.failures) lines.push(paint2(style, ANSI2.red, `  ${f.tree}${f.workload ? ` ${terminalSafe(f.workload)}` : ""}: ${terminalSafe(f.message).slice(0, 200)}`));
  if (results.noise.roundSpread !== null) {
    lines.push(paint2(style, ANSI2.dim, `  noise: ±${(results.noise.roundSpread * 100).toFixed(1)}% per round; smallest change this run could flag: ${formatChange(results.noise.detectableChange).replace("+", "")}`));
  }
  lines.push("", ...results.workloads.map((w) => renderWorkload(w, style) + "\n"));
  return lines.join("\n");
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table3, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table3.length) {
    const row3 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table3[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table3[rowIndex].length;
    }
    while (++columnIndex2 < table3[rowIndex].length) {
      const cell2 = serialize(table3[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell2);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row3.push(cell2);
    }
    cellMatrix[rowIndex] = row3;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row2 = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell2 = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row2[columnIndex] = cell2;
  }
  cellMatrix.splice(1, 0, row2);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row3 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell2 = row3[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell2 === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell2);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/report/markdown.ts
init_types();

// src/report/escape.ts
var MAX_USER_STRING = 300;
var ZERO_WIDTH_SPACE = "​";
function escapeMarkdown(value, maxLength = MAX_USER_STRING) {
  let text = String(value ?? "");
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "");
  text = text.replace(/\s*[\r\n]+\s*/g, " ").replace(/\t/g, " ");
  if (text.length > maxLength) text = `${text.slice(0, maxLength - 1)}…`;
  return text.replace(/([@#])(?=\S)/g, `$1${ZERO_WIDTH_SPACE}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/`/g, "&#96;").replace(/[\\*_[\]~!|]/g, (c) => `\\${c}`).replace(/^([+\-=])(\s)/, "\\$1$2").replace(/^(\d+)([.)])(\s)/, "$1\\$2$3");
}

// src/report/markdown.ts
var DEFAULT_MAX_LENGTH = 6e4;
var MAX_LIST_ITEMS = 20;
var plural2 = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
var cellLabel = (model2, concurrency) => model2 === "sequential" ? "sequential" : `${model2} x${concurrency}`;
function rowsFor(workload2) {
  const rows = [];
  const rec = workload2.recommendation;
  for (const model2 of MODELS) {
    const cells = workload2.cells.filter((c) => c.model === model2);
    if (cells.length === 0) continue;
    const ok = cells.filter((c) => c.status === "ok");
    const best = ok.length ? ok.reduce((a, b) => b.throughput.median > a.throughput.median ? b : a) : cells[0];
    rows.push(best);
    const recommended = rec && rec.model === model2 ? cells.find((c) => c.concurrency === rec.concurrency) : void 0;
    if (recommended && recommended !== best) rows.push(recommended);
    for (const c of cells) if (c.status !== "ok" && !rows.includes(c)) rows.push(c);
  }
  return rows;
}
function changeCell(c) {
  if (!c) return "-";
  if (c.change === null || !c.ci95) return `? not measured${c.error ? `: ${escapeMarkdown(c.error, 120)}` : ""}`;
  const ci = `(${formatChange(c.ci95[0])} to ${formatChange(c.ci95[1])})`;
  switch (c.verdict) {
    case "regression":
      return `🔴 **${formatChange(c.change)}** ${ci}`;
    case "improvement":
      return `🟢 **${formatChange(c.change)}** ${ci}`;
    case "unchanged":
      return `${formatChange(c.change)} ${ci}`;
    default:
      return `❔ ${formatChange(c.change)} ${ci} inconclusive`;
  }
}
function findComparison(comparisons, cell2) {
  return comparisons.find((c) => c.model === cell2.model && c.concurrency === cell2.concurrency);
}
function table2(workload2, comparisons) {
  const rec = workload2.recommendation;
  const header = ["model", "concurrency", "throughput (tasks/s)", "vs sequential", "p99 latency", "CPU", "peak memory"];
  if (comparisons) header.push("change vs base (95% CI)");
  const rows = rowsFor(workload2).map((cell2) => {
    const recommended = rec?.model === cell2.model && rec.concurrency === cell2.concurrency;
    const name = recommended ? `✅ **${cell2.model}**` : cell2.model;
    const failed = cell2.status !== "ok";
    const row2 = failed ? [name, String(cell2.concurrency), `❌ ${cell2.status}${cell2.error ? `: ${escapeMarkdown(cell2.error, 120)}` : ""}`, "-", "-", "-", "-"] : [
      name,
      String(cell2.concurrency),
      `${formatNumber(cell2.throughput.median)} (${formatNumber(cell2.throughput.ci95[0])} to ${formatNumber(cell2.throughput.ci95[1])})`,
      formatSpeedup(cell2.speedup),
      formatMs(cell2.latencyMs.p99),
      formatUtilization(cell2.cpuUtilization),
      formatBytes(cell2.peakRssBytes)
    ];
    if (comparisons) {
      const c = findComparison(comparisons, cell2);
      row2.push(changeCell(c) + (c?.memoryGrowth ? ` · memory ${formatChange(c.memoryChange, 0)}` : ""));
    }
    return row2;
  });
  return markdownTable([header, ...rows], { align: ["l", "r", "r", "r", "r", "r", "r", "l"], alignDelimiters: false });
}
function charts(workload2, base) {
  const sequential = workload2.cells.find((c) => c.model === "sequential" && c.status === "ok");
  const blocks = [];
  for (const model2 of MODELS) {
    const cells = workload2.cells.filter((c) => c.model === model2 && c.status === "ok").sort((a, b) => a.concurrency - b.concurrency);
    if (cells.length < 2) continue;
    const baseCells = base?.cells.filter((c) => c.model === model2 && c.status === "ok") ?? [];
    const baseValues = cells.map((c) => baseCells.find((b) => b.concurrency === c.concurrency)?.throughput.median);
    const withBase = baseCells.length > 0 && baseValues.every((v) => v !== void 0);
    const values = cells.map((c) => c.throughput.median);
    const top = Math.max(...values, ...withBase ? baseValues : [], sequential?.throughput.median ?? 0);
    const title = `${model2}${sequential ? ` (sequential: ${formatNumber(sequential.throughput.median)} tasks/s)` : ""}${withBase ? " - bars: head / line: base" : ""}`;
    const lines = [
      "```mermaid",
      "xychart-beta",
      `    title "${title.replace(/,/g, "")}"`,
      `    x-axis "concurrency" [${cells.map((c) => `"${c.concurrency}"`).join(", ")}]`,
      `    y-axis "tasks/s" 0 --> ${chartNumber(top * 1.1)}`,
      `    bar [${values.map(chartNumber).join(", ")}]`
    ];
    if (withBase) lines.push(`    line [${baseValues.map(chartNumber).join(", ")}]`);
    lines.push("```");
    blocks.push(lines.join("\n"));
  }
  if (blocks.length === 0) return "";
  return `<details><summary>Throughput by concurrency: ${escapeMarkdown(workload2.name)}</summary>

${blocks.join("\n\n")}

</details>`;
}
function chartNumber(value) {
  if (!Number.isFinite(value) || value <= 0) return "0";
  return String(Number(value.toPrecision(3)));
}
function workloadHeading(w) {
  if (w.status === "failed" || !w.recommendation) return `#### ❌ ${escapeMarkdown(w.name)}: failed${w.error ? ` - ${escapeMarkdown(w.error)}` : ""}`;
  const r = w.recommendation;
  return `#### ${escapeMarkdown(w.name)}: ${cellLabel(r.model, r.concurrency)} (${formatSpeedup(r.speedup)} sequential)`;
}
function workloadLine(w, mine) {
  const worst = mine.filter((c) => c.verdict === "regression").sort((a, b) => (a.change ?? 0) - (b.change ?? 0))[0];
  const rec = w.recommendation ? `${cellLabel(w.recommendation.model, w.recommendation.concurrency)}, ${formatSpeedup(w.recommendation.speedup)} sequential` : "failed";
  const change = worst ? ` · 🔴 ${worst.model} ${formatChange(worst.change)}` : "";
  return `- **${escapeMarkdown(w.name)}**: ${rec}${change}`;
}
function section(w, base, comparisons, failures) {
  const lines = [workloadHeading(w)];
  if (w.recommendation) {
    const r = w.recommendation;
    const cls = w.classification && !r.reason.toLowerCase().startsWith(w.classification) ? `**${w.classification}**. ` : "";
    lines.push(`${cls}${escapeMarkdown(r.reason, 600)}${r.confidence === "low" ? " _(low confidence: differences within noise)_" : ""}`);
  }
  for (const f of failures) lines.push(`> ❌ ${f}`);
  const head = lines.join("\n\n");
  const tbl = w.cells.length ? table2(w, comparisons) : "";
  const chart = charts(w, base);
  const mine = comparisons ?? [];
  return {
    variants: {
      full: [head, tbl, chart].filter(Boolean).join("\n\n"),
      table: [head, tbl].filter(Boolean).join("\n\n"),
      line: workloadLine(w, mine)
    },
    notable: w.status === "failed" || failures.length > 0 || mine.some((c) => c.verdict === "regression" || c.memoryGrowth)
  };
}
function groupBy(items, key) {
  const map = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
function environmentLine(results) {
  const e = results.environment;
  const extra = Object.entries(e.runtimes ?? {}).filter(([id, facts2]) => id !== "node" && typeof facts2?.version === "string").map(([id, facts2]) => `${escapeMarkdown(id, 40)} ${escapeMarkdown(facts2.version, 40)}`);
  const parts = [`${plural2(e.cpus, "core")} (${escapeMarkdown(e.cpuModel, 80)})`, `Node ${escapeMarkdown(e.node, 40)}`, ...extra, `${escapeMarkdown(e.os, 60)} ${escapeMarkdown(e.arch, 20)}`];
  return `<sub>Environment: ${parts.join(" · ")} · concurrency-bench ${escapeMarkdown(results.tool.version, 40)}</sub>`;
}
function cappedList(items) {
  if (items.length <= MAX_LIST_ITEMS) return items;
  return [...items.slice(0, MAX_LIST_ITEMS), `- ... and ${items.length - MAX_LIST_ITEMS} more`];
}
function assemble(header, sections, footer, maxLength) {
  const join4 = (parts) => parts.filter(Boolean).join("\n\n") + "\n";
  const build = (detail, note2, shown = sections.length) => {
    const body = sections.slice(0, shown).map((s) => s.variants[detail(s)]);
    const blocks = [];
    for (const [i, text] of body.entries()) {
      if (i > 0 && detail(sections[i]) === "line" && detail(sections[i - 1]) === "line") blocks[blocks.length - 1] += `
${text}`;
      else blocks.push(text);
    }
    const omitted = sections.length - shown;
    const tail = omitted > 0 ? `_... and ${plural2(omitted, "more workload")} not shown._` : "";
    return join4([header, ...blocks, tail, note2, footer]);
  };
  const trimmedNote = (what) => `_Report trimmed to stay under GitHub's comment size limit: ${what}. The JSON results file has everything._`;
  const attempts = [
    [() => "full", ""],
    [() => "table", trimmedNote("charts omitted")],
    [(s) => s.notable ? "table" : "line", trimmedNote("charts omitted; tables shown only for workloads that need attention")],
    [() => "line", trimmedNote("charts and tables omitted")]
  ];
  for (const [detail, note2] of attempts) {
    const text = build(detail, note2);
    if (text.length <= maxLength) return text;
  }
  const note = trimmedNote("charts and tables omitted, and only the first workloads listed");
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(() => "line", note, mid).length <= maxLength) lo = mid;
    else hi = mid - 1;
  }
  return build(() => "line", note, lo);
}
function renderRunMarkdown(results, options = {}) {
  const failed = results.workloads.filter((w) => w.status === "failed").length;
  const counts = /* @__PURE__ */ new Map();
  for (const w of results.workloads) if (w.recommendation) counts.set(w.recommendation.model, (counts.get(w.recommendation.model) ?? 0) + 1);
  const recommended = MODELS.filter((m) => counts.has(m)).map((m) => `${counts.get(m)} ${m}`);
  const headline = [
    `**concurrency-bench**: ${plural2(results.workloads.length, "workload")}`,
    recommended.length ? `recommended: ${recommended.join(", ")}` : "",
    failed ? `❌ ${failed} failed` : "",
    results.incomplete ? "⚠️ incomplete" : ""
  ].filter(Boolean);
  const header = `### ${failed ? "❌" : "✅"} ${headline.join(" · ")}`;
  const sections = results.workloads.map((w) => section(w, void 0, null, []));
  const footer = [
    `<sub>Throughput = tasks / batch wall time, median of ${results.settings.rounds ? "interleaved rounds in fresh processes" : "batches"} with its 95% CI; a costlier model is recommended only when it beats a cheaper one by ${Math.round(results.settings.margin * 100)}% with 95% confidence.</sub>`,
    environmentLine(results)
  ].join("\n");
  return assemble(header, sections, footer, options.maxLength ?? DEFAULT_MAX_LENGTH);
}
function renderCompareMarkdown(results, options = {}) {
  const regressions = results.comparisons.filter((c) => c.verdict === "regression");
  const improvements = results.comparisons.filter((c) => c.verdict === "improvement");
  const inconclusive = results.comparisons.filter((c) => c.verdict === "inconclusive");
  const memory = results.comparisons.filter((c) => c.memoryGrowth);
  const changes = results.recommendationChanges;
  const failedWorkloads = results.workloads.filter((w) => w.status === "failed").length;
  const problem = regressions.length > 0 || failedWorkloads > 0 || results.failures.length > 0;
  const headline = [
    `**concurrency-bench**: ${plural2(results.workloads.length, "workload")}`,
    regressions.length ? `**${plural2(regressions.length, "regression")}**` : "no regression",
    improvements.length ? plural2(improvements.length, "improvement") : "",
    changes.length ? `${plural2(changes.length, "recommendation")} changed` : "recommendations unchanged",
    memory.length ? `${plural2(memory.length, "memory increase")}` : "",
    failedWorkloads ? `❌ ${failedWorkloads} failed` : "",
    results.incomplete ? "⚠️ incomplete" : ""
  ].filter(Boolean);
  const refs = `Comparing ${escapeMarkdown(results.head.ref, 80)}${results.head.sha ? ` (${escapeMarkdown(results.head.sha.slice(0, 7), 12)})` : ""}${results.head.dirty ? " with uncommitted changes" : ""} against base ${escapeMarkdown(results.base.ref, 80)}${results.base.sha ? ` (${escapeMarkdown(results.base.sha.slice(0, 7), 12)})` : ""}.`;
  const blocks = [`### ${problem ? "🔴" : "✅"} ${headline.join(" · ")}`, refs];
  if (!results.paired) {
    blocks.push("> [!WARNING]\n> Unpaired comparison of two stored results files: machine drift between the two runs is not cancelled, so these verdicts are **less reliable** than a paired `compare --base`.");
  }
  if (regressions.length) {
    const items = regressions.map(
      (c) => `> - **${escapeMarkdown(c.workload)}** · ${cellLabel(c.model, c.concurrency)}: **${formatChange(c.change)}** throughput (95% CI ${formatChange(c.ci95?.[0])} to ${formatChange(c.ci95?.[1])}, ${plural2(c.rounds, "round")})`
    );
    blocks.push(["> [!CAUTION]", `> **${plural2(regressions.length, "regression")}** beyond the ${Math.round(results.settings.threshold * 100)}% threshold:`, ...cappedList(items).map((l) => l.startsWith(">") ? l : `> ${l}`)].join("\n"));
  }
  if (changes.length) {
    const show = (r) => r ? cellLabel(r.model, r.concurrency) : "none";
    const items = changes.map((c) => `> - **${escapeMarkdown(c.workload)}**: ${show(c.base)} → ${show(c.head)}`);
    blocks.push(["> [!NOTE]", "> Recommendation changed:", ...cappedList(items).map((l) => l.startsWith(">") ? l : `> ${l}`)].join("\n"));
  }
  if (memory.length) {
    const items = memory.map((c) => `> - **${escapeMarkdown(c.workload)}** · ${cellLabel(c.model, c.concurrency)}: peak memory ${formatChange(c.memoryChange, 0)} (${formatBytes(c.base.peakRssBytes)} → ${formatBytes(c.head.peakRssBytes)})`);
    blocks.push(["> [!WARNING]", `> Peak memory grew by more than ${Math.round(results.settings.memoryThreshold * 100)}%:`, ...cappedList(items).map((l) => l.startsWith(">") ? l : `> ${l}`)].join("\n"));
  }
  const header = blocks.join("\n\n");
  const byWorkload = groupBy(results.comparisons, (c) => c.workload);
  const failuresByWorkload = groupBy(results.failures, (f) => f.workload ?? "");
  const baseByName = new Map((results.baseWorkloads ?? []).map((w) => [w.name, w]));
  const regressed = new Set(regressions.map((c) => c.workload));
  const order = [...results.workloads].sort((a, b) => Number(!regressed.has(a.name)) - Number(!regressed.has(b.name)));
  const sections = order.map(
    (w) => section(
      w,
      baseByName.get(w.name),
      byWorkload.get(w.name) ?? [],
      (failuresByWorkload.get(w.name) ?? []).map((f) => `${f.tree}${f.model ? ` ${cellLabel(f.model, f.concurrency ?? 1)}` : ""}: ${escapeMarkdown(f.message)}`)
    )
  );
  const general = results.failures.filter((f) => f.workload === void 0).map((f) => `> ❌ ${f.tree}: ${escapeMarkdown(f.message)}`);
  const s = results.settings;
  const rounds = results.comparisons.map((c) => c.rounds).filter((r) => r > 0);
  const method = results.paired ? `Paired interleaved rounds (base and head back to back in fresh processes, random order), ${rounds.length ? `${Math.min(...rounds)}-${Math.max(...rounds)} rounds` : "no rounds"}; change = Hodges-Lehmann estimate of ln(head/base), 95% CI by seeded bootstrap (widened to the exact signed-rank interval when that is wider), Holm-corrected over ${plural2(results.comparisons.length, "comparison")}.` : `Unpaired: medians of the stored batch throughputs, bootstrap 95% CI, Holm-corrected over ${plural2(results.comparisons.length, "comparison")}.`;
  const noise = results.noise.roundSpread !== null ? ` Noise here: ${formatChange(results.noise.roundSpread).replace("+", "±")} per round; smallest change this run could flag: ${formatChange(results.noise.detectableChange).replace("+", "")}.` : "";
  const footer = [
    ...general,
    `<sub>${method} Regression = interval below -${formatChange(s.noiseFloor).replace("+", "")} and reaching -${Math.round(s.threshold * 100)}%; unchanged = 95% CI within ±${Math.round(s.threshold * 100)}%.${noise}${inconclusive.length ? ` ${plural2(inconclusive.length, "comparison")} stayed inconclusive within the time budget.` : ""}</sub>`,
    environmentLine(results)
  ].join("\n\n");
  return assemble(header, sections, footer, options.maxLength ?? DEFAULT_MAX_LENGTH);
}

// src/commands/report.ts
var REPORT_FORMATS = ["md", "terminal", "json"];
async function reportCommand(file, format, options = {}) {
  const results = await readResultsFile(file, options.cwd);
  const style = options.style ?? { color: false, width: 120 };
  let output;
  switch (format) {
    case "md":
      output = results.kind === "compare" ? renderCompareMarkdown(results) : renderRunMarkdown(results);
      break;
    case "terminal":
      output = results.kind === "compare" ? renderCompareTerminal(results, style) : renderRunTerminal(results, style);
      break;
    case "json":
      output = JSON.stringify(results, null, 2) + "\n";
      break;
  }
  return { output, exitCode: 0 };
}

// src/cli.ts
var USAGE = `concurrency-bench ${VERSION}: should this work use processes, threads or async? Measured on your code.

Usage:
  concurrency-bench run [--config FILE] [--time-budget SECONDS] [--json FILE] [--markdown FILE]
                        [--margin PERCENT] [--seed N] [--workload NAME]...
  concurrency-bench compare --base REF [--head REF] [--config FILE] [--json FILE] [--markdown FILE]
                        [--threshold PERCENT] [--fail-on-regression] [--time-budget SECONDS]
  concurrency-bench compare BASE.json HEAD.json [--json FILE] [--markdown FILE] [--threshold PERCENT]
  concurrency-bench report RESULTS.json [--format md|terminal|json]

Exit codes: 0 ok, 1 regression (compare --fail-on-regression), 2 usage or config error,
3 a workload or cell failed to measure, 130 interrupted.`;
function number(value, flag, { min = 0, integer = false } = {}) {
  if (value === void 0) return void 0;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || integer && !Number.isInteger(parsed)) {
    throw new UsageError(`${flag} expects ${integer ? "an integer" : "a number"} >= ${min}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}
function parse(args, options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error.message.replace(/\. To specify.*$/s, ""));
  }
}
function interruptController() {
  const controller = new AbortController();
  process.on("SIGINT", () => {
    if (controller.signal.aborted) {
      killAllGroups();
      process.exit(130);
    }
    process.stderr.write("\ninterrupted: stopping, killing workers and saving partial results (Ctrl-C again to quit now)\n");
    controller.abort();
  });
  process.on("SIGTERM", () => controller.abort());
  return controller;
}
async function run(args) {
  const { values, positionals } = parse(args, {
    config: { type: "string", short: "c" },
    "time-budget": { type: "string" },
    json: { type: "string" },
    markdown: { type: "string" },
    margin: { type: "string" },
    seed: { type: "string" },
    workload: { type: "string", multiple: true },
    "no-color": { type: "boolean" }
  });
  if (positionals.length > 0) throw new UsageError(`run takes no positional arguments, got ${JSON.stringify(positionals[0])}`);
  const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
  const progress = progressReporter(process.stderr, interactive);
  const controller = interruptController();
  const { results, exitCode, jsonPath } = await runCommand({
    configPath: values.config ?? DEFAULT_CONFIG_FILE,
    timeBudgetSeconds: number(values["time-budget"], "--time-budget", { min: 1 }),
    margin: percent2(values.margin, "--margin"),
    seed: number(values.seed, "--seed", { integer: true }),
    jsonPath: values.json,
    only: values.workload,
    signal: controller.signal,
    onProgress: progress.onProgress
  });
  progress.finish();
  if (values.markdown) writeFileSync2(values.markdown, renderRunMarkdown(results));
  process.stdout.write(renderRunTerminal(results, terminalStyle(values["no-color"])) + "\n");
  process.stderr.write(`results: ${jsonPath}${values.markdown ? `, markdown: ${values.markdown}` : ""}
`);
  return exitCode;
}
function terminalStyle(noColor) {
  return { color: Boolean(process.stdout.isTTY) && !noColor && !process.env.NO_COLOR, width: process.stdout.columns || 120 };
}
function percent2(value, flag) {
  const parsed = number(value, flag);
  return parsed === void 0 ? void 0 : parsed / 100;
}
function printCompare(results, markdown, noColor) {
  if (markdown) writeFileSync2(markdown, renderCompareMarkdown(results));
  process.stdout.write(renderCompareTerminal(results, terminalStyle(noColor)) + "\n");
}
async function compare(args) {
  const { values, positionals } = parse(args, {
    base: { type: "string" },
    head: { type: "string" },
    config: { type: "string", short: "c" },
    json: { type: "string" },
    markdown: { type: "string" },
    threshold: { type: "string" },
    "fail-on-regression": { type: "boolean" },
    "time-budget": { type: "string" },
    seed: { type: "string" },
    "no-color": { type: "boolean" }
  });
  const threshold = percent2(values.threshold, "--threshold");
  const seed = number(values.seed, "--seed", { integer: true });
  const failOnRegression = Boolean(values["fail-on-regression"]);
  if (positionals.length > 0) {
    if (positionals.length !== 2 || values.base || values.head) {
      throw new UsageError("compare takes either --base REF [--head REF], or two results files BASE.json HEAD.json");
    }
    const { results: results2, exitCode: exitCode2 } = await compareFilesCommand({ baseFile: positionals[0], headFile: positionals[1], threshold, seed, failOnRegression });
    if (values.json) writeJsonAtomic(values.json, results2);
    printCompare(results2, values.markdown, values["no-color"]);
    return exitCode2;
  }
  if (!values.base) throw new UsageError("compare needs --base REF (or two results files)");
  const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
  const progress = progressReporter(process.stderr, interactive);
  const controller = interruptController();
  const { results, exitCode, jsonPath } = await compareCommand({
    base: values.base,
    head: values.head,
    configPath: values.config,
    jsonPath: values.json,
    threshold,
    failOnRegression,
    timeBudgetSeconds: number(values["time-budget"], "--time-budget", { min: 1 }),
    seed,
    signal: controller.signal,
    onProgress: progress.onProgress
  });
  progress.finish();
  printCompare(results, values.markdown, values["no-color"]);
  process.stderr.write(`results: ${jsonPath}${values.markdown ? `, markdown: ${values.markdown}` : ""}
`);
  return exitCode;
}
async function report(args) {
  const { values, positionals } = parse(args, { format: { type: "string", short: "f" }, "no-color": { type: "boolean" } });
  if (positionals.length !== 1) throw new UsageError("report takes one results file: concurrency-bench report RESULTS.json [--format md|terminal|json]");
  const format = values.format ?? "terminal";
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format expects one of ${REPORT_FORMATS.join(", ")}, got ${JSON.stringify(format)}`);
  const { output, exitCode } = await reportCommand(positionals[0], format, { style: terminalStyle(values["no-color"]) });
  process.stdout.write(output.endsWith("\n") ? output : output + "\n");
  return exitCode;
}
async function main(argv) {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "run":
        return await run(rest);
      case "compare":
        return await compare(rest);
      case "report":
        return await report(rest);
      case "--version":
      case "-v":
        process.stdout.write(VERSION + "\n");
        return 0;
      case void 0:
      case "--help":
      case "-h":
      case "help":
        process.stdout.write(USAGE + "\n");
        return command === void 0 ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)} (expected run, compare or report)`);
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError || error?.exitCode === 2) {
      process.stderr.write(`concurrency-bench: ${error.message}
`);
      if (error instanceof UsageError) process.stderr.write(`run "concurrency-bench --help" for usage
`);
      return 2;
    }
    const exitCode = error?.exitCode;
    if (typeof exitCode === "number" && error instanceof Error) {
      process.stderr.write(`concurrency-bench: ${error.message}
`);
      return exitCode;
    }
    process.stderr.write(`concurrency-bench: internal error: ${error?.stack ?? String(error)}
`);
    return 3;
  }
}
process.exitCode = await main(process.argv.slice(2));
export {
  main
};
