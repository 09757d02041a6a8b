import { afterEach, describe, expect, it } from 'vitest';
import { parseEvent, type WorkflowRunEvent } from '../../src/github/event.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFile, parseInputs } from '../../src/github/inputs.ts';
import { pullRequestForRun } from '../../src/github/pull-lookup.ts';
import { createClient } from '../../src/github/octokit.ts';
import { startStandIn, type StandIn } from './api-standin.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const prPayload = (headRepo: string) => ({
  repository: { name: 'bench', owner: { login: 'octo' } },
  pull_request: { number: 9, base: { sha: A, ref: 'main' }, head: { sha: B, ref: 'topic', repo: { full_name: headRepo } } },
});

describe('parseEvent', () => {
  it('reads a pull request and tells a fork from a branch of the same repository', () => {
    expect(parseEvent('pull_request', prPayload('octo/bench'))).toMatchObject({ kind: 'pull_request', number: 9, baseSha: A, headSha: B, fork: false });
    expect(parseEvent('pull_request', prPayload('mallory/bench'))).toMatchObject({ fork: true });
  });
  it('rejects a pull_request payload without SHAs, and treats pull_request_target and push as other', () => {
    expect(() => parseEvent('pull_request', { repository: prPayload('x').repository, pull_request: { number: 1 } })).toThrow(/SHAs/);
    expect(parseEvent('pull_request_target', prPayload('mallory/bench'))).toEqual({ kind: 'other', name: 'pull_request_target' });
    expect(parseEvent('push', {})).toEqual({ kind: 'other', name: 'push' });
  });
});

describe('parseInputs', () => {
  it('applies defaults and validates values, naming the input', () => {
    const inputs = parseInputs(() => '');
    expect(inputs).toMatchObject({ config: '', baseline: 'base', threshold: 5, alpha: 0.05, failOnRegression: false, comment: 'always', mode: 'run', timeBudget: undefined, results: [] });
    const get = (values: Record<string, string>) => (name: string) => values[name] ?? '';
    expect(parseInputs(get({ results: 'a/*.json\nb.json, c.json', 'time-budget': '30' }))).toMatchObject({ results: ['a/*.json', 'b.json', 'c.json'], timeBudget: 30 });
    expect(() => parseInputs(get({ comment: 'sometimes' }))).toThrow('Input `comment`: expected always | on-regression | never');
    expect(() => parseInputs(get({ threshold: '-1' }))).toThrow(/threshold/);
    expect(parseInputs(get({ alpha: '0.01' })).alpha).toBe(0.01);
    expect(() => parseInputs(get({ alpha: '5' }))).toThrow(/Input `alpha`: expected a probability/);
    expect(() => parseInputs(get({ 'fail-on-regression': 'yes' }))).toThrow(/fail-on-regression/);
  });

  it('takes a threshold in percent with or without the percent sign, and nothing else', () => {
    const threshold = (value: string) => parseInputs((name) => (name === 'threshold' ? value : '')).threshold;
    expect(threshold('5')).toBe(5);
    expect(threshold('5%')).toBe(5);
    expect(threshold(' 2.5 % ')).toBe(2.5);
    expect(threshold('0%')).toBe(0);
    for (const bad of ['%', '5%%', 'five', '-1%', '5 percent', '%5']) {
      expect(() => threshold(bad), bad).toThrow(`Input \`threshold\`: expected a percentage >= 0, e.g. 5 or 5%, got ${JSON.stringify(bad.trim())}`);
    }
  });
});

describe('configFile', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const workspace = (...files: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-config-'));
    dirs.push(dir);
    for (const file of files) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), '{}');
    }
    return dir;
  };

  it('left empty, finds the config as the CLI does: JSON, then YAML, then .yml, in the repository root', () => {
    expect(configFile({ config: '' }, workspace('concurrency-bench.config.json', 'concurrency-bench.config.yaml'))).toBe('concurrency-bench.config.json');
    expect(configFile({ config: '' }, workspace('concurrency-bench.config.yaml', 'concurrency-bench.config.yml'))).toBe('concurrency-bench.config.yaml');
    expect(configFile({ config: '' }, workspace('concurrency-bench.config.yml'))).toBe('concurrency-bench.config.yml');
    // None there: the JSON name, so that the error names the file it looked for first.
    expect(configFile({ config: '' }, workspace('bench/concurrency-bench.config.yaml'))).toBe('concurrency-bench.config.json');
  });

  it('given, is taken as given even when a default one exists', () => {
    const dir = workspace('concurrency-bench.config.json', 'bench/other.yaml');
    expect(configFile(parseInputs((name) => (name === 'config' ? ' bench/other.yaml ' : '')), dir)).toBe('bench/other.yaml');
  });
});

describe('pullRequestForRun', () => {
  let api: StandIn | undefined;
  afterEach(() => api?.close());
  it('finds a fork pull request by head branch and SHA when GitHub attached none', async () => {
    api = await startStandIn({ token: 't', pulls: [{ number: 3, label: 'mallory:topic', sha: 'c'.repeat(40) }, { number: 4, label: 'mallory:topic', sha: B }] });
    const event: WorkflowRunEvent = { kind: 'workflow_run', owner: 'octo', repo: 'bench', pullRequests: [], headSha: B, headBranch: 'topic', headOwner: 'mallory', triggeringEvent: 'pull_request', conclusion: 'success' };
    expect(await pullRequestForRun(createClient({ token: 't', baseUrl: api.url }), event)).toBe(4);
    expect(api.requests[0]!.query.get('head')).toBe('mallory:topic');
    expect(api.violations).toEqual([]);
  });
});
