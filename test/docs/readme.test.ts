/**
 * The README is a landing page (at most 2,000 words, the two commands first) and every relative
 * link in README.md, CONTRIBUTING.md and docs/*.md resolves: to an existing file, and for
 * `file.md#anchor` to a heading of that file (GitHub's slugs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

const docs = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text outside fenced code blocks and inline code spans, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchor: lowercase, punctuation dropped (but - and _), spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = match[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  return out;
}

function links(markdown: string): string[] {
  const text = prose(markdown);
  const found = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  found.push(...[...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!));
  return found.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

describe('README.md', () => {
  const readme = read('README.md');

  it('has at most 2,000 words', () => {
    expect(readme.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(2000);
  });

  it('opens with the two commands in its first code block', () => {
    const first = /```[^\n]*\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(first).toContain('npm ci && npm start');
    expect(first).toContain('npm test');
  });
});

describe.each(docs)('links in %s', (file) => {
  it('resolve to existing files and headings', () => {
    const problems: string[] = [];
    for (const link of links(read(file))) {
      const [path = '', anchor] = link.split('#', 2);
      const target = path === '' ? join(root, file) : resolve(root, dirname(file), decodeURI(path));
      if (!existsSync(target)) {
        problems.push(`${link}: no such file`);
        continue;
      }
      if (anchor !== undefined && anchor !== '' && target.endsWith('.md')) {
        if (!anchors(readFileSync(target, 'utf8')).has(decodeURIComponent(anchor).toLowerCase())) {
          problems.push(`${link}: no such heading`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the link checker itself', () => {
  it('makes GitHub slugs of headings with code, punctuation and repeats', () => {
    const slugs = anchors('# A\n## The compare method (`npm run bench:compare`)\n## A\n```\n# not a heading\n```\n');
    expect([...slugs]).toEqual(['a', 'the-compare-method-npm-run-benchcompare', 'a-1']);
  });

  it('finds relative links outside code, not URLs or links inside code', () => {
    const found = links('[a](docs/a.md#x) ![p](p.png) [u](https://x.org) `[c](c.md)`\n```\n[d](d.md)\n```\n[e]: e.md\n');
    expect(found).toEqual(['docs/a.md#x', 'p.png', 'e.md']);
  });
});
