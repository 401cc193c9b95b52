import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
    hookTimeout: 30000,
    pool: 'forks',
    // Most of the suite waits on loopback I/O and timers: more workers than cores keep it short.
    maxWorkers: 4,
  },
});
