import { afterEach, describe, expect, it } from 'vitest';
import { parseEvent, type WorkflowRunEvent } from '../../src/github/event.ts';
import { parseInputs } from '../../src/github/inputs.ts';
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
    expect(inputs).toMatchObject({ config: 'concurrency-bench.config.json', baseline: 'base', threshold: 5, alpha: 0.05, failOnRegression: false, comment: 'always', mode: 'run', timeBudget: undefined, results: [] });
    const get = (values: Record<string, string>) => (name: string) => values[name] ?? '';
    expect(parseInputs(get({ results: 'a/*.json\nb.json, c.json', 'time-budget': '30' }))).toMatchObject({ results: ['a/*.json', 'b.json', 'c.json'], timeBudget: 30 });
    expect(() => parseInputs(get({ comment: 'sometimes' }))).toThrow('Input `comment`: expected always | on-regression | never');
    expect(() => parseInputs(get({ threshold: '-1' }))).toThrow(/threshold/);
    expect(parseInputs(get({ alpha: '0.01' })).alpha).toBe(0.01);
    expect(() => parseInputs(get({ alpha: '5' }))).toThrow(/Input `alpha`: expected a probability/);
    expect(() => parseInputs(get({ 'fail-on-regression': 'yes' }))).toThrow(/fail-on-regression/);
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
