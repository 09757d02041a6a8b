/**
 * What the report says about where it was made, read at the action's edge from the runner's
 * environment and the event, and handed to the renderer as plain data: the workflow run's link,
 * the pull request's branch and head commit, when, and where the method document is. Only values
 * of the expected shape become links; the renderer escapes the rest.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { ReportContext } from '../report/markdown.ts';
import type { ActionEvent } from './event.ts';

const SERVER = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~-]+)*$/;
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const DIGITS = /^\d{1,20}$/;
/** A git ref or commit as it may appear in a URL path (tags and branches of the action: v1, main, releases/v2). */
const REF = /^[A-Za-z0-9._/-]{1,200}$/;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;

/** The method document, relative to the action's root. */
export const METHOD_DOC = 'docs/compare-method.md';

export interface ContextInputs {
  env: NodeJS.ProcessEnv;
  event: ActionEvent;
  now: Date;
  /** The action's own root directory (where action.yml is), to link the method document of a local action. */
  actionRoot?: string;
}

/** The workflow run: `<server>/<owner>/<repo>/actions/runs/<id>` (and the attempt after the first). */
export function workflowRunUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = (env.GITHUB_SERVER_URL ?? '').replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY ?? '';
  const id = env.GITHUB_RUN_ID ?? '';
  if (!SERVER.test(server) || !REPOSITORY.test(repository) || !DIGITS.test(id)) return undefined;
  const attempt = env.GITHUB_RUN_ATTEMPT ?? '';
  return `${server}/${repository}/actions/runs/${id}${DIGITS.test(attempt) && Number(attempt) > 1 ? `/attempts/${attempt}` : ''}`;
}

/**
 * The method document at the action's own repository and ref (GITHUB_ACTION_REPOSITORY and
 * GITHUB_ACTION_REF are set for an action used from a repository); for a local action (`uses: ./`)
 * inside the workspace, the same file in the workflow's repository at the commit being measured.
 */
export function methodDocUrl(env: NodeJS.ProcessEnv, headSha: string | undefined, actionRoot: string | undefined): string | undefined {
  const server = (env.GITHUB_SERVER_URL ?? '').replace(/\/+$/, '');
  if (!SERVER.test(server)) return undefined;
  const actionRepository = env.GITHUB_ACTION_REPOSITORY ?? '';
  const actionRef = env.GITHUB_ACTION_REF ?? '';
  if (REPOSITORY.test(actionRepository) && REF.test(actionRef) && !actionRef.includes('..')) {
    return `${server}/${actionRepository}/blob/${actionRef}/${METHOD_DOC}`;
  }
  const workspace = env.GITHUB_WORKSPACE;
  const repository = env.GITHUB_REPOSITORY ?? '';
  const commit = headSha && SHA.test(headSha) ? headSha : env.GITHUB_SHA ?? '';
  if (!actionRoot || !workspace || !REPOSITORY.test(repository) || !SHA.test(commit)) return undefined;
  const rel = relative(workspace, actionRoot).replaceAll('\\', '/');
  if (rel.startsWith('..') || isAbsolute(rel) || !existsSync(join(actionRoot, METHOD_DOC))) return undefined;
  const path = [rel, METHOD_DOC].filter(Boolean).join('/');
  if (!/^[A-Za-z0-9._/-]+$/.test(path)) return undefined;
  return `${server}/${repository}/blob/${commit}/${path}`;
}

/** The report's context from the runner's environment and the event. */
export function reportContext({ env, event, now, actionRoot }: ContextInputs): ReportContext {
  const context: ReportContext = { updatedAt: now.toISOString() };
  const run = workflowRunUrl(env);
  if (run) context.runUrl = run;
  if (event.kind === 'pull_request') {
    context.head = { ref: event.headRef, sha: event.headSha };
    context.base = { ref: event.baseRef, sha: event.baseSha };
  } else if (event.kind === 'workflow_run') {
    if (SHA.test(event.headSha)) context.head = { ref: event.headBranch, sha: event.headSha };
  } else if (env.GITHUB_SHA && SHA.test(env.GITHUB_SHA)) {
    context.head = { ref: env.GITHUB_REF_NAME ?? '', sha: env.GITHUB_SHA };
  }
  const method = methodDocUrl(env, context.head?.sha, actionRoot);
  if (method) context.methodUrl = method;
  return context;
}
