#!/usr/bin/env node
import { createRequire as __concurrencyBenchCreateRequire } from 'node:module';
const require = __concurrencyBenchCreateRequire(import.meta.url);

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
function cellRow(cell) {
  const ok = cell.status === "ok";
  return [
    cell.model,
    String(cell.concurrency),
    ok || cell.samples > 0 ? formatNumber(cell.throughput.median) : "-",
    ok || cell.samples > 0 ? `${formatNumber(cell.throughput.ci95[0])}-${formatNumber(cell.throughput.ci95[1])}` : "-",
    formatSpeedup(cell.speedup),
    cell.samples > 0 ? formatMs(cell.latencyMs.p50) : "-",
    cell.samples > 0 ? formatMs(cell.latencyMs.p99) : "-",
    cell.samples > 0 ? formatUtilization(cell.cpuUtilization) : "-",
    formatBytes(cell.peakRssBytes),
    formatMs(cell.startupMs),
    ok ? "ok" : `${cell.status}: ${terminalSafe(cell.error ?? "")}`
  ];
}
var HEADER = ["model", "conc", "tasks/s", "95% CI", "speedup", "p50", "p99", "CPU", "peak RSS", "startup", "status"];
var ALIGN = ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "l"];
function table(workload, style) {
  const rows = workload.cells.map(cellRow);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => i === HEADER.length - 1 ? Math.min(40, r[i].length) : r[i].length)));
  const recommended = workload.recommendation;
  const lines = [paint(style, ANSI.dim, "  " + HEADER.map((h, i) => pad(h, widths[i], ALIGN[i])).join("  "))];
  workload.cells.forEach((cell, index) => {
    const isPick = recommended && cell.model === recommended.model && cell.concurrency === recommended.concurrency;
    const status = rows[index][HEADER.length - 1];
    rows[index][HEADER.length - 1] = status.length > 60 ? status.slice(0, 59) + "…" : status;
    const text = rows[index].map((value, i) => pad(value, widths[i], ALIGN[i])).join("  ");
    if (isPick) lines.push(paint(style, ANSI.bold + ANSI.green, "▶ " + text + "  ◀ recommended"));
    else if (cell.status !== "ok") lines.push(paint(style, ANSI.red, "  " + text));
    else lines.push("  " + text);
  });
  return lines;
}
function throughputChart(workload, width = 32) {
  const cells = workload.cells.filter((c) => c.samples > 0);
  const best = Math.max(...cells.map((c) => c.throughput.median), 0);
  if (best <= 0) return [];
  const eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
  const lines = ["  throughput by concurrency (tasks/s):"];
  let lastModel = "";
  for (const cell of cells) {
    const units = cell.throughput.median / best * width * 8;
    const bar = "█".repeat(Math.floor(units / 8)) + eighths[Math.floor(units % 8)];
    const label = cell.model === lastModel ? "" : cell.model;
    lastModel = cell.model;
    lines.push(`  ${pad(label, 10, "l")} ${pad(String(cell.concurrency), 4, "r")} │${pad(bar, width, "l")} ${formatNumber(cell.throughput.median)}`);
  }
  return lines;
}
function renderWorkload(workload, style) {
  const name = terminalSafe(workload.name);
  const lines = [];
  if (workload.status === "failed" && workload.cells.length === 0) {
    lines.push(paint(style, ANSI.bold, `${name}`) + paint(style, ANSI.red, `  failed: ${terminalSafe(workload.error)}`));
    return lines.join("\n");
  }
  const cls = workload.classification ?? "unclassified";
  lines.push(`${paint(style, ANSI.bold, name)}  ${paint(style, ANSI.dim, `[${workload.runtime}, ${cls}]`)}`);
  const rec = workload.recommendation;
  if (rec) {
    const confidence = rec.confidence === "high" ? "" : paint(style, ANSI.yellow, " (low confidence: some differences were within noise)");
    lines.push(`  → use ${paint(style, ANSI.bold + ANSI.green, `${rec.model}${rec.model === "sequential" ? "" : ` at concurrency ${rec.concurrency}`}`)}: ${formatSpeedup(rec.speedup)} vs sequential${confidence}`);
    lines.push(`    ${terminalSafe(rec.reason)}`);
  } else if (workload.error) {
    lines.push(paint(style, ANSI.red, `  failed: ${terminalSafe(workload.error)}`));
  }
  lines.push("", ...table(workload, style), "", ...throughputChart(workload));
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
        if (!interactive) stream.write(`round ${event.round} done after ${(event.elapsedMs / 1e3).toFixed(1)} s
`);
      }
    },
    finish: clear
  };
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
function median(sorted) {
  return quantile(sorted, 0.5);
}

// src/stats/ratio.ts
function resampledMedian(values, random, scratch) {
  for (let i = 0; i < values.length; i++) scratch[i] = values[Math.floor(random() * values.length)];
  scratch.sort();
  const mid = (values.length - 1) / 2;
  return (scratch[Math.floor(mid)] + scratch[Math.ceil(mid)]) / 2;
}
function ratioOfMedians(a, b, options = {}) {
  const resamples = options.resamples ?? 2e3;
  const random = mulberry32(options.seed ?? 1);
  const ratio = median(sortSamples(a)) / median(sortSamples(b));
  const scratchA = new Float64Array(a.length);
  const scratchB = new Float64Array(b.length);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) ratios[r] = resampledMedian(a, random, scratchA) / resampledMedian(b, random, scratchB);
  ratios.sort();
  const at = (q) => ratios[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))];
  return { ratio, ci95: [at(0.025), at(0.975)] };
}

// src/types.ts
var MODELS = ["sequential", "async", "thread", "process"];
var RUNTIMES = ["node", "python"];

// src/analysis/recommend.ts
var DEFAULT_MARGIN = 0.1;
function judge(costly, cheap, margin, seed) {
  const { ci95 } = ratioOfMedians(costly.batchThroughputs, cheap.batchThroughputs, { seed });
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
var unit = (model, c) => `${c} ${UNIT[model][c === 1 ? 0 : 1]}`;
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
  for (const model of MODELS) {
    const levels = usable.filter((c) => c.model === model).sort((a, b) => a.concurrency - b.concurrency);
    if (levels.length > 0) byModel.set(model, levels);
  }
  const baseline = byModel.get("sequential")?.[0];
  if (!baseline) return void 0;
  let unclear = false;
  const withinNoise = [];
  const bestOfModel = /* @__PURE__ */ new Map();
  for (const [model, levels] of byModel) {
    let choice = levels[0];
    for (const candidate of levels.slice(1)) {
      const verdict2 = judge(candidate, choice, margin, seed);
      if (verdict2 === "wins") choice = candidate;
    }
    bestOfModel.set(model, choice);
  }
  let current = baseline;
  for (const model of MODELS.slice(1)) {
    const challenger = bestOfModel.get(model);
    if (!challenger) continue;
    const verdict2 = judge(challenger, current, margin, seed);
    if (verdict2 === "wins") {
      current = challenger;
    } else if (verdict2 === "within-noise") {
      unclear = true;
      if (challenger.throughput.median > current.throughput.median) withinNoise.push(model);
    }
  }
  const finalWithinNoise = withinNoise.filter((m) => MODELS.indexOf(m) > MODELS.indexOf(current.model));
  const speedupOf = (cell) => cell.throughput.median / baseline.throughput.median;
  const evidence = MODELS.slice(1).filter((m) => bestOfModel.has(m)).map((m) => {
    const cell = bestOfModel.get(m);
    return `${m} ${times(speedupOf(cell))} at ${unit(m, cell.concurrency)}`;
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
  return {
    model: current.model,
    concurrency: current.concurrency,
    speedup: Math.round(speedupOf(current) * 1e3) / 1e3,
    reason: `${kind}: ${evidence || "only sequential was measured"}. ${verdict[0].toUpperCase()}${verdict.slice(1)}.`,
    confidence: unclear ? "low" : "high",
    withinNoise: finalWithinNoise
  };
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

// src/config/load.ts
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
        for (const [model, value] of Object.entries(w.concurrency)) {
          if (model === "sequential" || !MODELS.includes(model)) fail(`${at}.concurrency.${model}`, `expected one of async, thread, process as key`);
          concurrency[model] = levelsAt(value, `${at}.concurrency.${model}`);
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
    const workload = {
      name,
      runtime,
      module,
      modulePath: runtime === "python" && w.entry !== void 0 ? module : resolve(dir, module),
      function: fn,
      tasks,
      concurrency,
      models,
      timeoutMs
    };
    if (w.python !== void 0) workload.python = w.python;
    if (w.startMethod !== void 0) workload.startMethod = w.startMethod;
    return workload;
  });
  const config = { file, dir, workloads };
  if (typeof top.prepare === "string") config.prepare = top.prepare;
  return config;
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
function aggregateCell(model, concurrency, visits) {
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
  const cell = {
    model,
    concurrency,
    status,
    samples: samples.length,
    rounds: visits.filter((v) => v.samples.length > 0).length,
    throughput: { median: round(median(sorted)), ci95: [round(lo), round(hi)] },
    latencyMs: { p50: round(quantile(latencies, 0.5)), p99: round(quantile(latencies, 0.99)) },
    cpuUtilization: wall > 0 ? round(cpu / wall) : 0,
    runQueueShare: wall > 0 ? round(runQueue / wall) : 0,
    peakRssBytes: Math.max(0, ...visits.map((v) => v.peakRssBytes ?? 0)),
    startupMs: startups.length > 0 ? round(median(sortSamples(startups)), 1) : 0,
    speedup: null,
    batchThroughputs: throughputs.map((t) => round(t))
  };
  if (error !== void 0) cell.error = error;
  if (samples.length === 0) {
    cell.throughput = { median: 0, ci95: [0, 0] };
    cell.latencyMs = { p50: 0, p99: 0 };
  }
  return cell;
}

// src/runtimes/node/runtime.ts
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

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

// src/runtimes/node/runtime.ts
function tsxLoaderFor(workload) {
  if (!/\.(c|m)?tsx?$/.test(workload.modulePath)) return void 0;
  try {
    return pathToFileURL(createRequire(workload.modulePath).resolve("tsx")).href;
  } catch {
    return void 0;
  }
}
var nodeRuntime = {
  id: "node",
  models: MODELS,
  async hostCommand(workload, _spec) {
    const tsx = tsxLoaderFor(workload);
    return {
      command: process.execPath,
      args: [...tsx ? ["--import", tsx] : [], "--no-warnings=ExperimentalWarning", ownFile("runtimes/node/host")],
      cwd: workload.modulePath.replace(/[\\/][^\\/]*$/, "")
    };
  }
};

// src/runtimes/python/runtime.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname as dirname2, isAbsolute, normalize, sep } from "node:path";

// src/runtimes/types.ts
var VISIT_ENV = "CONCURRENCY_BENCH_VISIT";
var RuntimeUnavailableError = class extends Error {
  code = "RUNTIME_UNAVAILABLE";
  constructor(message) {
    super(message);
    this.name = "RuntimeUnavailableError";
  }
};

// src/runtimes/python/interpreter.ts
import { execFile } from "node:child_process";
var MIN_PYTHON = [3, 9];
var DEFAULT_INTERPRETERS = ["python3", "python"];
var INSPECT = 'import sys, platform; print("%d.%d.%d" % tuple(sys.version_info[:3])); print(platform.python_implementation()); print(sys.executable)';
function inspect(command, cwd) {
  return new Promise((resolve3) => {
    execFile(command, ["-c", INSPECT], { cwd, timeout: 2e4, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && error.code === "ENOENT") return resolve3({ kind: "missing", detail: "not found" });
      const [version = "", implementation = "", executable = ""] = stdout.trim().split(/\r?\n/);
      if (error || !/^\d+\.\d+\.\d+$/.test(version)) {
        const why = (stderr || error?.message || stdout).trim().split(/\r?\n/).at(-1) ?? "no output";
        return resolve3({ kind: "broken", detail: why });
      }
      resolve3({ kind: "found", version: version.split(".").map(Number), implementation, executable: executable || command });
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
var cache = /* @__PURE__ */ new Map();
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

// src/runtimes/python/runtime.ts
var HARNESS_FILE = "runtimes/python/harness/concurrency_bench_host.py";
function harnessPath() {
  return ownFile(HARNESS_FILE, "asset");
}
function workingDirectory(workload) {
  const declared = workload.configDir;
  if (typeof declared === "string") return declared;
  if (!isAbsolute(workload.modulePath)) return process.cwd();
  const declaredPath = normalize(workload.module);
  const suffix = sep + declaredPath;
  if (!isAbsolute(declaredPath) && !declaredPath.split(sep).includes("..") && workload.modulePath.endsWith(suffix)) {
    return workload.modulePath.slice(0, -suffix.length) || sep;
  }
  return dirname2(workload.modulePath);
}
var pythonRuntime = {
  id: "python",
  models: MODELS,
  async hostCommand(workload, _spec) {
    if (process.platform === "win32") throw new RuntimeUnavailableError("Python workloads need Linux or macOS (the harness relies on POSIX process groups)");
    const cwd = workingDirectory(workload);
    const interpreter = await findPython(workload.python, cwd);
    const harness = harnessPath();
    if (!existsSync2(harness)) throw new RuntimeUnavailableError(`the Python harness is missing from this installation (${harness})`);
    return { command: interpreter.executable, args: [harness], cwd };
  }
};

// src/runtimes/registry.ts
var runtimes = { node: nodeRuntime, python: pythonRuntime };
function runtimeFor(id) {
  return runtimes[id];
}

// src/runtimes/visit.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

// src/runtimes/process-groups.ts
var live = /* @__PURE__ */ new Set();
function trackGroup(pid) {
  live.add(pid);
}
function killGroup(pid) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
  }
  live.delete(pid);
}
function killAllGroups() {
  for (const pid of [...live]) killGroup(pid);
}
process.on("exit", killAllGroups);

// src/runtimes/visit.ts
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
async function runVisit(runtime, workload, spec, options = {}) {
  const started = performance.now();
  const outcome = { status: "crashed", samples: [], elapsedMs: 0 };
  let command;
  try {
    command = await runtime.hostCommand(workload, spec);
  } catch (error) {
    if (error instanceof RuntimeUnavailableError) return { ...outcome, status: "unavailable", error: error.message };
    throw error;
  }
  if (options.signal?.aborted) return { ...outcome, status: "aborted", error: "interrupted" };
  const child = spawn(command.command, command.args, {
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
  const exit = await new Promise((resolve3) => {
    child.once("error", (error) => resolve3({ code: null, signal: null, spawnError: error }));
    child.once("close", (code, signal) => resolve3({ code, signal }));
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
function cellKey(workload, model, concurrency) {
  return `${workload}\0${model}\0${concurrency}`;
}
function planCells(workload, models) {
  return workload.models.filter((m) => models.includes(m)).flatMap((model) => workload.concurrency[model].map((concurrency) => ({ workload, model, concurrency, key: cellKey(workload.name, model, concurrency) })));
}
var WARMUP_TIME_MS = 60;
var VISIT_OVERHEAD_GUESS_MS = 250;
function visitSpec(cell, sampleTimeMs, mode = "measure") {
  const { workload } = cell;
  return {
    mode,
    workload: {
      name: workload.name,
      modulePath: workload.modulePath,
      function: workload.function,
      tasks: workload.tasks,
      timeoutMs: workload.timeoutMs,
      ...workload.startMethod ? { startMethod: workload.startMethod } : {}
    },
    model: cell.model,
    concurrency: cell.concurrency,
    warmupBatches: 1,
    warmupTimeMs: WARMUP_TIME_MS,
    minBatches: 2,
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
  const perVisit = options.budgetMs / Math.max(1, minRounds + 1) / Math.max(1, cells.length);
  let sampleTimeMs = Math.round(Math.min(500, Math.max(20, perVisit - VISIT_OVERHEAD_GUESS_MS)));
  let healthy = [...cells];
  try {
    for (let round2 = 1; round2 <= maxRounds && healthy.length > 0; round2++) {
      const roundStart = performance.now();
      const order = shuffled(healthy, random);
      let done = 0;
      for (const cell of order) {
        if (options.signal?.aborted) break;
        const visitSignal = round2 === 1 ? options.signal : signal;
        if (round2 > 1 && visitSignal?.aborted) break;
        const outcome = await runVisit(runtimeFor(cell.workload.runtime), cell.workload, visitSpec(cell, sampleTimeMs), { signal: visitSignal });
        visits.get(cell.key).push(outcome);
        options.onVisit?.({ round: round2, done: ++done, total: order.length, cell, outcome });
      }
      healthy = healthy.filter((cell) => visits.get(cell.key).every((v) => v.status === "ok" || v.status === "aborted"));
      await options.onRound?.(round2, visits);
      if (options.signal?.aborted) break;
      const now = performance.now();
      const roundMs = now - roundStart;
      const remaining = deadline - now;
      if (round2 === 1 && remaining > 0) {
        const overheadMs = Math.max(0, roundMs / Math.max(1, order.length) - sampleTimeMs);
        const roundsLeft = Math.max(1, minRounds - 1);
        const target = remaining / roundsLeft / Math.max(1, healthy.length) - overheadMs;
        sampleTimeMs = Math.round(Math.min(500, Math.max(20, target)));
      }
      const nextRoundMs = roundMs / Math.max(1, order.length) * healthy.length;
      if (now + nextRoundMs * 0.9 > deadline) break;
    }
  } finally {
    clearTimeout(abortAtDeadline);
  }
  return visits;
}

// src/report/json.ts
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname as dirname3 } from "node:path";
function writeJsonAtomic(path, data) {
  mkdirSync(dirname3(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(data, null, 2) + "\n");
  renameSync(temporary, path);
}

// src/version.ts
var VERSION = "0.1.0";

// src/commands/run.ts
var DEFAULT_TIME_BUDGET_SECONDS = 60;
var DEFAULT_RESULTS_FILE = ".concurrency-bench/results.json";
async function probeWorkloads(workloads, signal) {
  const probes = /* @__PURE__ */ new Map();
  for (const workload of workloads) {
    const cell = { workload, model: "sequential", concurrency: 1, key: "" };
    probes.set(workload.name, await runVisit(runtimeFor(workload.runtime), workload, visitSpec(cell, 0, "probe"), { signal, hardTimeoutMs: workload.timeoutMs + 3e4 }));
  }
  return probes;
}
function buildRunResults(config, probes, cells, visits, settings) {
  const runtimes2 = {};
  const workloads = settings.workloads.map((workload) => {
    const probe = probes.get(workload.name);
    if (probe?.env) runtimes2[workload.runtime] = { ...runtimes2[workload.runtime], ...probe.env };
    if (!probe || probe.status !== "ok") {
      return failedWorkload(workload.name, workload.runtime, probe?.error ?? "not measured (interrupted before it started)");
    }
    const results = cells.filter((c) => c.workload === workload).map((c) => aggregateCell(c.model, c.concurrency, visits.get(c.key) ?? [])).filter((c) => c !== void 0);
    return analyzeWorkload(workload.name, workload.runtime, results, { margin: settings.margin, seed: settings.seed });
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
    onVisit: ({ round: round2, done, total, cell, outcome }) => options.onProgress?.({ type: "visit", round: round2, done, total, label: `${cell.workload.name} ${cell.model} x${cell.concurrency}`, status: outcome.status }),
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
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table3[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table3[rowIndex].length;
    }
    while (++columnIndex2 < table3[rowIndex].length) {
      const cell = serialize(table3[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
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
  const row = [];
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
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
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
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
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
var plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
var cellLabel = (model, concurrency) => model === "sequential" ? "sequential" : `${model} x${concurrency}`;
function rowsFor(workload) {
  const rows = [];
  const rec = workload.recommendation;
  for (const model of MODELS) {
    const cells = workload.cells.filter((c) => c.model === model);
    if (cells.length === 0) continue;
    const ok = cells.filter((c) => c.status === "ok");
    const best = ok.length ? ok.reduce((a, b) => b.throughput.median > a.throughput.median ? b : a) : cells[0];
    rows.push(best);
    const recommended = rec && rec.model === model ? cells.find((c) => c.concurrency === rec.concurrency) : void 0;
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
function findComparison(comparisons, cell) {
  return comparisons.find((c) => c.model === cell.model && c.concurrency === cell.concurrency);
}
function table2(workload, comparisons) {
  const rec = workload.recommendation;
  const header = ["model", "concurrency", "throughput (tasks/s)", "vs sequential", "p99 latency", "CPU", "peak memory"];
  if (comparisons) header.push("change vs base (95% CI)");
  const rows = rowsFor(workload).map((cell) => {
    const recommended = rec?.model === cell.model && rec.concurrency === cell.concurrency;
    const name = recommended ? `✅ **${cell.model}**` : cell.model;
    const failed = cell.status !== "ok";
    const row = failed ? [name, String(cell.concurrency), `❌ ${cell.status}${cell.error ? `: ${escapeMarkdown(cell.error, 120)}` : ""}`, "-", "-", "-", "-"] : [
      name,
      String(cell.concurrency),
      `${formatNumber(cell.throughput.median)} (${formatNumber(cell.throughput.ci95[0])} to ${formatNumber(cell.throughput.ci95[1])})`,
      formatSpeedup(cell.speedup),
      formatMs(cell.latencyMs.p99),
      formatUtilization(cell.cpuUtilization),
      formatBytes(cell.peakRssBytes)
    ];
    if (comparisons) {
      const c = findComparison(comparisons, cell);
      row.push(changeCell(c) + (c?.memoryGrowth ? ` · memory ${formatChange(c.memoryChange, 0)}` : ""));
    }
    return row;
  });
  return markdownTable([header, ...rows], { align: ["l", "r", "r", "r", "r", "r", "r", "l"], alignDelimiters: false });
}
function charts(workload, base) {
  const sequential = workload.cells.find((c) => c.model === "sequential" && c.status === "ok");
  const blocks = [];
  for (const model of MODELS) {
    const cells = workload.cells.filter((c) => c.model === model && c.status === "ok").sort((a, b) => a.concurrency - b.concurrency);
    if (cells.length < 2) continue;
    const baseCells = base?.cells.filter((c) => c.model === model && c.status === "ok") ?? [];
    const baseValues = cells.map((c) => baseCells.find((b) => b.concurrency === c.concurrency)?.throughput.median);
    const withBase = baseCells.length > 0 && baseValues.every((v) => v !== void 0);
    const values = cells.map((c) => c.throughput.median);
    const top = Math.max(...values, ...withBase ? baseValues : [], sequential?.throughput.median ?? 0);
    const title = `${model}${sequential ? ` (sequential: ${formatNumber(sequential.throughput.median)} tasks/s)` : ""}${withBase ? " - bars: head / line: base" : ""}`;
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
  return `<details><summary>Throughput by concurrency: ${escapeMarkdown(workload.name)}</summary>

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
function environmentLine(results) {
  const e = results.environment;
  const extra = Object.entries(e.runtimes ?? {}).filter(([id, facts]) => id !== "node" && typeof facts?.version === "string").map(([id, facts]) => `${escapeMarkdown(id, 40)} ${escapeMarkdown(facts.version, 40)}`);
  const parts = [`${plural(e.cpus, "core")} (${escapeMarkdown(e.cpuModel, 80)})`, `Node ${escapeMarkdown(e.node, 40)}`, ...extra, `${escapeMarkdown(e.os, 60)} ${escapeMarkdown(e.arch, 20)}`];
  return `<sub>Environment: ${parts.join(" · ")} · concurrency-bench ${escapeMarkdown(results.tool.version, 40)}</sub>`;
}
function assemble(header, sections, footer, maxLength) {
  const join = (parts) => parts.filter(Boolean).join("\n\n") + "\n";
  const build = (detail, note2, shown = sections.length) => {
    const body = sections.slice(0, shown).map((s) => s.variants[detail(s)]);
    const blocks = [];
    for (const [i, text] of body.entries()) {
      if (i > 0 && detail(sections[i]) === "line" && detail(sections[i - 1]) === "line") blocks[blocks.length - 1] += `
${text}`;
      else blocks.push(text);
    }
    const omitted = sections.length - shown;
    const tail = omitted > 0 ? `_... and ${plural(omitted, "more workload")} not shown._` : "";
    return join([header, ...blocks, tail, note2, footer]);
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
    `**concurrency-bench**: ${plural(results.workloads.length, "workload")}`,
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
    margin: ((m) => m === void 0 ? void 0 : m / 100)(number(values.margin, "--margin")),
    seed: number(values.seed, "--seed", { integer: true }),
    jsonPath: values.json,
    only: values.workload,
    signal: controller.signal,
    onProgress: progress.onProgress
  });
  progress.finish();
  if (values.markdown) writeFileSync2(values.markdown, renderRunMarkdown(results));
  const color = Boolean(process.stdout.isTTY) && !values["no-color"] && !process.env.NO_COLOR;
  process.stdout.write(renderRunTerminal(results, { color, width: process.stdout.columns || 120 }) + "\n");
  process.stderr.write(`results: ${jsonPath}${values.markdown ? `, markdown: ${values.markdown}` : ""}
`);
  return exitCode;
}
async function main(argv) {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "run":
        return await run(rest);
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
    process.stderr.write(`concurrency-bench: internal error: ${error?.stack ?? String(error)}
`);
    return 3;
  }
}
process.exitCode = await main(process.argv.slice(2));
export {
  main
};
