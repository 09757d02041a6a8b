/**
 * The package installed the way a user installs it in their own repository: `npm pack` of the
 * package (its package.json `files`, with dist/ built from the current sources into a staged copy,
 * so the repository's own dist/ is neither needed fresh nor touched), `npm install -D <tarball>` in
 * a scratch project, a TypeScript workload and a `concurrency-bench.config.ts` written with the
 * package's helpers, type-checked against the published declarations, and `npx concurrency-bench
 * run` there.
 *
 * The dependencies come from npm's cache when it has them (--prefer-offline) and from the registry
 * otherwise. The committed dist/ is checked against a fresh build by check-dist.yml.
 */
import { execFile as execFileCallback, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/results/run.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

const execFile = promisify(execFileCallback);
const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; files: string[]; exports: Record<string, unknown>; bin: Record<string, string> };
const scratch = mkdtempSync(join(tmpdir(), 'cb-pack-'));
const staged = join(scratch, 'package');
const project = join(scratch, 'project');
/**
 * npm and npx as a user's shell runs them: none of the npm_* variables of the `npm test` running
 * this (npm_config_prefix and npm_config_local_prefix would point the install at this repository),
 * on the Node that runs the tests (the pinned one), whatever Node is first on PATH.
 */
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
  CI: 'true',
  NO_COLOR: '1',
  npm_config_update_notifier: 'false',
};
let tarball = '';

const npm = (cwd: string, ...args: string[]) => execFile('npm', args, { cwd, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });

beforeAll(async () => {
  // The package as `npm pack` would see it in the repository, with dist/ built from the current sources.
  mkdirSync(staged);
  cpSync(join(root, 'package.json'), join(staged, 'package.json'));
  for (const entry of manifest.files) if (entry !== 'dist' && existsSync(join(root, entry))) cpSync(join(root, entry), join(staged, entry), { recursive: true });
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--outdir', join(staged, 'dist')], { stdio: 'pipe' });
  const { stdout } = await npm(staged, 'pack', '--json', '--ignore-scripts', '--pack-destination', scratch);
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(scratch, packed.filename);
  writeFileSync(join(scratch, 'files.json'), JSON.stringify(packed.files.map((f) => f.path).sort()));
}, 60_000);

describe('npm pack, install in a scratch project, npx concurrency-bench run', () => {
  it('the tarball holds the CLI, its bundles, the declarations and the schemas, and no tests', () => {
    const files = JSON.parse(readFileSync(join(scratch, 'files.json'), 'utf8')) as string[];
    const wanted = ['package.json', 'bin/concurrency-bench.js', 'dist/cli.js', 'dist/define.js', 'dist/index.js', 'dist/runtimes/node/host.js', 'dist/runtimes/node/worker.js', 'dist/types/define.d.ts', 'action.yml'];
    for (const schema of ['concurrency-bench', 'results', 'compare', 'report']) wanted.push(`schema/${schema}.schema.json`);
    for (const file of wanted) {
      expect(files, file).toContain(file);
    }
    expect(files.some((f) => f.startsWith('dist/runtimes/python/harness/'))).toBe(true);
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('node_modules/') || f.startsWith('.github/'))).toEqual([]);
    // Every path exports names is in the tarball.
    const targets = JSON.stringify(manifest.exports).match(/"\.\/[^"*]+"/g)!.map((t) => JSON.parse(t).slice(2));
    for (const target of targets) expect(files, target).toContain(target);
  });

  it('installs with npm and runs with npx on a TypeScript config, writing the results JSON', async () => {
    mkdirSync(join(project, 'bench'), { recursive: true });
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'scratch-project', private: true, type: 'module' }, null, 2)}\n`);
    await npm(project, 'install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball);
    const installed = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(Object.keys(installed.devDependencies)).toEqual([manifest.name]);

    writeFileSync(
      join(project, 'bench', 'checksum.workload.ts'),
      `import { defineWorkload } from 'concurrency-bench';\n\nexport default defineWorkload((taskIndex: number): number => {\n  let x = 0;\n  for (let k = 0; k < 20_000; k++) x = (x + ((k ^ taskIndex) & 7)) | 0;\n  return x;\n});\n`,
    );
    writeFileSync(
      join(project, 'concurrency-bench.config.ts'),
      `import { defineConfig } from 'concurrency-bench';\n\nexport default defineConfig({\n  workloads: [{ name: 'checksum', module: 'bench/checksum.workload.ts', tasks: 8, models: ['async', 'thread'], concurrency: [2] }],\n});\n`,
    );
    // What a user's editor or CI typecheck sees: the published declarations, no access to src/.
    writeFileSync(join(project, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2023', strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: false, types: [] }, include: ['*.ts', 'bench', 'check-types.ts'] }, null, 2)}\n`);
    writeFileSync(
      join(project, 'check-types.ts'),
      `import type { CompareResults, ReportResults, RunResults } from 'concurrency-bench';\nexport const regressions = (r: CompareResults): number => r.regressions;\nexport const models = (r: RunResults): string[] => r.workloads.flatMap((w) => w.cells.map((c) => c.model));\nexport const files = (r: ReportResults): string[] => r.entries.map((e) => e.file);\n`,
    );
    const tsc = join(dirname(createRequire(join(root, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');
    await execFile(process.execPath, [tsc, '-p', project], { cwd: project, env }).catch((error) => {
      throw new Error(`the scratch project does not typecheck against the published declarations:\n${error.stdout}${error.stderr}`);
    });

    // No --config: concurrency-bench.config.ts is found by its default name.
    const run = await execFile('npx', ['concurrency-bench', 'run', '--time-budget', '8'], { cwd: project, env, encoding: 'utf8' }).catch((error) => error);
    expect(run.stderr ?? '', 'stderr').not.toMatch(/internal error/);
    expect(run.code ?? 0, `${run.stdout}\n${run.stderr}`).toBe(0);
    const results = expectPublishedFormat<RunResults>(join(project, '.concurrency-bench', 'results.json'));
    expect(results).toMatchObject({ schemaVersion: 1, kind: 'run', tool: { name: 'concurrency-bench', version: manifest.version } });
    expect(results.settings.config).toBe(join(project, 'concurrency-bench.config.ts'));
    expect(results.workloads).toHaveLength(1);
    expect(results.workloads[0]).toMatchObject({ name: 'checksum', runtime: 'node', status: 'ok' });
    expect(new Set(results.workloads[0].cells.map((c) => c.model))).toEqual(new Set(['sequential', 'async', 'thread']));
    for (const cell of results.workloads[0].cells) expect(cell.status, `${cell.model} x${cell.concurrency}`).toBe('ok');
    // The results file is what the installed package's published schema describes.
    const schema = JSON.parse(readFileSync(join(project, 'node_modules', manifest.name, 'schema', 'results.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(results) ? [] : validate.errors).toEqual([]);
  }, 90_000);
});
