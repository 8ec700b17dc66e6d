/**
 * `npx shardscape sql …` spawned as a user would run it: JSONL in, JSONL out, exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'shardscape.mjs');
const dir = mkdtempSync(join(tmpdir(), 'shardscape-sql-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, 'sql', ...args], { encoding: 'utf8', timeout: 60_000 });
  return {
    code: r.status,
    out: r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
    err: r.stderr,
  };
};

const trades = file(
  'trades.jsonl',
  [
    { ROWTIME: '2024-01-01 11:00:20', event_time: '2024-01-01 11:00:10', ticker_symbol: 'AMZN', price: 10.5 },
    { ROWTIME: '2024-01-01 11:00:30', event_time: '2024-01-01 11:00:20', ticker_symbol: 'AMZN', price: 11 },
    { ROWTIME: '2024-01-01 11:01:05', event_time: '2024-01-01 11:00:55', ticker_symbol: 'AMZN', price: 12 },
    { ROWTIME: 1704106875000, event_time: '2024-01-01 11:01:05', ticker_symbol: 'AMZN', price: 13 },
  ]
    .map((o) => JSON.stringify(o))
    .join('\n'),
);

// Each spawn loads the TypeScript sources through tsx: seconds on a busy 2-core box.
describe('shardscape sql', { timeout: 120_000 }, () => {
  it('runs the stagger example from JSONL, keys matched case-insensitively, types discovered', () => {
    const q = file(
      'stagger.sql',
      `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (ticker_symbol VARCHAR(4), event_time TIMESTAMP, ticker_count DOUBLE, top DOUBLE);
       CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
         SELECT STREAM TICKER_SYMBOL, FLOOR(EVENT_TIME TO MINUTE), COUNT(TICKER_SYMBOL), MAX(PRICE)
         FROM "SOURCE_SQL_STREAM_001"
         WINDOWED BY STAGGER (PARTITION BY FLOOR(EVENT_TIME TO MINUTE), TICKER_SYMBOL RANGE INTERVAL '1' MINUTE);`,
    );
    const r = run(['--query', q, '--input', `SOURCE_SQL_STREAM_001=${trades}`]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      {
        stream: 'DESTINATION_SQL_STREAM',
        ROWTIME: '2024-01-01 11:01:20.000',
        TICKER_SYMBOL: 'AMZN',
        EVENT_TIME: '2024-01-01 11:00:00.000',
        TICKER_COUNT: 3,
        TOP: 12,
      },
      {
        stream: 'DESTINATION_SQL_STREAM',
        ROWTIME: '2024-01-01 11:02:15.000',
        TICKER_SYMBOL: 'AMZN',
        EVENT_TIME: '2024-01-01 11:01:00.000',
        TICKER_COUNT: 1,
        TOP: 13,
      },
    ]);
  });

  it('--schema declares types, --no-flush leaves open windows silent, top-level queries print as QUERY_n', () => {
    const q = file(
      'q.sql',
      `SELECT STREAM TICKER_SYMBOL, PRICE FROM "IN" WHERE PRICE > 11;
       SELECT STREAM COUNT(*) AS N FROM "IN" GROUP BY STEP("IN".ROWTIME BY INTERVAL '1' MINUTE);`,
    );
    const r = run([
      '--query',
      q,
      '--input',
      `IN=${trades}`,
      '--schema',
      'IN=ticker_symbol VARCHAR(4), price INTEGER',
      '--no-flush',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      { stream: 'QUERY_2', ROWTIME: '2024-01-01 11:01:00.000', N: 2 },
      { stream: 'QUERY_1', ROWTIME: '2024-01-01 11:01:05.000', TICKER_SYMBOL: 'AMZN', PRICE: 12 },
      { stream: 'QUERY_1', ROWTIME: '2024-01-01 11:01:15.000', TICKER_SYMBOL: 'AMZN', PRICE: 13 },
    ]);
  });

  it('rows without ROWTIME arrive 1 ms apart from 2024-01-01; a reference table joins by key', () => {
    const input = file('plain.jsonl', '{"id": 1}\n{"id": 2}\n{"id": 3}\n');
    const ref = file('names.jsonl', '{"id": 1, "name": "one"}\n{"id": 3, "name": "three"}\n');
    const q = file('ref.sql', 'SELECT STREAM s.ID, r.NAME FROM "S" AS s JOIN "NAMES" AS r ON s.ID = r.ID;');
    const r = run(['--query', q, '--input', `S=${input}`, '--reference', `NAMES=${ref}`]);
    expect(r.out).toEqual([
      { stream: 'QUERY_1', ROWTIME: '2024-01-01 00:00:00.000', ID: 1, NAME: 'one' },
      { stream: 'QUERY_1', ROWTIME: '2024-01-01 00:00:00.002', ID: 3, NAME: 'three' },
    ]);
  });

  it("rejects SQL with line:column and the message on stderr (the talk's query)", () => {
    const q = file(
      'talk.sql',
      "SELECT STREAM COUNT(*) AS MUSTACH_COUNT,\n  STEP(ROWTIME BY INTERVAL '1' SECOND) FROM SOURCE_STREAM WHERE HAS_MUSTACH = TRUE;",
    );
    const input = file('faces.jsonl', '{"HAS_MUSTACH": true}\n');
    const r = run(['--query', q, '--input', `SOURCE_SQL_STREAM_001=${input}`]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err.split('\n').filter(Boolean)).toEqual([
      "1:15: An aggregate over a stream needs a GROUP BY on a ROWTIME window, or it would never emit: add GROUP BY STEP(ROWTIME BY INTERVAL '1' SECOND) (a tumbling window) and insert the result into a stream with a pump",
      '2:45: Unknown stream SOURCE_STREAM: the application\'s input stream is "SOURCE_SQL_STREAM_001"',
    ]);
  });

  it('bad options exit 2 with a usage hint', () => {
    const r = run(['--query']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--query needs a FILE.sql');
  });

  it('bad input: a deeply nested expression and a column named constructor get line:column answers, never a stack', () => {
    const deep = file('deep.sql', `SELECT STREAM ${'('.repeat(20_000)}1${')'.repeat(20_000)} FROM "S";`);
    const chain = file('chain.sql', `SELECT STREAM ${Array(20_000).fill('1').join(' + ')} FROM "S";`);
    const rows = file('ctor.jsonl', '{"constructor":"x","__proto__":"y"}\n{"other":1}\n');
    for (const q of [deep, chain]) {
      const r = run(['--query', q, '--input', `S=${rows}`, '--schema', 'S=K VARCHAR(4)']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^1:\d+: Expression nested too deeply \(more than 200 levels\): simplify it\n$/);
    }
    const q = file('ctor.sql', 'SELECT STREAM "constructor", "__proto__" FROM "S";');
    const r = run([
      '--query',
      q,
      '--input',
      `S=${rows}`,
      '--schema',
      `S="constructor" VARCHAR(8), "__proto__" VARCHAR(8)`,
    ]);
    expect(r.err).toBe('');
    expect(r.out.map((o) => [o.constructor, Object.getOwnPropertyDescriptor(o, '__proto__')?.value])).toEqual(
      [
        ['x', 'y'],
        [null, null],
      ],
    );
  });
});
