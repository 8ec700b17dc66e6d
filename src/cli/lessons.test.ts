/**
 * The grading contract, over every lesson: `lessons start` writes a design that `lessons check`
 * fails (exit 1), `lessons solution` writes one it passes (exit 0), with the JSON shape the issue
 * names. Lessons run 60–190 simulated s, so the whole file takes seconds.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LESSONS } from '../lessons/index.ts';
import { main } from './lessons.ts';

const dir = mkdtempSync(join(tmpdir(), 'shardscape-lessons-'));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('npx shardscape lessons', () => {
  it('lists at least 8 lessons as [{ id, title, titleJa }] with --json', async () => {
    const { code, out } = await cli('--json');
    expect(code).toBe(0);
    const list = JSON.parse(out) as { id: string; title: string; titleJa: string }[];
    expect(list.length).toBeGreaterThanOrEqual(8);
    expect(list[1]).toEqual({
      id: 'hot-key',
      title: 'Partition keys and the hot shard',
      titleJa: 'パーティションキーとホットシャード',
    });
    expect(Object.keys(list[0]).sort()).toEqual(['id', 'title', 'titleJa']);
  });

  it('prints Japanese titles with --lang ja', async () => {
    const { out } = await cli('--lang', 'ja');
    expect(out).toContain('hot-key             パーティションキーとホットシャード');
  });

  it('refuses an unknown lesson with the list of ids', async () => {
    const { code, err } = await cli('start', 'nope', '--out', join(dir, 'x.json'));
    expect(code).toBe(1);
    expect(err).toContain('no lesson "nope"');
    expect(err).toContain('hot-key');
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: the starting design fails its checks, the solution passes`, async () => {
      const start = join(dir, `${lesson.id}-start.json`);
      const solution = join(dir, `${lesson.id}-solution.json`);
      expect((await cli('start', lesson.id, '--out', start)).code).toBe(0);
      expect((await cli('solution', lesson.id, '--out', solution)).code).toBe(0);

      const failed = await cli('check', lesson.id, start, '--json');
      expect(failed.code).toBe(1);
      const f = JSON.parse(failed.out) as {
        lesson: string;
        passed: boolean;
        checks: { id: string; passed: boolean; detail: string }[];
      };
      expect(f.lesson).toBe(lesson.id);
      expect(f.passed).toBe(false);
      expect(f.checks.map((c) => c.id)).toEqual(lesson.checks.map((c) => c.id));
      expect(f.checks.some((c) => !c.passed)).toBe(true);

      const passed = await cli('check', lesson.id, solution, '--json');
      const p = JSON.parse(passed.out) as typeof f;
      expect(p.checks.filter((c) => !c.passed)).toEqual([]);
      expect(p.passed).toBe(true);
      expect(passed.code).toBe(0);
    });
  }

  it('grades in Japanese with --lang ja and says which check failed', async () => {
    const start = join(dir, 'hk.json');
    await cli('start', 'hot-key', '--out', start);
    const { code, out } = await cli('check', 'hot-key', start, '--lang', 'ja');
    expect(code).toBe(1);
    expect(out).toMatch(
      /不合格 {2}ストリーム `telemetry` のスロットリングが 0 件 \(シミュレーション 60 秒で判定、最後まで維持\): [\d,]+ \(条件 == 0\)/,
    );
    expect(out).toContain('2 件中 1 件合格');
  });

  it('a design that is not JSON exits 1 with the file named', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ nope');
    const { code, err } = await cli('check', 'hot-key', bad);
    expect(code).toBe(1);
    expect(err).toContain('bad.json');
  });

  it('the written start is a design the studio can import (format and schema version)', async () => {
    const start = join(dir, 'fs.json');
    await cli('start', 'first-stream', '--out', start);
    const doc = JSON.parse(readFileSync(start, 'utf8'));
    expect(doc.format).toBe('shardscape.pipeline');
    expect(doc.settings.durationSec).toBe(60);
  });
});

describe('npx shardscape lessons with a lesson file', () => {
  it('grades against an instructor\'s own lesson file ("Make this a lesson" downloads one)', async () => {
    const hotKey = LESSONS.find((l) => l.id === 'hot-key');
    const own = { ...hotKey, id: 'our-hot-key', title: { en: 'Our hot key', ja: '私たちのホットキー' } };
    const lessonFile = join(dir, 'our-hot-key.lesson.json');
    writeFileSync(lessonFile, JSON.stringify(own));
    const solution = join(dir, 'own-solution.json');
    expect((await cli('solution', lessonFile, '--out', solution)).code).toBe(0);
    const r = await cli('check', lessonFile, solution, '--json');
    expect(JSON.parse(r.out)).toMatchObject({ lesson: 'our-hot-key', passed: true });
    expect(r.code).toBe(0);
  });

  it('a lesson file that is not one says why', async () => {
    const bad = join(dir, 'bad.lesson.json');
    writeFileSync(bad, JSON.stringify({ format: 'shardscape.lesson', id: 'x' }));
    const r = await cli('start', bad, '--out', join(dir, 'y.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.lesson\.json: Not a lesson file: .* at title/);
  });
});
