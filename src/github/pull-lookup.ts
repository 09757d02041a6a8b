/**
 * Which pull request a finished `workflow_run` belongs to (report mode). GitHub leaves
 * `workflow_run.pull_requests` empty for fork pull requests, so the fallback asks the API for open
 * pull requests whose head is the run's branch and keeps the one whose head SHA is the run's: the
 * answer comes from the trusted event payload and the API, never from the downloaded artifact.
 */
import type { GitHubClient } from './octokit.ts';
import type { WorkflowRunEvent } from './event.ts';

export async function pullRequestForRun(octokit: GitHubClient, event: WorkflowRunEvent): Promise<number | undefined> {
  const attached = event.pullRequests.find((pr) => pr.headSha === event.headSha) ?? event.pullRequests[0];
  if (attached) return attached.number;
  if (!event.headBranch || !event.headSha) return undefined;
  const { data } = await octokit.rest.pulls.list({
    owner: event.owner,
    repo: event.repo,
    state: 'open',
    head: `${event.headOwner}:${event.headBranch}`,
    per_page: 100,
  });
  return data.find((pr) => pr.head.sha === event.headSha)?.number;
}
