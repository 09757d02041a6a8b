import { describe, expect, it } from 'vitest';
import { isHiddenFromRepository, repositoryEnv } from '../../src/runtimes/repository-env.ts';

describe('repositoryEnv', () => {
  const actionEnv = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    CI: 'true',
    DATABASE_URL: 'postgres://127.0.0.1/db',
    GITHUB_SHA: 'abc',
    GITHUB_REPOSITORY: 'octo/bench',
    GITHUB_WORKSPACE: '/w',
    'INPUT_GITHUB-TOKEN': 'ghs_secret',
    INPUT_CONFIG: 'c.json',
    ACTIONS_RUNTIME_TOKEN: 'rt',
    ACTIONS_RUNTIME_URL: 'u',
    ACTIONS_CACHE_URL: 'u',
    ACTIONS_RESULTS_URL: 'u',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
    ACTIONS_CACHE_SERVICE_V2: 'True',
    STATE_pid: '1',
    GITHUB_OUTPUT: '/o',
    GITHUB_STATE: '/s',
    GITHUB_ENV: '/e',
    GITHUB_PATH: '/p',
    GITHUB_STEP_SUMMARY: '/summary',
  };

  it('keeps PATH, HOME, CI, the workflow env and non-credential GITHUB_* context; drops inputs, runner tokens, state and command files', () => {
    expect(repositoryEnv({}, actionEnv)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      CI: 'true',
      DATABASE_URL: 'postgres://127.0.0.1/db',
      GITHUB_SHA: 'abc',
      GITHUB_REPOSITORY: 'octo/bench',
      GITHUB_WORKSPACE: '/w',
    });
  });

  it('adds our own variables on top, and matches names case-insensitively', () => {
    expect(repositoryEnv({ CB_VISIT: '{}', GONE: undefined }, { input_config: 'x', Actions_Runtime_Token: 'y', A: '1' })).toEqual({ A: '1', CB_VISIT: '{}' });
    expect(isHiddenFromRepository('github_output')).toBe(true);
    expect(isHiddenFromRepository('GITHUB_SHA')).toBe(false);
  });
});
