#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests and prints its path.
// Order: $CHROMIUM_PATH, /usr/bin/chromium (Debian), Playwright's own downloaded browser.
// With --install, when none exists and we run as root on Debian, installs Debian's `chromium`
// (Playwright cannot download its browser on these machines); otherwise exits 1 saying what to install.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const { chromium } = loadPlaywright();
    const p = chromium.executablePath();
    if (p && existsSync(p)) return p;
  } catch {
    // Playwright's browser not downloaded: fine, fall through.
  }
  return null;
}

function loadPlaywright() {
  // playwright-core is CommonJS; require keeps findChromium synchronous for playwright.config.ts.
  return createRequire(import.meta.url)('playwright-core');
}

function isDebian() {
  try {
    return /debian|ubuntu/i.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let path = findChromium();
  if (!path && process.argv.includes('--install')) {
    if (process.getuid?.() === 0 && isDebian()) {
      console.error('No Chromium found: installing Debian chromium (apt-get)…');
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      execSync('apt-get update -qq', { stdio: 'inherit', env });
      execSync('apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-noto-cjk', {
        stdio: 'inherit',
        env,
      });
      path = findChromium();
    }
  }
  if (!path) {
    console.error(
      'No Chromium found for the end-to-end tests. Install one of:\n' +
        '  Debian/Ubuntu: sudo apt-get install chromium\n' +
        '  or set CHROMIUM_PATH=/path/to/chrome\n' +
        '  or run: npx playwright install chromium',
    );
    process.exit(1);
  }
  console.log(path);
}
