import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'model',
          include: ['test/model/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/config/**/*.test.ts', 'test/chart/**/*.test.ts', 'test/store/**/*.test.ts'],
          environment: 'node',
          // Property tests run 10,000 cases each under CI=true.
          testTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          include: ['test/ui/**/*.test.tsx', 'test/app/**/*.test.tsx', 'test/embed/**/*.test.ts?(x)'],
          environment: 'jsdom',
          setupFiles: ['test/setup-dom.ts'],
          // jsdom renders of full recharts trees are slow on 2 cores when files run side by side.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
