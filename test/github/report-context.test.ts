import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/github/event.ts';
import { methodDocUrl, reportContext, workflowRunUrl } from '../../src/github/report-context.ts';
import { renderReport, labelEntries } from '../../src/github/report.ts';
import { renderCompareMarkdown } from '../../src/report/markdown.ts';
import { hostileCompare, regressionInOneOfThree } from '../report/realistic.ts';
import { compareResults, runResults, workload, environment } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'cb-context-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const pullRequest = parseEvent('pull_request', {
  repository: { name: 'bench', owner: { login: 'octo' } },
  pull_request: { number: 5, base: { sha: BASE, ref: 'main' }, head: { sha: HEAD, ref: 'topic/<b>x</b>', repo: { full_name: 'octo/bench' } } },
});
const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo/bench', GITHUB_RUN_ID: '123456', GITHUB_RUN_ATTEMPT: '1', GITHUB_ACTION_REPOSITORY: 'acme/concurrency-bench', GITHUB_ACTION_REF: 'v1' };
const now = new Date('2026-11-30T08:21:33Z');

describe('report context at the action edge', () => {
  it('links the workflow run (and its attempt after the first), only from values of the expected shape', () => {
    expect(workflowRunUrl(env)).toBe('https://github.com/octo/bench/actions/runs/123456');
    expect(workflowRunUrl({ ...env, GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_RUN_ATTEMPT: '3' })).toBe('https://ghe.example.com/octo/bench/actions/runs/123456/attempts/3');
    expect(workflowRunUrl({ ...env, GITHUB_SERVER_URL: 'javascript:alert(1)' })).toBeUndefined();
    expect(workflowRunUrl({ ...env, GITHUB_REPOSITORY: 'octo/bench) [x](http://evil' })).toBeUndefined();
    expect(workflowRunUrl({ ...env, GITHUB_RUN_ID: '12a' })).toBeUndefined();
    expect(workflowRunUrl({})).toBeUndefined();
  });

  it("links the method document at the action's repository and ref, or in the workspace for a local action", () => {
    expect(methodDocUrl(env, HEAD, undefined)).toBe('https://github.com/acme/concurrency-bench/blob/v1/docs/compare-method.md');
    expect(methodDocUrl({ ...env, GITHUB_ACTION_REF: '../../x' }, HEAD, undefined)).toBeUndefined();
    const workspace = join(dir, 'ws');
    mkdirSync(join(workspace, 'tools', 'cb', 'docs'), { recursive: true });
    writeFileSync(join(workspace, 'tools', 'cb', 'docs', 'compare-method.md'), '# method\n');
    const local = { ...env, GITHUB_ACTION_REPOSITORY: '', GITHUB_ACTION_REF: '', GITHUB_WORKSPACE: workspace };
    expect(methodDocUrl(local, HEAD, join(workspace, 'tools', 'cb'))).toBe(`https://github.com/octo/bench/blob/${HEAD}/tools/cb/docs/compare-method.md`);
    expect(methodDocUrl(local, HEAD, join(dir, 'elsewhere'))).toBeUndefined();
  });

  it('names the head by the pull request branch and head commit, with the time', () => {
    expect(reportContext({ env, event: pullRequest, now })).toEqual({
      updatedAt: '2026-11-30T08:21:33.000Z',
      runUrl: 'https://github.com/octo/bench/actions/runs/123456',
      head: { ref: 'topic/<b>x</b>', sha: HEAD },
      base: { ref: 'main', sha: BASE },
      methodUrl: 'https://github.com/acme/concurrency-bench/blob/v1/docs/compare-method.md',
    });
    const push = reportContext({ env: { ...env, GITHUB_SHA: HEAD, GITHUB_REF_NAME: 'main' }, event: parseEvent('push', {}), now });
    expect(push.head).toEqual({ ref: 'main', sha: HEAD });
  });

  it('reaches the markdown as escaped text and plain links', () => {
    const context = reportContext({ env, event: pullRequest, now });
    const md = renderCompareMarkdown(regressionInOneOfThree(), { context });
    expect(md).toContain('Comparing **topic/&lt;b&gt;x&lt;/b&gt;** (bbbbbbb) against base main (aaaaaaa).');
    expect(md.trimEnd().split('\n').at(-1)).toBe(
      '<sub>[Workflow run](https://github.com/octo/bench/actions/runs/123456) · updated for bbbbbbb at 2026-11-30 08:21 UTC · reproduce locally: `npx concurrency-bench compare --base 0123456789abcdef0123456789abcdef01234567`</sub>',
    );
    const { results } = hostileCompare();
    expect(renderCompareMarkdown(results, { context })).not.toMatch(/<(b|img|script)\b/);
  });

  it('a run (push, no baseline) ends with the run link and the commit it measured', () => {
    const context = reportContext({ env: { ...env, GITHUB_SHA: HEAD, GITHUB_REF_NAME: 'main' }, event: parseEvent('push', {}), now });
    const md = renderReport(labelEntries([runResults([workload('hash', 'thread', 2)])]), 60_000, context);
    expect(md.trimEnd().split('\n').at(-1)).toBe('<sub>[Workflow run](https://github.com/octo/bench/actions/runs/123456) · updated for bbbbbbb at 2026-11-30 08:21 UTC</sub>');
  });

  it('a merged report of several environments says the footer once, at the end', () => {
    const context = reportContext({ env, event: pullRequest, now });
    const entries = labelEntries([compareResults([workload('hash', 'thread', 2)], ['hash'], environment(2)), runResults([workload('hash', 'thread', 4)], environment(4))]);
    const md = renderReport(entries, 60_000, context);
    expect(md.match(/\[Workflow run\]/g)).toHaveLength(1);
    expect(md.trimEnd().split('\n').at(-1)).toBe('<sub>[Workflow run](https://github.com/octo/bench/actions/runs/123456) · updated for bbbbbbb at 2026-11-30 08:21 UTC</sub>');
    expect(md).toContain('Comparing **topic/&lt;b&gt;x&lt;/b&gt;** (bbbbbbb) against base main (aaaaaaa).');
  });
});
