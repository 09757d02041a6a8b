import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.ts';
import { defaultConcurrency, defaultConfigPath, loadConfig, parseConfig, sweep } from '../../src/config/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'cb-config-'));
function configFile(content: string): string {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  return file;
}
function problem(raw: unknown): ConfigError {
  try {
    parseConfig(raw, '/repo/concurrency-bench.config.json', 'concurrency-bench.config.json', 2);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}
const ok = { name: 'hash', module: 'bench/hash.ts', tasks: 8 };

describe('config validation', () => {
  it('reads YAML with the same shape, and names the file when it is not valid YAML', () => {
    const yamlFile = join(dir, 'c.yaml');
    writeFileSync(yamlFile, 'workloads:\n  - name: hash\n    module: hash.mjs\n    tasks: 8\n    concurrency: { thread: [1, 2] }\n');
    const config = loadConfig(yamlFile, { cpus: 2 });
    expect(config.workloads[0]).toMatchObject({ name: 'hash', tasks: 8, concurrency: { thread: [1, 2] } });
    const badYaml = join(dir, 'bad.yml');
    writeFileSync(badYaml, 'workloads:\n  - name: [unclosed\n');
    expect(() => loadConfig(badYaml)).toThrow(/bad\.yml: not valid YAML/);
    const wrongType = join(dir, 'wrong.yaml');
    writeFileSync(wrongType, 'workloads:\n  - name: hash\n    module: hash.mjs\n    tasks: many\n');
    expect(() => loadConfig(wrongType)).toThrow(/wrong\.yaml: workloads\[0\]\.tasks: expected a positive integer/);
  });

  it('finds a default config by name: JSON first, then YAML', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cb-default-'));
    expect(defaultConfigPath(empty)).toBe('concurrency-bench.config.json');
    writeFileSync(join(empty, 'concurrency-bench.config.yaml'), 'workloads: []\n');
    expect(defaultConfigPath(empty)).toBe('concurrency-bench.config.yaml');
    writeFileSync(join(empty, 'concurrency-bench.config.json'), '{}');
    expect(defaultConfigPath(empty)).toBe('concurrency-bench.config.json');
  });

  it('names the file when it is missing or not JSON', () => {
    expect(() => loadConfig(join(dir, 'nope.json'))).toThrow(/nope\.json: config file not found/);
    expect(() => loadConfig(configFile('{ "workloads": [ }'))).toThrow(/\.json: not valid JSON/);
  });

  it.each([
    [{}, 'workloads', /missing/],
    [{ workloads: {} }, 'workloads', /expected a non-empty array of workloads, got an array|got object/],
    [{ workloads: [] }, 'workloads', /empty array/],
    [{ workloads: [{ name: 'a', tasks: 4 }] }, 'workloads[0].module', /missing: expected the path/],
    [{ workloads: [{ ...ok, tasks: '8' }] }, 'workloads[0].tasks', /positive integer.*the string "8"/],
    [{ workloads: [{ ...ok, tasks: 0 }] }, 'workloads[0].tasks', /positive integer/],
    [{ workloads: [{ ...ok, models: ['thread', 'fibers'] }] }, 'workloads[0].models[1]', /one of sequential, async, thread, process, thread\+async, process\+async, got the string "fibers"/],
    [{ workloads: [ok, { ...ok }] }, 'workloads[1].name', /duplicate workload name "hash"/],
    [{ workloads: [{ ...ok, concurrency: [1, -2] }] }, 'workloads[0].concurrency[1]', /positive integer/],
    [{ workloads: [{ ...ok, concurrency: { fibers: [1] } }] }, 'workloads[0].concurrency.fibers', /async, thread, process/],
    [{ workloads: [{ ...ok, timeoutMs: 1.5 }] }, 'workloads[0].timeoutMs', /positive integer/],
    [{ workloads: [{ ...ok, runtime: 'ruby' }] }, 'workloads[0].runtime', /node, python/],
    [{ workloads: [{ ...ok, function: 'go' }] }, 'workloads[0].function', /only for runtime "python"/],
    [{ workloads: [ok], extra: 1 }, 'extra', /unknown field/],
    [{ workloads: [{ ...ok, taks: 3 }] }, 'workloads[0].taks', /unknown field/],
  ])('%j -> %s', (raw, field, expected) => {
    const error = problem(raw);
    expect(error.field).toBe(field);
    expect(error.file).toBe('concurrency-bench.config.json');
    expect(error.message).toMatch(expected);
    expect(error.message.startsWith(`concurrency-bench.config.json: ${field}: `)).toBe(true);
  });
});

describe('config problems all at once', () => {
  it('a single problem still reads as one line, as before', () => {
    const error = problem({ workloads: [{ ...ok, tasks: 'many' }] });
    expect(error.message).toBe('concurrency-bench.config.json: workloads[0].tasks: expected a positive integer (tasks per batch), got the string "many"');
    expect(error.problems).toEqual([{ field: 'workloads[0].tasks', expected: 'expected a positive integer (tasks per batch), got the string "many"' }]);
    expect(error.field).toBe('workloads[0].tasks');
  });

  it('names both the missing module and the bad tasks', () => {
    const error = problem({ workloads: [{ name: 'x', tasks: 'many' }] });
    expect(error.problems.map((p) => p.field)).toEqual(['workloads[0].module', 'workloads[0].tasks']);
    expect(error.message).toBe(
      'concurrency-bench.config.json: 2 problems:\n' +
        '  workloads[0].module: missing: expected the path of the workload module, relative to the config file\n' +
        '  workloads[0].tasks: expected a positive integer (tasks per batch), got the string "many"',
    );
    // The first problem is still the error's field and expectation.
    expect(error.field).toBe('workloads[0].module');
    expect(error.expected).toMatch(/^missing: expected the path/);
  });

  it('lists three problems in two workloads, in order', () => {
    const error = problem({
      workloads: [
        { ...ok, runtime: 'ruby', timeoutMs: -1 },
        { ...ok, name: 'other', models: ['thread', 'fibers'] },
      ],
    });
    expect(error.problems).toHaveLength(3);
    expect(error.problems.map((p) => p.field)).toEqual(['workloads[0].runtime', 'workloads[0].timeoutMs', 'workloads[1].models[1]']);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('concurrency-bench.config.json: 3 problems:');
    expect(lines[1]).toMatch(/^  workloads\[0\]\.runtime: expected one of node, python, got the string "ruby"$/);
    expect(lines[2]).toMatch(/^  workloads\[0\]\.timeoutMs: expected a positive integer of milliseconds, got number -1$/);
    expect(lines[3]).toMatch(/^  workloads\[1\]\.models\[1\]: expected one of sequential, async, thread, process, thread\+async, process\+async, got the string "fibers"$/);
  });

  it('collects top-level and workload problems together, one per field', () => {
    const error = problem({
      extra: true,
      prepare: '',
      workloads: [
        { name: 'a', module: 'a.mjs', tasks: 2_000_000, concurrency: { fibers: [1], thread: [0, 2] } },
        'not an object',
        { name: 'a', module: 'b.mjs', tasks: 4, concurrency: [8, 16] },
      ],
    });
    expect(error.problems.map((p) => p.field)).toEqual([
      'extra',
      'prepare',
      'workloads[0].tasks',
      'workloads[0].concurrency.fibers',
      'workloads[0].concurrency.thread[0]',
      'workloads[1]',
      'workloads[2].name',
      'workloads[2].concurrency',
    ]);
    expect(error.problems[2].expected).toMatch(/at most 1000000/);
    expect(error.problems[6].expected).toMatch(/duplicate workload name "a" \(also workloads\[0\]\.name\)/);
    expect(error.problems[7].expected).toMatch(/every level exceeds tasks \(4\)/);
  });

  it('reports what is wrong in a YAML file the same way, through loadConfig', () => {
    const yamlFile = join(dir, 'several.yaml');
    writeFileSync(yamlFile, 'workloads:\n  - name: x\n    tasks: many\n  - module: m.mjs\n    tasks: 2\n');
    expect(() => loadConfig(yamlFile)).toThrow(
      /several\.yaml: 3 problems:\n  workloads\[0\]\.module: missing.*\n  workloads\[0\]\.tasks: .*"many"\n  workloads\[1\]\.name: expected a non-empty string, got nothing \(missing\)$/,
    );
  });
});

describe('config defaults', () => {
  it('sweeps thread/process up to 2x cores and async up to tasks', () => {
    expect(sweep(4)).toEqual([1, 2, 4]);
    expect(sweep(6)).toEqual([1, 2, 4, 6]);
    expect(sweep(12, [6])).toEqual([1, 2, 4, 6, 8, 12]);
    // Hybrids: tasks in flight in all, one worker per core with 2, 4, 8 and 16 on each (as many as there are tasks).
    expect(defaultConcurrency(64, 2)).toEqual({ sequential: [1], async: [1, 2, 4, 8, 16, 32, 64], thread: [1, 2, 4], process: [1, 2, 4], 'thread+async': [4, 8, 16, 32], 'process+async': [4, 8, 16, 32] });
    expect(defaultConcurrency(12, 2)['thread+async']).toEqual([4, 8]);
    expect(defaultConcurrency(2, 4)['process+async']).toEqual([2]);
  });

  it('resolves module paths against the config file and always measures sequential', () => {
    const config = parseConfig({ workloads: [{ ...ok, models: ['thread'], concurrency: { async: [1, 16], thread: [2, 1, 2, 64] } }] }, '/repo/cfg/c.json', 'c.json', 2);
    const [w] = config.workloads;
    expect(w.modulePath).toBe('/repo/cfg/bench/hash.ts');
    expect(w.models).toEqual(['sequential', 'thread']);
    // levels above tasks (8) are dropped, duplicates merged, sorted
    expect(w.concurrency.thread).toEqual([1, 2]);
    expect(w.concurrency.async).toEqual([1]);
    expect(w.concurrency.process).toEqual([1, 2, 4]);
    expect(w.timeoutMs).toBe(30000);
  });

  it('accepts python entries', () => {
    const config = parseConfig({ workloads: [{ name: 'p', runtime: 'python', entry: 'pkg.mod:work', tasks: 4, startMethod: 'spawn' }] }, '/r/c.json', 'c.json', 2);
    expect(config.workloads[0]).toMatchObject({ runtime: 'python', modulePath: 'pkg.mod', function: 'work', startMethod: 'spawn' });
  });
});
