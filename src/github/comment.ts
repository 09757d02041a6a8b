/**
 * The sticky pull-request comment: one per config, found on ANY page of the pull request's comments
 * by its hidden marker AND its author, updated in place, never duplicated.
 *
 * Ours is a comment whose first line is the marker and that the token itself wrote. Who the token
 * is: GET /user names the user of a personal token; an installation token (GITHUB_TOKEN, which
 * comments as github-actions[bot], or a GitHub App's) is no user and gets a 403 there, and then
 * ours is a Bot's comment (a person cannot post as a Bot). Without the author check, a person who
 * pasted a report (marker and all) into their own comment would have it overwritten, or, where the
 * token may not edit it, a 403 taken for a fork's read-only token.
 */
import type { GitHubClient } from './octokit.ts';
import { buildCommentBody, commentMarker, isStickyComment } from './comment-body.ts';
import { oneLine } from './log.ts';

export const COMMENT_POLICIES = ['always', 'on-regression', 'never'] as const;
export type CommentPolicy = (typeof COMMENT_POLICIES)[number];

export interface PullRequestRef {
  owner: string;
  repo: string;
  /** The pull request's number (its comments are issue comments). */
  number: number;
}

export interface StickyCommentRequest {
  /** What tells this comment apart from other concurrency-bench comments: the config path. */
  key: string;
  /** The report; the marker is added here. */
  markdown: string;
  policy: CommentPolicy;
  /** Regressions found; `on-regression` creates a comment only when there is at least one. */
  regressions: number;
}

/** What the token was refused (403): reading the comments, creating ours, or updating ours (at `url`). */
export type CommentOperation = 'read' | 'create' | 'update';

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number; url: string }
  | { action: 'skipped'; reason: string }
  /** The token may not do `operation` here (a fork's read-only token, or a job without `pull-requests: write`): a warning, not a failure. */
  | { action: 'forbidden'; operation: CommentOperation; message: string; url?: string };

/** Who the token is, as far as the API says. */
export type TokenIdentity =
  /** A personal token: its comments are this user's. */
  | { kind: 'user'; id: number; login: string }
  /** An installation token (GITHUB_TOKEN, a GitHub App's): it comments as a Bot. */
  | { kind: 'installation' };

/** The comment fields the match needs (a subset of the API's issue comment). */
interface ListedComment {
  id: number;
  html_url: string;
  body?: string | null;
  user?: { id: number; login: string; type?: string } | null;
}

interface FoundComment {
  id: number;
  html_url: string;
}

/** GET /user: a user for a personal token; an installation token is refused there (403), which is the answer too. */
export async function tokenIdentity(octokit: GitHubClient): Promise<TokenIdentity> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { kind: 'user', id: data.id, login: data.login };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) return { kind: 'installation' };
    throw error;
  }
}

/** True when `comment` is the sticky comment for `marker` written by the token itself. */
export function isOwnStickyComment(comment: ListedComment, marker: string, identity: TokenIdentity): boolean {
  if (!isStickyComment(comment.body, marker) || !comment.user) return false;
  return identity.kind === 'user' ? comment.user.id === identity.id : comment.user.type === 'Bot';
}

/** Searches every page (100 per page, the API's maximum) and returns the oldest comment of ours. */
export async function findStickyComment(octokit: GitHubClient, pr: PullRequestRef, marker: string, identity: TokenIdentity): Promise<FoundComment | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  for await (const page of pages) {
    const hit = page.data.find((comment) => isOwnStickyComment(comment, marker, identity));
    if (hit) return { id: hit.id, html_url: hit.html_url };
  }
  return undefined;
}

/** What is being attempted, for the report of a 403. */
interface Step {
  operation: CommentOperation;
  url?: string;
}

/** Creates or updates the sticky comment according to the policy. */
export async function upsertStickyComment(octokit: GitHubClient, pr: PullRequestRef, request: StickyCommentRequest): Promise<CommentOutcome> {
  if (request.policy === 'never') return { action: 'skipped', reason: 'comment: never' };
  const marker = commentMarker(request.key);
  const body = buildCommentBody(marker, request.markdown);
  const step: Step = { operation: 'read' };
  try {
    const identity = await tokenIdentity(octokit);
    const existing = await findStickyComment(octokit, pr, marker, identity);
    // on-regression never deletes and never leaves a stale verdict behind: an existing comment is
    // always brought up to date, a new one is only started for a regression.
    if (existing) return await update(octokit, pr, existing, body, step);
    if (request.policy === 'on-regression' && request.regressions === 0) {
      return { action: 'skipped', reason: 'comment: on-regression and no regression' };
    }
    return await createOnce(octokit, pr, marker, identity, body, step);
  } catch (error) {
    if (statusOf(error) === 403) return { action: 'forbidden', ...step, message: messageOf(error) };
    throw error;
  }
}

async function update(octokit: GitHubClient, pr: PullRequestRef, existing: FoundComment, body: string, step: Step): Promise<CommentOutcome> {
  Object.assign(step, { operation: 'update', url: existing.html_url });
  const { data } = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing.id, body });
  return { action: 'updated', id: data.id, url: data.html_url };
}

/**
 * POST is not retried blindly on a 5xx: the comment may have been created and only the response
 * lost. Search again first; create only if it is really not there.
 */
async function createOnce(octokit: GitHubClient, pr: PullRequestRef, marker: string, identity: TokenIdentity, body: string, step: Step, attempts = 3): Promise<CommentOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      Object.assign(step, { operation: 'create', url: undefined });
      const { data } = await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
      return { action: 'created', id: data.id, url: data.html_url };
    } catch (error) {
      const status = statusOf(error);
      if (status < 500 || attempt >= attempts) throw error;
      step.operation = 'read';
      const existing = await findStickyComment(octokit, pr, marker, identity);
      if (existing) return update(octokit, pr, existing, body, step);
    }
  }
}

/**
 * A refused comment (403), said as what it is: a fork's read-only token, or a token the job did not
 * give the permission; an update names the comment (one posted with another app's token cannot be
 * edited with this one).
 */
export function forbiddenMessage(outcome: Extract<CommentOutcome, { action: 'forbidden' }>, number: number, fork: boolean): string {
  const what =
    outcome.operation === 'read'
      ? `Could not read the comments of pull request #${number}`
      : outcome.operation === 'update'
        ? `Could not update the sticky comment on pull request #${number}${outcome.url ? ` (${oneLine(outcome.url, 200)})` : ''}`
        : `Could not comment on pull request #${number}`;
  const why = fork
    ? "A fork's pull request gets a read-only token: the report is in the job summary; to comment, use the two-workflow recipe (mode: measure, then mode: report on workflow_run)."
    : `The token may not ${outcome.operation === 'read' ? 'read' : 'write'} pull request comments: give the job \`permissions: pull-requests: write\` (or pass a github-token that has it)` +
      `${outcome.operation === 'update' ? '; if that comment was posted with another token (another GitHub App), delete it and the next run starts a new one' : ''}. The report is in the job summary.`;
  return `${what} (403: ${oneLine(outcome.message, 200)}). ${why}`;
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : 0;
}

/** The API's message only; Octokit errors also carry the request (with a redacted token), which we never print. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown })?.message;
  return typeof message === 'string' ? message : String(error);
}
