#!/usr/bin/env node
/**
 * Builds dist/: one self-contained ESM bundle per entry point, at the same relative path as its
 * source under src/ (src/runtimes/node/host.ts -> dist/runtimes/node/host.js), because the code
 * finds its own worker and child entries by path below the src/ or dist/ root (src/paths.ts).
 *
 * - piscina starts `path.resolve(__dirname, 'worker.js')`. `__dirname` is defined as
 *   import.meta.dirname, and piscina's own worker is bundled as dist/runtimes/node/worker.js, next
 *   to the host bundle that creates the pool. No file of ours may be called worker.js.
 * - CommonJS dependencies call require(); a banner defines it with createRequire.
 * - @napi-rs/nice is an optional native add-on piscina tries to load; it stays external.
 * - The output is deterministic (no timestamps, no absolute paths): check-dist.yml rebuilds and
 *   fails when dist/ differs from a fresh build.
 * - dist/types/ holds the declarations of the public entry (src/define.ts and the types it exposes),
 *   emitted by `tsc -p tsconfig.build.json`; package.json `exports["."].types` points there. Relative
 *   imports in them are rewritten from .ts to .js, which every TypeScript resolves to the .d.ts.
 *
 * Usage: node scripts/build.mjs [--outdir DIR]   (default: dist)
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Entry points below src/, without extension: the action, the CLI, the library helpers (define), and every worker/child entry. */
const ENTRIES = ['index', 'cli', 'define', 'runtimes/node/host', 'runtimes/node/thread-task', 'runtimes/node/process-child'];
/** Directories copied as they are (run by another interpreter). */
const ASSETS = ['runtimes/python/harness'];

function parseArgs(argv) {
  const i = argv.indexOf('--outdir');
  return { outdir: resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : join(root, 'dist')) };
}

const { outdir } = parseArgs(process.argv.slice(2));

const missing = ENTRIES.filter((entry) => !existsSync(join(root, 'src', `${entry}.ts`)));
if (missing.length) {
  console.error(`build: missing entry points: ${missing.map((e) => `src/${e}.ts`).join(', ')}`);
  process.exit(1);
}
if (ENTRIES.some((entry) => entry.endsWith('/worker') || entry === 'worker')) {
  console.error('build: an entry of ours is named worker: piscina would load it instead of its own worker');
  process.exit(1);
}

// A stale file from an earlier layout must not survive into a fresh build.
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: [
    ...ENTRIES.map((entry) => ({ in: `src/${entry}.ts`, out: entry })),
    { in: 'node_modules/piscina/dist/worker.js', out: 'runtimes/node/worker' },
  ],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // No code splitting: each entry is one file, so a worker or child loads exactly one module.
  splitting: false,
  define: { __dirname: 'import.meta.dirname', __filename: 'import.meta.filename' },
  banner: {
    js: "import { createRequire as __concurrencyBenchCreateRequire } from 'node:module';\nconst require = __concurrencyBenchCreateRequire(import.meta.url);",
  },
  external: ['@napi-rs/nice'],
  legalComments: 'eof',
  charset: 'utf8',
  sourcemap: false,
  metafile: false,
  logLevel: 'warning',
});

for (const asset of ASSETS) {
  const from = join(root, 'src', asset);
  if (!existsSync(from)) {
    console.error(`build: missing asset directory src/${asset}`);
    process.exit(1);
  }
  cpSync(from, join(outdir, asset), {
    recursive: true,
    filter: (path) => !/(^|[\\/])(__pycache__|\.pytest_cache)([\\/]|$)|\.pyc$/.test(path),
  });
}

// Declarations of the public entry, for TypeScript users of the package (package.json exports types).
const typesDir = join(outdir, 'types');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
const emitted = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', typesDir], { cwd: root, stdio: 'inherit' });
if (emitted.status !== 0) {
  console.error(`build: tsc -p tsconfig.build.json failed (exit ${emitted.status ?? emitted.signal})`);
  process.exit(1);
}
const declarations = readdirSync(typesDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.d.ts')).sort();
for (const file of declarations) {
  const path = join(typesDir, file);
  const text = readFileSync(path, 'utf8').replace(/(from\s+['"]\.{1,2}\/[^'"]*)\.ts(['"])/g, '$1.js$2').replace(/(import\(['"]\.{1,2}\/[^'"]*)\.ts(['"]\))/g, '$1.js$2');
  writeFileSync(path, text);
}
if (!declarations.includes('define.d.ts')) {
  console.error(`build: tsc emitted no define.d.ts in ${relative(root, typesDir) || typesDir}`);
  process.exit(1);
}

// dist/ is ESM even when copied away from the package.json that says so.
writeFileSync(join(outdir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
console.log(`build: ${ENTRIES.length + 1} bundles, ${ASSETS.length} asset directories and ${declarations.length} declaration files in ${outdir}`);
