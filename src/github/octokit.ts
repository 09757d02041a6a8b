/**
 * The Octokit client of the action: @actions/github's, with an explicit base URL and retries.
 *
 * @actions/github reads GITHUB_API_URL once, when the module is first imported; passing `baseUrl`
 * ourselves makes GitHub Enterprise Server and the tests' loopback stand-in work whatever the import
 * order. Retries wrap every request through Octokit's `request` hook, so paginated listing retries
 * page by page.
 */
import { getOctokit } from '@actions/github';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryHooks, type RetryPolicy } from './retry.ts';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  /** API root, e.g. https://api.github.com or https://ghe.example.com/api/v3 (no trailing slash needed). */
  baseUrl: string;
  retry?: Partial<RetryPolicy>;
  sleep?: RetryHooks['sleep'];
  /** One line per retry; the message never contains the token (only method, path and status). */
  log?: (message: string) => void;
}

export function apiBaseUrl(env: NodeJS.ProcessEnv): string {
  return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}

export function createClient(options: ClientOptions): GitHubClient {
  const octokit = getOctokit(options.token, {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    // Octokit would print deprecation notices and request errors through console; the action
    // reports failures itself, once, with the token-free message.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const hooks: RetryHooks = {
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    onRetry: ({ method, url, status, delayMs, attempt }) =>
      options.log?.(`GitHub API ${method} ${pathOf(url)} answered ${status}; retry ${attempt} in ${Math.round(delayMs / 100) / 10}s`),
  };
  octokit.hook.wrap('request', (request, requestOptions) =>
    withRetry(async () => request(requestOptions), { method: String(requestOptions.method), url: String(requestOptions.url) }, policy, hooks),
  );
  return octokit;
}

/** The path of a request URL without its query string (which could carry anything a caller put there). */
function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}
