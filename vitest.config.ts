import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start real host processes and pools on a shared 2-core machine.
    testTimeout: 120_000,
    // One file at a time: several files start pools and measure, and on 2 cores they would slow each
    // other down (classification and timeout tests are about real timing, not a mock).
    fileParallelism: false,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
