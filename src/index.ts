/** The action's entry (runs: node24, main: dist/index.js): everything is in main.ts so it can be tested. */
import { run } from './main.ts';

await run();
