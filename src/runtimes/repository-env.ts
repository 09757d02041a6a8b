/**
 * The environment of everything started from the repository: the `prepare` command, hosts (and so
 * their worker threads and child processes, which inherit it), the Python interpreter check, git.
 *
 * Why: a JavaScript action's own process receives, besides the workflow's `env:`, its inputs as
 * INPUT_<NAME> (the `github-token` input included) and the runner's internal credentials:
 * ACTIONS_RUNTIME_TOKEN / ACTIONS_RUNTIME_URL / ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL (the cache
 * and artifact services) and, with `id-token: write`, ACTIONS_ID_TOKEN_REQUEST_TOKEN /
 * ACTIONS_ID_TOKEN_REQUEST_URL (OIDC tokens for the repository's cloud roles). A `run:` step of the
 * same workflow gets none of them. The action runs pull-request code by design, so whatever it
 * hands on, a pull request could use: poison the Actions cache, mint a cloud token, comment with
 * the action's token. Handing on `{ ...process.env }` would turn "runs untrusted code" into "runs
 * untrusted code with the action's privileges".
 *
 * What goes:
 * - every `INPUT_*` (the action's inputs, the token among them);
 * - every `ACTIONS_*`: GitHub reserves the prefix for the runner's internal variables (the tokens
 *   and service URLs above, ACTIONS_CACHE_SERVICE_V2, ACTIONS_ORCHESTRATION_ID, ...);
 * - every `STATE_*` (the action's saved state between its steps);
 * - the action's command files GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH and
 *   GITHUB_STEP_SUMMARY: a workload that could write to them would forge the action's outputs
 *   (`regressed=false`), its summary, or the environment and PATH of every later step.
 * What stays: everything else, i.e. PATH, HOME, CI, the workflow's own `env:` (DATABASE_URL, ...;
 * a secret the workflow author put there on purpose is theirs to give), and the GITHUB_* context
 * that is not a credential (GITHUB_SHA, GITHUB_REPOSITORY, GITHUB_WORKSPACE, ...).
 */

/** Prefixes of variables that never reach repository code. */
const HIDDEN_PREFIXES = ['INPUT_', 'ACTIONS_', 'STATE_'] as const;
/** Single variables that never reach repository code (the action's workflow-command files). */
const HIDDEN_NAMES = new Set(['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY']);

/** True when `name` is one the action keeps to itself (compared case-insensitively: Windows env names are). */
export function isHiddenFromRepository(name: string): boolean {
  const upper = name.toUpperCase();
  return HIDDEN_NAMES.has(upper) || HIDDEN_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

/**
 * The environment for a process that runs repository code: `base` (default: this process's) without
 * the hidden variables, plus `extra` (our own protocol variables).
 */
export function repositoryEnv(extra: Record<string, string | undefined> = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !isHiddenFromRepository(name)) env[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value !== undefined) env[name] = value;
  }
  return env;
}
