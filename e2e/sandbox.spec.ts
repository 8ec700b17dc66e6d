/**
 * A design someone sent, opened in the studio: its code is shown before it opens, and when it runs
 * (under the built app's Content-Security-Policy) its handler's attempts to reach the network get
 * nowhere. A trap server on 127.0.0.1 counts every request it receives: it must receive none.
 */

import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { design, node, plainProducer } from '../src/engine/testing.ts';
import { run, waitForClock } from './fixtures/run.ts';
import { expect, test } from './fixtures/studio.ts';

const TRAP_PORT = 4299;
let hits: string[] = [];
let trap: Server;

test.beforeAll(async () => {
  trap = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('ok');
  });
  await new Promise<void>((resolve) => trap.listen(TRAP_PORT, '127.0.0.1', resolve));
});
test.afterAll(() => trap.close());

const HANDLER = `const TRAP = 'http://127.0.0.1:${TRAP_PORT}';
export const handler = async (event) => {
  const g = Function('return this')();
  const tries = [];
  for (const attempt of [
    () => g.fetch(TRAP + '/fetch'),
    () => fetch(TRAP + '/fetch2'),
    () => { const x = new g.XMLHttpRequest(); x.open('GET', TRAP + '/xhr'); x.send(); },
    () => new g.WebSocket('ws://127.0.0.1:${TRAP_PORT}/ws'),
    () => import(TRAP + '/module.js'),
    () => g.importScripts(TRAP + '/script.js'),
    () => g.indexedDB.deleteDatabase('shardscape'),
  ]) {
    try { await attempt(); tries.push('reached'); } catch (e) { tries.push(String(e && e.message)); }
  }
  console.log(tries.join(' | '));
  return { records: event.Records.map((r) => r.kinesis.data) };
};
`;

test('a shared design’s code is shown before it opens, and when it runs it reaches nothing', async ({
  studio,
  page,
}, testInfo) => {
  hits = [];
  await studio.open();
  const doc = design(
    [
      plainProducer('device', 20, 100),
      node('events', 'stream', { shardCount: 1 }),
      node('curious', 'lambda', { code: HANDLER, sampleRecordsPerSec: 20 }),
    ],
    [
      ['device', 'events'],
      ['events', 'curious'],
    ],
    { name: 'Sent by someone' },
  );
  doc.nodes.forEach((n, i) => {
    n.position = { x: i * 320, y: 120 };
  });
  const file = testInfo.outputPath('sent-by-someone.json');
  await writeFile(file, JSON.stringify(doc));

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  const review = page.getByRole('dialog', { name: 'This design contains code' });
  await expect(review).toBeVisible();
  await expect(review.getByRole('region', { name: 'Function curious' })).toContainText(
    "Function('return this')()",
  );
  await page.screenshot({ path: '/tmp/shots/sandbox-code-review.png' });
  await review.getByRole('button', { name: 'Open the design' }).click();
  await expect(page.getByRole('button', { name: /^Design: Sent by someone/ })).toBeVisible();

  await run(page, '10×');
  await waitForClock(page, 8);
  // The page stayed responsive while the handler ran: a click on the canvas still selects a card.
  await page.getByRole('button', { name: 'Pause', exact: false }).first().click();
  expect(hits).toEqual([]);
  const lambda = await page.evaluate(
    () => window.__studio?.getState().doc.nodes.find((n) => n.kind === 'lambda')?.name,
  );
  expect(lambda).toBe('curious');
});
