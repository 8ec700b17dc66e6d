#!/usr/bin/env node
// Time to the first card drawn on the production build: serves DIST (default dist) with
// `vite preview`, opens the studio N times in Debian's Chromium and prints each time (wall ms from
// navigation start to the first React Flow node in the DOM) and the median.
// Usage: npm run build && node scripts/first-card.mjs [DIST] [N]
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 7);
const port = 4390;
const server = spawn(
  './node_modules/.bin/vite',
  ['preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'ignore' },
);
try {
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: ['--no-sandbox'],
  });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('.react-flow__node').first().waitFor();
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  await browser.close();
  times.sort((a, b) => a - b);
  console.log(`first card (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
  console.log(`median ${times[Math.floor(times.length / 2)].toFixed(0)} ms over ${runs} loads`);
} finally {
  server.kill();
}
