/**
 * The sticky pull-request comment: one per config, found by its hidden marker on ANY page of the
 * pull request's comments, updated in place, never duplicated.
 */
import type { GitHubClient } from './octokit.ts';
import { buildCommentBody, commentMarker, isStickyComment } from './comment-body.ts';

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

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number; url: string }
  | { action: 'skipped'; reason: string }
  /** The token may not write here (a fork's read-only token): a warning, not a failure. */
  | { action: 'forbidden'; message: string };

interface FoundComment {
  id: number;
  html_url: string;
}

/** Searches every page (100 per page, the API's maximum) and returns the oldest matching comment. */
export async function findStickyComment(octokit: GitHubClient, pr: PullRequestRef, marker: string): Promise<FoundComment | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  for await (const page of pages) {
    const hit = page.data.find((comment) => isStickyComment(comment.body, marker));
    if (hit) return { id: hit.id, html_url: hit.html_url };
  }
  return undefined;
}

/** Creates or updates the sticky comment according to the policy. */
export async function upsertStickyComment(octokit: GitHubClient, pr: PullRequestRef, request: StickyCommentRequest): Promise<CommentOutcome> {
  if (request.policy === 'never') return { action: 'skipped', reason: 'comment: never' };
  const marker = commentMarker(request.key);
  const body = buildCommentBody(marker, request.markdown);
  try {
    const existing = await findStickyComment(octokit, pr, marker);
    // on-regression never deletes and never leaves a stale verdict behind: an existing comment is
    // always brought up to date, a new one is only started for a regression.
    if (existing) return await update(octokit, pr, existing.id, body);
    if (request.policy === 'on-regression' && request.regressions === 0) {
      return { action: 'skipped', reason: 'comment: on-regression and no regression' };
    }
    return await createOnce(octokit, pr, marker, body);
  } catch (error) {
    if (statusOf(error) === 403) return { action: 'forbidden', message: messageOf(error) };
    throw error;
  }
}

async function update(octokit: GitHubClient, pr: PullRequestRef, id: number, body: string): Promise<CommentOutcome> {
  const { data } = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body });
  return { action: 'updated', id: data.id, url: data.html_url };
}

/**
 * POST is not retried blindly on a 5xx: the comment may have been created and only the response
 * lost. Search again first; create only if it is really not there.
 */
async function createOnce(octokit: GitHubClient, pr: PullRequestRef, marker: string, body: string, attempts = 3): Promise<CommentOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
      return { action: 'created', id: data.id, url: data.html_url };
    } catch (error) {
      const status = statusOf(error);
      if (status < 500 || attempt >= attempts) throw error;
      const existing = await findStickyComment(octokit, pr, marker);
      if (existing) return update(octokit, pr, existing.id, body);
    }
  }
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
