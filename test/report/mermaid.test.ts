/**
 * Every mermaid block of the rendered reports parses with mermaid's own parser, as GitHub's renderer
 * would read it. mermaid.parse needs a DOM (DOMPurify at load), so a jsdom window is set up first;
 * @mermaid-js/parser, which needs none, has no xychart grammar.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCompareMarkdown, renderRunMarkdown } from '../../src/report/markdown.ts';
import { compareResults, HOSTILE, runResults } from './fixtures.ts';
import { failedWorkload, hostileCompare, nothingToReport, PR_CONTEXT, regressionInOneOfThree, undecidedCompare } from './realistic.ts';

type Mermaid = { parse: (text: string) => Promise<unknown> };
let mermaid: Mermaid;

beforeAll(async () => {
  // jsdom ships no types; only its constructor is used.
  const jsdom = 'jsdom';
  const { JSDOM } = (await import(jsdom)) as { JSDOM: new (html: string) => { window: { document: unknown } } };
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default as unknown as Mermaid;
});

/** The body of each ```mermaid fence. */
function mermaidBlocks(md: string): string[] {
  return [...md.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

const reports: Record<string, () => string> = {
  'run report': () => renderRunMarkdown(runResults(['hash', ...HOSTILE])),
  'compare report (unit fixtures)': () => renderCompareMarkdown(compareResults(['hash', ...HOSTILE])),
  'a regression in one of three workloads': () => renderCompareMarkdown(regressionInOneOfThree(), { context: PR_CONTEXT }),
  'nothing to report': () => renderCompareMarkdown(nothingToReport(), { context: PR_CONTEXT }),
  'a failed workload': () => renderCompareMarkdown(failedWorkload(), { context: PR_CONTEXT }),
  'an undecided compare': () => renderCompareMarkdown(undecidedCompare(), { context: PR_CONTEXT }),
  'hostile names': () => {
    const { results, context } = hostileCompare();
    return renderCompareMarkdown(results, { context });
  },
};

describe('mermaid blocks parse with mermaid.parse', () => {
  for (const [name, render] of Object.entries(reports)) {
    it(name, async () => {
      const blocks = mermaidBlocks(render());
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) await expect(mermaid.parse(block), block).resolves.toMatchObject({ diagramType: 'xychart' });
    });
  }
  it('rejects a malformed chart (the check is not vacuous)', async () => {
    const block = mermaidBlocks(reports['a regression in one of three workloads']!())[0]!;
    await expect(mermaid.parse(block.replace(/bar "head" \[/, 'bar "head" [x'))).rejects.toThrow(/Parse error/);
  });
});
