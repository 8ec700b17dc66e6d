/** `shardscape run --lang ja`: the summary in Japanese, the --json report unchanged by --lang. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runHeadless } from '../engine/index.ts';
import { parseDocument } from '../export/document.ts';
import { parsePlanArgs } from './plan.ts';
import { main, parseRunArgs } from './run.ts';
import { formatSummaryJa } from './run-summary-ja.ts';

const hotKey = join(import.meta.dirname, '..', '..', 'examples', 'hot-key.json');

describe('run --lang ja', () => {
  it('accepts en and ja only', () => {
    expect(parseRunArgs(['d.json', '--lang', 'ja'])).toMatchObject({ lang: 'ja' });
    expect(parseRunArgs(['d.json'])).toMatchObject({ lang: 'en' });
    expect(parseRunArgs(['d.json', '--lang=fr'])).toBe('--lang expects en or ja');
    expect(parsePlanArgs(['d.json', '--stream', 's', '--shards', '1..2', '--lang', 'ja'])).toMatchObject({
      lang: 'ja',
    });
    expect(parsePlanArgs(['d.json', '--stream', 's', '--shards', '1..2', '--lang', 'de'])).toBe(
      '--lang expects en or ja',
    );
  });

  it('says the hot-key run in Japanese: 件/秒, cost items and units in Japanese, no English unit', async () => {
    const parsed = parseDocument(readFileSync(hotKey, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const text = formatSummaryJa(await runHeadless(parsed.doc, { durationSec: 10 }));
    expect(text).toContain('device-telemetry (プロデューサー)');
    expect(text).toMatch(/受信 [\d,]+ 件 \([\d,.]+ 件\/秒\)/);
    expect(text).toMatch(/telemetry シャード時間: [\d.]+ シャード時間 = \$/);
    expect(text).toContain('レコードの保存: OK');
    expect(text).not.toMatch(/shard-hours|requests|records|throttled|Cost/);
  });

  it('leaves the --json report as it is', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out.push(String(s));
      return true;
    });
    try {
      await main([hotKey, '--duration', '5s', '--json']);
      await main([hotKey, '--duration', '5s', '--json', '--lang', 'ja']);
    } finally {
      spy.mockRestore();
    }
    expect(out).toHaveLength(2);
    expect(out[1]).toBe(out[0]);
    expect(JSON.parse(out[1]).cost.items[0].item).toMatch(/^[A-Za-z]/);
  });
});
