import { describe, expect, it } from 'vitest';
import { buildCommentBody, commentMarker, GITHUB_COMMENT_LIMIT, isStickyComment } from '../../src/github/comment-body.ts';
import { labelEntries, renderReport } from '../../src/github/report.ts';
import { BLOCKING_CALL, CPU_HASH, PR_CONTEXT, realisticCompare, TINY_TASK } from '../report/realistic.ts';

describe('comment body', () => {
  it('keys the marker by config path, and a hostile key cannot close the HTML comment', () => {
    expect(commentMarker('./bench\\a.json')).toBe('<!-- concurrency-bench key=bench/a.json -->');
    expect(commentMarker('x --> <b>hi</b>')).toBe('<!-- concurrency-bench key=x_--___b_hi_/b_ -->');
    expect(isStickyComment(`${commentMarker('a')}\nreport`, commentMarker('a'))).toBe(true);
    expect(isStickyComment(`${commentMarker('a')}\nreport`, commentMarker('b'))).toBe(false);
  });
  it('cuts an oversized report at a line, closing an open code fence and <details> before the note', () => {
    const markdown = `intro\n<details>\n\n\`\`\`mermaid\n${'line\n'.repeat(500)}\`\`\`\n</details>\n`;
    const body = buildCommentBody(commentMarker('a'), markdown, 1000);
    expect(body.length).toBeLessThanOrEqual(1000);
    expect(body).toMatch(/\nline\n```\n<\/details>\n\n> \[!NOTE\]\n> The report was cut/);
  });
  it('a report of 1,200 workloads in two environments fits the limit with its marker, verdict and footer', () => {
    const specs = Array.from({ length: 400 }, (_, i) => [CPU_HASH, TINY_TASK, BLOCKING_CALL].map((w) => ({ ...w, name: `${w.name}-${i}` }))).flat();
    const one = realisticCompare(specs);
    const two = { ...realisticCompare(specs), environment: { ...one.environment, cpus: 4 } };
    for (const entries of [labelEntries([one]), labelEntries([one, two])]) {
      const marker = commentMarker('concurrency-bench.config.json');
      const body = buildCommentBody(marker, renderReport(entries, undefined, PR_CONTEXT));
      expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      expect(body.split('\n')[0]).toBe(marker);
      expect(body.split('\n')[1]).toMatch(/^### .*(cpu-hash-0\*\* 5\.5% slower|800 regressions)/);
      expect(body).toContain('[Workflow run](https://github.com/octo/bench/actions/runs/4242)');
    }
  });
});
