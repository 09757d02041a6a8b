// Child process for the Ctrl-C test: create a worktree, report its path, then wait to be interrupted.
import { createWorktree } from '../../src/git/worktree.ts';

const tree = await createWorktree(process.argv[2], process.argv[3]);
process.stdout.write(`${tree.path}\n`);
setInterval(() => {}, 1000);
