#!/usr/bin/env node
// The published CLI runs the bundle in dist/ (built from src/ by `npm run build`, committed).
//
// The Node version is checked first, before anything that needs a newer Node is loaded: the bundle
// imports APIs that older Nodes lack (node:fs `glob`), and an older Node would otherwise fail with
// a SyntaxError about a missing export instead of saying what it needs. Keep this file to syntax
// and APIs that any Node since 12 understands, and keep MINIMUM equal to package.json `engines.node`
// (a test checks both).
const MINIMUM = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
  process.stderr.write(
    `concurrency-bench needs Node >= ${MINIMUM.join('.')} (this is v${process.versions.node}); install a newer Node (https://nodejs.org) or put one first on PATH\n`,
  );
  process.exit(2);
}
import('../dist/cli.js').catch((error) => {
  // The bundle failed to load at all (a broken install): an internal error, not a usage one.
  process.stderr.write(`concurrency-bench: internal error: could not load the CLI: ${(error && error.stack) || error}\n`);
  process.exitCode = 70;
});
