import { fileURLToPath } from 'node:url';

/**
 * Absolute path of one of our own files, given its path below src/ without extension. Works from the
 * TypeScript sources (development, tests) and from the bundles in dist/, whose layout mirrors src/:
 * bundling inlines this module into several entry files at different depths, so a path relative to
 * import.meta.url would differ between them; the src/ or dist/ root does not.
 */
export function ownFile(pathBelowRoot: string, extension: 'entry' | 'asset' = 'entry'): string {
  const url = import.meta.url;
  const fromSource = url.endsWith('.ts');
  const marker = fromSource ? '/src/' : '/dist/';
  const root = url.slice(0, url.lastIndexOf(marker) + marker.length);
  const suffix = extension === 'entry' ? (fromSource ? '.ts' : '.js') : '';
  return fileURLToPath(new URL(pathBelowRoot + suffix, root));
}
