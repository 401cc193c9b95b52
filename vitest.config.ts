import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20000,
    hookTimeout: 30000,
    pool: 'forks',
    // Test files share a worker's module cache (telegraf, echarts, exceljs, jieba are imported once
    // per worker, not per file: 80 s → 48 s); no test relies on a fresh module state.
    isolate: false,
    // Most of the suite waits on loopback I/O and timers: more workers than cores keep it short.
    maxWorkers: 4,
  },
});
