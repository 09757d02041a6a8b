/**
 * A loopback stand-in for the parts of the GitHub REST API the action uses. Every request body and
 * every response body it sends is checked against GitHub's OpenAPI description; any mismatch is
 * recorded in `violations`, which each test asserts empty. Like GitHub it rejects comment bodies
 * over 65,536 characters with a 422, and wrong tokens with a 401. Comments have authors: the token
 * is GITHUB_TOKEN by default (an installation token: GET /user answers 403, its comments are
 * github-actions[bot]'s), or a user's token (GET /user answers who; its comments are that user's).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, checkResponse, example } from './openapi.ts';

export interface Author {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** Who GITHUB_TOKEN comments as. */
export const ACTIONS_BOT: Author = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
/** A person on the pull request. */
export const OCTOCAT: Author = { login: 'octocat', id: 1, type: 'User' };

export interface StoredComment {
  id: number;
  body: string;
  issue: number;
  author: Author;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  status: number;
  authorization: string | undefined;
}

export interface Fault {
  method: string;
  /** Templated route, e.g. /repos/{owner}/{repo}/issues/{issue_number}/comments */
  route: string;
  status: number;
  headers?: Record<string, string>;
  message?: string;
  /** How many matching requests fail before the route behaves again. */
  times: number;
  /**
   * A status GitHub sends on this route though its description does not list it (a 403 on reading
   * or updating comments, for a token without the permission): sent without the response check.
   */
  undocumented?: boolean;
}

export interface StandInOptions {
  token: string;
  /** Path prefix of the API root, e.g. /api/v3 like GitHub Enterprise Server. */
  prefix?: string;
  /** A fork's read-only token: writes answer 403 "Resource not accessible by integration". */
  readOnly?: boolean;
  /** Open pull requests for GET /repos/{owner}/{repo}/pulls: number, head label and head sha. */
  pulls?: Array<{ number: number; label: string; sha: string }>;
  /** Whose token it is: `app` (default: GITHUB_TOKEN, comments as github-actions[bot]) or a user's. */
  identity?: { kind: 'app'; as?: Author } | { kind: 'user'; as: Author };
}

export interface StandIn {
  url: string;
  comments: StoredComment[];
  requests: RecordedRequest[];
  violations: string[];
  faults: Fault[];
  /** Adds a comment, by default by someone else (octocat). */
  seed(issue: number, body: string, author?: Author): StoredComment;
  close(): Promise<void>;
}

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
const COMMENT = '/repos/{owner}/{repo}/issues/comments/{comment_id}';
const PULLS = '/repos/{owner}/{repo}/pulls';
const USER = '/user';

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const prefix = options.prefix ?? '';
  let nextId = 1000;
  const identity = options.identity ?? { kind: 'app' };
  const tokenAuthor = identity.as ?? ACTIONS_BOT;
  const state: Omit<StandIn, 'url' | 'close'> = {
    comments: [],
    requests: [],
    violations: [],
    faults: [],
    seed(issue, body, author = OCTOCAT) {
      const comment = { id: nextId++, body, issue, author };
      state.comments.push(comment);
      return comment;
    },
  };

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const body = raw ? safeJson(raw) : undefined;
    const record: RecordedRequest = { method, path: url.pathname, query: url.searchParams, body, status: 0, authorization: req.headers.authorization };
    state.requests.push(record);
    const origin = `http://${req.headers.host}${prefix}`;

    const send = (route: string, status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      state.violations.push(...checkResponse(method, route, status, payload));
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };

    if (!url.pathname.startsWith(`${prefix}/`)) return sendRaw(res, record, 404, { message: 'Not Found' });
    const path = url.pathname.slice(prefix.length);
    const match = route(method, path);
    if (!match) {
      state.violations.push(`unexpected request ${method} ${path}`);
      return sendRaw(res, record, 404, { message: 'Not Found' });
    }
    if (req.headers.authorization !== `token ${options.token}`) {
      return sendRaw(res, record, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    state.violations.push(...checkRequest(method, match.route, body));

    const fault = state.faults.find((f) => f.times > 0 && f.method === method && f.route === match.route);
    if (fault) {
      fault.times--;
      // Server errors carry no documented body; rate limits are documented as basic errors.
      if (fault.status >= 500) return sendRaw(res, record, fault.status, { message: fault.message ?? 'Server Error' }, fault.headers);
      if (fault.undocumented) return sendRaw(res, record, fault.status, basicError(fault.message ?? 'error', fault.status), fault.headers);
      return send(match.route, fault.status, basicError(fault.message ?? 'error', fault.status), fault.headers);
    }

    if (options.readOnly && method !== 'GET') {
      return send(match.route, 403, basicError('Resource not accessible by integration', 403));
    }

    const { owner, repo } = match.params;
    if (match.route === COMMENTS && method === 'GET') {
      const issue = Number(match.params.issue_number);
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = state.comments.filter((c) => c.issue === issue);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const items = all.slice((page - 1) * perPage, page * perPage).map((c) => toApi(c, origin, owner!, repo!));
      const link = (p: number, rel: string) => `<${origin}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
      return send(COMMENTS, 200, items, links.length ? { link: links.join(', ') } : {});
    }
    if (match.route === COMMENTS && method === 'POST') {
      const text = String((body as { body?: unknown })?.body ?? '');
      if (text.length > 65_536) return send(COMMENTS, 422, validationError('body is too long (maximum is 65536 characters)'));
      const comment = state.seed(Number(match.params.issue_number), text, tokenAuthor);
      return send(COMMENTS, 201, toApi(comment, origin, owner!, repo!), { location: `${origin}/repos/${owner}/${repo}/issues/comments/${comment.id}` });
    }
    if (match.route === COMMENT && method === 'PATCH') {
      const comment = state.comments.find((c) => c.id === Number(match.params.comment_id));
      if (!comment) return sendRaw(res, record, 404, { message: 'Not Found' });
      const text = String((body as { body?: unknown })?.body ?? '');
      if (text.length > 65_536) return send(COMMENT, 422, validationError('body is too long (maximum is 65536 characters)'));
      comment.body = text;
      return send(COMMENT, 200, toApi(comment, origin, owner!, repo!));
    }
    if (match.route === USER && method === 'GET') {
      // An installation token (GITHUB_TOKEN, an app's) is no user: GitHub answers 403.
      if (identity.kind === 'app') return send(USER, 403, basicError('Resource not accessible by integration', 403));
      return send(USER, 200, toUser(identity.as));
    }
    if (match.route === PULLS && method === 'GET') {
      const head = url.searchParams.get('head');
      const items = (options.pulls ?? []).filter((p) => !head || p.label === head).map((p) => toPull(p, owner!, repo!));
      return send(PULLS, 200, items);
    }
    state.violations.push(`unhandled ${method} ${match.route}`);
    return sendRaw(res, record, 404, { message: 'Not Found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

function route(method: string, path: string): { route: string; params: Record<string, string> } | undefined {
  const table: Array<[string, RegExp, string[]]> = [
    [COMMENTS, /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, ['owner', 'repo', 'issue_number']],
    [COMMENT, /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/, ['owner', 'repo', 'comment_id']],
    [PULLS, /^\/repos\/([^/]+)\/([^/]+)\/pulls$/, ['owner', 'repo']],
    [USER, /^\/user$/, []],
  ];
  for (const [name, re, keys] of table) {
    const m = re.exec(path);
    if (m) return { route: name, params: Object.fromEntries(keys.map((k, i) => [k, decodeURIComponent(m[i + 1]!)])) };
  }
  void method;
  return undefined;
}

function toApi(c: StoredComment, origin: string, owner: string, repo: string): Record<string, unknown> {
  const api = example('issue-comment');
  api.id = c.id;
  api.body = c.body;
  api.url = `${origin}/repos/${owner}/${repo}/issues/comments/${c.id}`;
  api.html_url = `https://github.example/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`;
  api.issue_url = `${origin}/repos/${owner}/${repo}/issues/${c.issue}`;
  api.user = { ...api.user, login: c.author.login, id: c.author.id, type: c.author.type, url: `${origin}/users/${encodeURIComponent(c.author.login)}` };
  return api;
}

function toUser(author: Author): Record<string, unknown> {
  const api = example('public-user-default-response');
  return { ...api, login: author.login, id: author.id, type: author.type };
}

function toPull(p: { number: number; label: string; sha: string }, owner: string, repo: string): Record<string, unknown> {
  const [api] = example('pull-request-simple-items') as unknown as Array<Record<string, any>>;
  api!.number = p.number;
  api!.head.label = p.label;
  api!.head.sha = p.sha;
  api!.base.repo.full_name = `${owner}/${repo}`;
  // GitHub's own example lists a team without the `type` its schema requires; we need no teams.
  api!.requested_teams = [];
  return api!;
}

function basicError(message: string, status: number) {
  return { message, documentation_url: 'https://docs.github.com/rest', status: String(status) };
}

function validationError(message: string) {
  return { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message }], documentation_url: 'https://docs.github.com/rest' };
}

function sendRaw(res: ServerResponse, record: RecordedRequest, status: number, payload: unknown, headers: Record<string, string> = {}) {
  record.status = status;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(payload));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
