import { defineConfig, devices } from '@playwright/test';
// @ts-expect-error: plain .mjs helper shared with scripts/test-all.sh
import { findChromium } from './scripts/find-chromium.mjs';

const DEV = !!process.env.E2E_DEV; // E2E_DEV=1 → test against the dev server
// E2E_PORT / E2E_DIST let two people (or helpers) run the suite at once without clobbering dist/.
const PORT = Number(process.env.E2E_PORT ?? (DEV ? 5173 : 4173));
const DIST = process.env.E2E_DIST ?? 'dist';
const CHROMIUM: string | undefined = findChromium() ?? undefined;

export default defineConfig({
  testDir: './e2e',
  outputDir: process.env.E2E_RESULTS ?? './test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
  ],
  webServer: {
    command: DEV
      ? `./node_modules/.bin/vite --host 127.0.0.1 --port ${PORT} --strictPort`
      : `${process.env.E2E_SKIP_BUILD ? '' : `./node_modules/.bin/vite build --outDir ${DIST} && `}./node_modules/.bin/vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
