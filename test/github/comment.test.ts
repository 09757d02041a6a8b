import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/octokit.ts';
import { upsertStickyComment, type PullRequestRef } from '../../src/github/comment.ts';
import { commentMarker } from '../../src/github/comment-body.ts';
import { startStandIn, type StandIn, type StandInOptions } from './api-standin.ts';

const TOKEN = 'ghs_standInToken0123456789';
const PR: PullRequestRef = { owner: 'octo', repo: 'bench', number: 7 };
const COMMENTS_ROUTE = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

let api: StandIn | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function setup(options: Partial<StandInOptions> = {}) {
  api = await startStandIn({ token: TOKEN, prefix: '/api/v3', ...options });
  const delays: number[] = [];
  const client = createClient({
    token: TOKEN,
    baseUrl: api.url,
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  return { api, client, delays };
}

const request = (markdown: string, extra: Partial<Parameters<typeof upsertStickyComment>[2]> = {}) => ({
  key: 'concurrency-bench.config.json',
  markdown,
  policy: 'always' as const,
  regressions: 0,
  ...extra,
});

describe('sticky comment', () => {
  it('creates one comment, then updates the same one on the next run (baseUrl with a path prefix, like GHES)', async () => {
    const { api, client } = await setup();
    const first = await upsertStickyComment(client, PR, request('run 1'));
    const second = await upsertStickyComment(client, PR, request('run 2'));
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', id: first.action === 'created' ? first.id : -1 });
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body).toBe(`${commentMarker('concurrency-bench.config.json')}\nrun 2`);
    expect(api.requests.every((r) => r.path.startsWith('/api/v3/'))).toBe(true);
    expect(api.violations).toEqual([]);
  });

  it('finds its marker comment on page 2 and keeps a second config in its own comment', async () => {
    const { api, client } = await setup();
    for (let i = 0; i < 130; i++) api.seed(PR.number, `chatter ${i}`);
    api.seed(PR.number, `> quoting ${commentMarker('concurrency-bench.config.json')}`);
    const mine = api.seed(PR.number, `${commentMarker('concurrency-bench.config.json')}\nold`);
    const outcome = await upsertStickyComment(client, PR, request('new'));
    const other = await upsertStickyComment(client, PR, request('other', { key: 'bench/other.config.json' }));
    expect(outcome).toMatchObject({ action: 'updated', id: mine.id });
    expect(other.action).toBe('created');
    expect(mine.body.endsWith('\nnew')).toBe(true);
    expect(api.requests.some((r) => r.method === 'GET' && r.query.get('page') === '2')).toBe(true);
    expect(api.violations).toEqual([]);
  });

  it('answers 403 on a fork with a warning outcome, not an exception', async () => {
    const { api, client } = await setup({ readOnly: true });
    const outcome = await upsertStickyComment(client, PR, request('report'));
    expect(outcome).toEqual({ action: 'forbidden', message: expect.stringContaining('Resource not accessible by integration') });
    expect(api.comments).toHaveLength(0);
    expect(api.violations).toEqual([]);
  });

  it('retries 5xx with back-off on reads and re-checks before re-creating after a failed POST', async () => {
    const { api, client, delays } = await setup();
    api.faults.push({ method: 'GET', route: COMMENTS_ROUTE, status: 502, times: 2 });
    api.faults.push({ method: 'POST', route: COMMENTS_ROUTE, status: 503, times: 1 });
    const outcome = await upsertStickyComment(client, PR, request('report'));
    expect(outcome.action).toBe('created');
    expect(delays).toEqual([1000, 2000]);
    expect(api.comments).toHaveLength(1);
    expect(api.violations).toEqual([]);
  });

  it('waits out a secondary rate limit for the time GitHub asks', async () => {
    const { api, client, delays } = await setup();
    api.faults.push({ method: 'POST', route: COMMENTS_ROUTE, status: 403, headers: { 'retry-after': '7' }, message: 'You have exceeded a secondary rate limit', times: 1 });
    const outcome = await upsertStickyComment(client, PR, request('report'));
    expect(outcome.action).toBe('created');
    expect(delays).toEqual([7000]);
    expect(api.violations).toEqual([]);
  });

  it('never sends a body GitHub would reject as too long (no 422)', async () => {
    const { api, client } = await setup();
    const huge = `| workload | model |\n|---|---|\n${'| `x` | thread |\n'.repeat(9000)}<details>\n\n\`\`\`mermaid\n${'x\n'.repeat(20000)}\`\`\`\n</details>\n`;
    expect(huge.length).toBeGreaterThan(65_536);
    const outcome = await upsertStickyComment(client, PR, request(huge));
    expect(outcome.action).toBe('created');
    expect(api.requests.some((r) => r.status === 422)).toBe(false);
    expect(api.comments[0]!.body.length).toBeLessThanOrEqual(65_536);
    expect(api.comments[0]!.body).toContain('cut to fit');
    expect(api.violations).toEqual([]);
  });

  it('on-regression starts no comment without a regression but updates an existing one; never does nothing', async () => {
    const { api, client } = await setup();
    expect((await upsertStickyComment(client, PR, request('ok', { policy: 'on-regression' }))).action).toBe('skipped');
    expect(api.comments).toHaveLength(0);
    expect((await upsertStickyComment(client, PR, request('bad', { policy: 'on-regression', regressions: 1 }))).action).toBe('created');
    expect((await upsertStickyComment(client, PR, request('fixed', { policy: 'on-regression' }))).action).toBe('updated');
    expect((await upsertStickyComment(client, PR, request('quiet', { policy: 'never', regressions: 3 }))).action).toBe('skipped');
    expect(api.comments.map((c) => c.body.split('\n')[1])).toEqual(['fixed']);
  });
});
