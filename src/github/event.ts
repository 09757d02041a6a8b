/**
 * What the action needs from the triggering event, read from the payload GitHub wrote to
 * GITHUB_EVENT_PATH. Plain data in, plain data out: the payload is parsed defensively because a
 * workflow can be triggered by events this action does not know.
 */

export interface PullRequestEvent {
  kind: 'pull_request';
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  baseRef: string;
  headSha: string;
  headRef: string;
  /** The head lives in another repository: its token is read-only, comments will fail with 403. */
  fork: boolean;
}

/** A finished `pull_request` workflow run, for `mode: report` (fork-safe two-workflow recipe). */
export interface WorkflowRunEvent {
  kind: 'workflow_run';
  owner: string;
  repo: string;
  /** Pull requests GitHub attached to the run; empty for fork pull requests (a GitHub limitation). */
  pullRequests: Array<{ number: number; headSha: string }>;
  headSha: string;
  headBranch: string;
  /** `owner` of the repository the head commit is in (the fork's owner for fork pull requests). */
  headOwner: string;
  /** `pull_request`, `push`...: the event that triggered the measuring workflow. */
  triggeringEvent: string;
  conclusion: string | null;
}

export interface OtherEvent {
  kind: 'other';
  name: string;
}

export type ActionEvent = PullRequestEvent | WorkflowRunEvent | OtherEvent;

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function parseEvent(eventName: string, payload: unknown): ActionEvent {
  const p = (payload ?? {}) as Record<string, any>;
  // pull_request_target deliberately falls through to `other`: it runs with a write token, and
  // benchmarking there would run the head's code with it. The two-workflow recipe is the safe way.
  if (eventName === 'pull_request') {
    const pr = p.pull_request;
    const owner = str(p.repository?.owner?.login);
    const repo = str(p.repository?.name);
    const baseSha = str(pr?.base?.sha);
    const headSha = str(pr?.head?.sha);
    if (!pr || !owner || !repo || !Number.isInteger(pr.number) || !SHA.test(baseSha) || !SHA.test(headSha)) {
      throw new Error('The pull_request event payload lacks the pull request number, repository or base/head SHAs.');
    }
    const headRepo = str(pr.head?.repo?.full_name);
    return {
      kind: 'pull_request',
      owner,
      repo,
      number: pr.number,
      baseSha,
      baseRef: str(pr.base?.ref),
      headSha,
      headRef: str(pr.head?.ref),
      fork: headRepo !== '' && headRepo !== `${owner}/${repo}`,
    };
  }
  if (eventName === 'workflow_run') {
    const run = p.workflow_run;
    const owner = str(p.repository?.owner?.login);
    const repo = str(p.repository?.name);
    if (!run || !owner || !repo) throw new Error('The workflow_run event payload lacks the run or the repository.');
    const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
    return {
      kind: 'workflow_run',
      owner,
      repo,
      pullRequests: prs
        .filter((x: any) => Number.isInteger(x?.number))
        .map((x: any) => ({ number: x.number as number, headSha: str(x.head?.sha) })),
      headSha: str(run.head_sha),
      headBranch: str(run.head_branch),
      headOwner: str(run.head_repository?.owner?.login) || owner,
      triggeringEvent: str(run.event),
      conclusion: typeof run.conclusion === 'string' ? run.conclusion : null,
    };
  }
  return { kind: 'other', name: eventName };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
