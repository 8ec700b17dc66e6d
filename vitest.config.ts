import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
      exclude: ['e2e/**', 'node_modules/**'],
      testTimeout: 30_000,
      setupFiles: ['src/engine/usercode/test-setup.ts'],
    },
  }),
);
