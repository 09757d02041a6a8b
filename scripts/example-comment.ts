/**
 * The real report in docs/example-comment.md, and issue 9's scratch check: a repository holding the
 * four Node examples, the CPU one made 5% slower (5% more hash rounds per task) in the working tree,
 * compared against its base with default settings. Prints the gates and the time taken, writes the
 * comment body to docs/example-comment.md (or EXAMPLE_COMMENT_OUT).
 *
 *   npm run example-comment
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareCommand } from '../src/commands/compare.ts';
import { renderCompareMarkdown } from '../src/report/markdown.ts';

const ROOT = join(import.meta.dirname, '..');
const out = process.env.EXAMPLE_COMMENT_OUT ?? join(ROOT, 'docs', 'example-comment.md');
const dir = join(mkdtempSync(join(tmpdir(), 'cb-example-comment-')), 'repo');
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=e', '-c', 'user.email=e@example.com', ...args], { cwd: dir, encoding: 'utf8' });
try {
  cpSync(join(ROOT, 'examples'), dir, { recursive: true, filter: (p) => !p.includes('python') });
  writeFileSync(join(dir, '.gitignore'), '.concurrency-bench/\nnode_modules\n');
  execFileSync('git', ['init', '-q', dir]);
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  const file = join(dir, 'cpu-hash.workload.ts');
  const source = readFileSync(file, 'utf8');
  const rounds = Number(/round < (\d+)/.exec(source)![1]);
  writeFileSync(file, source.replace(`round < ${rounds}`, `round < ${Math.round(rounds * 1.05)}`));
  const started = performance.now();
  const { results, exitCode } = await compareCommand({
    base: 'HEAD',
    cwd: dir,
    failOnRegression: true,
    onProgress: (e) => e.type === 'plan' && process.stderr.write(`${e.lines.join('\n')}\n`),
  });
  const seconds = (performance.now() - started) / 1000;
  const markdown = renderCompareMarkdown(results);
  writeFileSync(out, markdown);
  console.log(markdown.split('\n')[0]);
  for (const w of results.workloadChanges ?? []) {
    console.log(`  ${w.workload}: ${w.verdict} ${w.change === null ? '' : `${(w.change * 100).toFixed(1)}%`} after ${w.rounds} rounds (planned ${w.plannedRounds ?? '-'})`);
  }
  console.log(`exit ${exitCode}, ${seconds.toFixed(0)} s; written to ${out}`);
} finally {
  rmSync(join(dir, '..'), { recursive: true, force: true });
}
