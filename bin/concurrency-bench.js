#!/usr/bin/env node
// The published CLI runs the bundle in dist/ (built from src/ by `npm run build`, committed).
import '../dist/cli.js';
