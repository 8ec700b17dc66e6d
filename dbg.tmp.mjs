import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const srv = spawn(
  './node_modules/.bin/vite',
  process.env.DEV
    ? ['--port', '4391', '--strictPort']
    : ['preview', '--outDir', 'dist-sandbox2', '--port', '4391', '--strictPort'],
  { stdio: 'ignore' },
);
await new Promise((r) => setTimeout(r, process.env.DEV ? 8000 : 2500));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
p.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
p.on('pageerror', (e) => console.log('pageerror', String(e).slice(0, 300)));
p.context().on('request', (r) => console.log('req', r.url().slice(-60)));
p.on('requestfailed', (r) => console.log('reqfail', r.url(), r.failure()?.errorText));
p.on('worker', (w) => {
  console.log('worker', w.url());
  w.on('console', (m) => console.log('wconsole', m.text().slice(0, 300)));
});
await p.goto('http://127.0.0.1:4391/');
await p.getByRole('button', { name: 'Templates' }).click();
await p.getByRole('button', { name: /Open template: Hot/ }).click();
await p.waitForTimeout(500);
await p.getByRole('button', { name: '▶ Run' }).click();
await p.waitForTimeout(15000);
console.log('clock', await p.getByRole('timer').first().textContent());
console.log(
  'probe',
  await p.evaluate(
    () =>
      new Promise((res) => {
        const w = new Worker('/assets/engine.worker-CUHf-Wbg.js', { type: 'module' });
        w.onerror = (e) => res('error: ' + e.message + ' ' + e.filename + ':' + e.lineno);
        setTimeout(() => res('no error in 5 s'), 5000);
      }),
  ),
);
await b.close();
srv.kill();
