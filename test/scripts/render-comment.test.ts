/**
 * The markdown -> HTML half of scripts/render-comment.ts (the picture of the PR comment): GitHub's
 * alerts, mermaid fences left for mermaid, tables, the raw HTML GitHub keeps and what it drops.
 * No Chromium here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, renderPage, sanitizeHtml } from '../../scripts/render-comment.ts';

describe('markdownToHtml', () => {
  it('turns a quote opening with [!CAUTION] into a GitHub alert, the marker gone', () => {
    const html = markdownToHtml('> [!CAUTION]\n> 1 workload slower:\n> - **cpu-hash**: 5.5% slower\n');
    expect(html).toContain('<div class="markdown-alert markdown-alert-caution"><p class="markdown-alert-title"><svg class="octicon octicon-stop mr-2"');
    expect(html).toContain('Caution</p><p>1 workload slower:</p>');
    expect(html).toContain('<li><strong>cpu-hash</strong>: 5.5% slower</li>');
    expect(html).not.toContain('[!CAUTION]');
    expect(html).not.toContain('<blockquote>');
  });

  it('knows the five alert types, in any case, and leaves other quotes as quotes', () => {
    for (const [marker, kind, title] of [['NOTE', 'note', 'Note'], ['tip', 'tip', 'Tip'], ['Important', 'important', 'Important'], ['WARNING', 'warning', 'Warning']]) {
      expect(markdownToHtml(`> [!${marker}]\n> text`)).toContain(`<div class="markdown-alert markdown-alert-${kind}"><p class="markdown-alert-title"><svg`);
      expect(markdownToHtml(`> [!${marker}]\n> text`)).toContain(`</svg>${title}</p><p>text</p>`);
    }
    expect(markdownToHtml('> [!INVALID]\n> text')).toContain('<blockquote>');
    expect(markdownToHtml('> just a quote')).toBe('<blockquote>\n<p>just a quote</p>\n</blockquote>\n');
    // The marker must be alone on its line.
    expect(markdownToHtml('> [!NOTE] and more')).toContain('<blockquote>');
  });

  it('leaves mermaid fences as <pre class="mermaid"> with their source as text, other fences as code', () => {
    const html = markdownToHtml('```mermaid\nxychart-beta\n    title "a <b> & c"\n    bar [1, 2]\n```\n\n```js\nlet a = 1;\n```\n');
    expect(html).toContain('<pre class="mermaid">xychart-beta\n    title &quot;a &lt;b&gt; &amp; c&quot;\n    bar [1, 2]</pre>');
    expect(html).not.toContain('language-mermaid');
    expect(html).toContain('<pre><code class="language-js">let a = 1;\n</code></pre>');
  });

  it('renders GFM tables with their column alignment', () => {
    const html = markdownToHtml('| model | throughput |\n| :- | -: |\n| ✅ **thread** | 497 |\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<th align="left">model</th>');
    expect(html).toContain('<th align="right">throughput</th>');
    expect(html).toContain('<td align="left">✅ <strong>thread</strong></td>');
    expect(html).toContain('<td align="right">497</td>');
  });

  it('keeps a comment\'s single line breaks, as GitHub does in comments', () => {
    expect(markdownToHtml('one\ntwo')).toBe('<p>one<br>two</p>\n');
  });

  it('passes the HTML GitHub allows (details, summary, sub) and renders markdown inside <details>', () => {
    const html = markdownToHtml('<details><summary>Charts: <strong>cpu-hash</strong></summary>\n\n**bold**\n\n</details>\n\n<sub>† a footnote</sub>\n');
    expect(html).toContain('<details><summary>Charts: <strong>cpu-hash</strong></summary>');
    expect(html).toContain('<p><strong>bold</strong></p>');
    expect(html).toContain('</details>');
    expect(html).toContain('<p><sub>† a footnote</sub></p>');
  });

  it('runs nothing from the report: scripts, handlers, styles, javascript: links and comments go', () => {
    const html = markdownToHtml(
      '<!-- concurrency-bench -->\n\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)" style="x">\n\n' +
        '<a href="javascript:alert(3)">link</a> [md](javascript:alert(4)) <b class="x" id="y">b</b> <iframe src="https://e.example"></iframe> a < b\n',
    );
    expect(html).not.toMatch(/alert\(|<script|<iframe|onerror|style=|class="x"|id="y"|javascript:|concurrency-bench/);
    expect(html).toContain('<img src="x.png">');
    expect(html).toContain('<a>link</a> md <b>b</b>');
    expect(html).toContain('a &lt; b');
  });
});

describe('sanitizeHtml', () => {
  it('rebuilds allowed tags with allowed attributes only', () => {
    expect(sanitizeHtml('<details open class="c"><summary title=\'t "q"\'>s</summary>')).toBe('<details open><summary title="t &quot;q&quot;">s</summary>');
    expect(sanitizeHtml('<a href="https://github.com/o/r/actions/runs/1">run</a>')).toBe('<a href="https://github.com/o/r/actions/runs/1">run</a>');
    expect(sanitizeHtml('<a href="jav&#x61;script:x">x</a><a href="data:text/html,x">y</a>')).toBe('<a>x</a><a>y</a>');
    expect(sanitizeHtml('<style>body{}</style><form><input value=1></form>x')).toBe('x');
  });
});

describe('the example report', () => {
  it('has every mermaid fence, table and alert of docs/example-comment.md rendered', () => {
    const markdown = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'example-comment.md'), 'utf8');
    const html = markdownToHtml(markdown);
    const fences = markdown.match(/^```mermaid$/gm)?.length ?? 0;
    expect(html.match(/<pre class="mermaid">/g)?.length ?? 0).toBe(fences);
    expect(html.match(/<table>/g)?.length ?? 0).toBe(markdown.match(/^\| :?-+:? \|/gm)?.length ?? 0);
    expect(html.match(/class="markdown-alert /g)?.length ?? 0).toBe(markdown.match(/^> \[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]$/gm)?.length ?? 0);
    expect(html.match(/<details>/g)?.length ?? 0).toBe(markdown.match(/<details>/g)?.length ?? 0);
    expect(html).not.toContain('```');
  });

  it('puts it in a page whose only scripts are the two it brings, allowed by nonce', () => {
    const page = renderPage('<script>alert(1)</script>\n\nhi', { mermaidUrl: 'file:///m/mermaid.min.js', css: '', nonce: 'n0nce' });
    expect(page).toContain(`script-src 'nonce-n0nce'`);
    expect(page).toContain('<script nonce="n0nce" src="file:///m/mermaid.min.js"></script>');
    expect(page.match(/<script/g)?.length).toBe(2);
  });
});
