import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/octokit.ts';
import { upsertStickyComment, type PullRequestRef } from '../../src/github/comment.ts';
import { commentMarker } from '../../src/github/comment-body.ts';
import { ACTIONS_BOT, OCTOCAT, startStandIn, type Author, type StandIn, type StandInOptions } from './api-standin.ts';

const TOKEN = 'ghs_standInToken0123456789';
const PR: PullRequestRef = { owner: 'octo', repo: 'bench', number: 7 };
const COMMENTS_ROUTE = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
const COMMENT_ROUTE = '/repos/{owner}/{repo}/issues/comments/{comment_id}';
const MARKER = commentMarker('concurrency-bench.config.json');
/** Another app on the repository (a bot of its own, not the token's). */
const OTHER_BOT: Author = { login: 'renovate[bot]', id: 29139614, type: 'Bot' };
/** The person whose personal token the workflow passed as github-token. */
const TOKEN_OWNER: Author = { login: 'bench-keeper', id: 4242, type: 'User' };

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
    api.seed(PR.number, `> quoting ${MARKER}`);
    const mine = api.seed(PR.number, `${MARKER}\nold`, ACTIONS_BOT);
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
    expect(outcome).toEqual({ action: 'forbidden', operation: 'create', message: expect.stringContaining('Resource not accessible by integration') });
    expect(api.comments).toHaveLength(0);
    expect(api.violations).toEqual([]);
  });

  it('leaves a person\'s comment that starts with the marker (a pasted report) alone, before and after its own', async () => {
    const { api, client } = await setup();
    const pasted = api.seed(PR.number, `${MARKER}\nI pasted the report here: look at cpu-hash`, OCTOCAT);
    const first = await upsertStickyComment(client, PR, request('run 1'));
    expect(first.action).toBe('created');
    const pastedAgain = api.seed(PR.number, `${MARKER}\nand again`, OCTOCAT);
    const second = await upsertStickyComment(client, PR, request('run 2'));
    expect(second).toMatchObject({ action: 'updated', id: first.action === 'created' ? first.id : -1 });
    expect(pasted.body).toBe(`${MARKER}\nI pasted the report here: look at cpu-hash`);
    expect(pastedAgain.body).toBe(`${MARKER}\nand again`);
    expect(api.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`/api/v3/repos/octo/bench/issues/comments/${first.action === 'created' ? first.id : -1}`]);
    expect(api.comments.filter((c) => c.author === ACTIONS_BOT)).toHaveLength(1);
    expect(api.violations).toEqual([]);
  });

  it('with a personal token, its own comments are the user\'s: found by the user\'s id, not by a bot\'s or another person\'s marker', async () => {
    const { api, client } = await setup({ identity: { kind: 'user', as: TOKEN_OWNER } });
    const bots = api.seed(PR.number, `${MARKER}\nposted by an app`, OTHER_BOT);
    const someone = api.seed(PR.number, `${MARKER}\npasted`, OCTOCAT);
    const mine = api.seed(PR.number, `${MARKER}\nold`, TOKEN_OWNER);
    const outcome = await upsertStickyComment(client, PR, request('new'));
    expect(outcome).toMatchObject({ action: 'updated', id: mine.id });
    expect(mine.body).toBe(`${MARKER}\nnew`);
    expect([bots.body, someone.body]).toEqual([`${MARKER}\nposted by an app`, `${MARKER}\npasted`]);
    expect(api.requests.some((r) => r.method === 'GET' && r.path === '/api/v3/user')).toBe(true);
    expect(api.violations).toEqual([]);
  });

  it('reports a 403 on updating its comment as such, naming the comment (not as a failed create)', async () => {
    const { api, client } = await setup();
    const mine = api.seed(PR.number, `${MARKER}\nold`, ACTIONS_BOT);
    api.faults.push({ method: 'PATCH', route: COMMENT_ROUTE, status: 403, message: 'Resource not accessible by integration', times: 1, undocumented: true });
    const outcome = await upsertStickyComment(client, PR, request('new'));
    expect(outcome).toEqual({
      action: 'forbidden',
      operation: 'update',
      url: `https://github.example/octo/bench/pull/${PR.number}#issuecomment-${mine.id}`,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    expect(mine.body).toBe(`${MARKER}\nold`);
    expect(api.comments).toHaveLength(1);
    expect(api.violations).toEqual([]);
  });

  it('reports a 403 on reading the comments as a refused read', async () => {
    const { api, client } = await setup();
    api.faults.push({ method: 'GET', route: COMMENTS_ROUTE, status: 403, message: 'Resource not accessible by integration', times: 1, undocumented: true });
    const outcome = await upsertStickyComment(client, PR, request('new'));
    expect(outcome).toMatchObject({ action: 'forbidden', operation: 'read' });
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
