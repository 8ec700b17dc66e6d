/**
 * Stream-to-stream joins and window frames, after the SQL Reference's JOIN clause and WINDOW
 * clause pages (docs.aws.amazon.com/kinesisanalytics/latest/sqlref/sql-reference-join-clause.html,
 * …/sql-reference-window-clause.html).
 *
 * The JOIN page's own Orders/Shipments tables are reproduced in reference-join-page.test.ts; the
 * rows below are ours, built to exercise further cases of what the page states: a row meets
 * the other stream's rows inside that stream's window when it arrives, a result carries the later
 * arrival's ROWTIME (the page's 10:00:45, not the order's 10:00:40), and in a RIGHT JOIN an
 * unmatched shipment comes out at once with a NULL order time.
 */
import { describe, expect, it } from 'vitest';
import { checkSql } from './index.ts';
import { rowsOf, runSql } from './testkit.ts';

const ORDERS = {
  name: 'ORDERS',
  schema: 'ORDERID INTEGER, CUSTNAME VARCHAR(8)',
  rows: [
    { ROWTIME: '2024-01-01 10:00:00', ORDERID: 100, CUSTNAME: 'Fred' },
    { ROWTIME: '2024-01-01 10:00:20', ORDERID: 101, CUSTNAME: 'Barney' },
    { ROWTIME: '2024-01-01 10:00:40', ORDERID: 102, CUSTNAME: 'Wilma' },
  ],
};
const SHIPMENTS = {
  name: 'SHIPMENTS',
  schema: 'ORDERID INTEGER',
  rows: [
    { ROWTIME: '2024-01-01 10:00:30', ORDERID: 100 },
    { ROWTIME: '2024-01-01 10:00:45', ORDERID: 102 },
    // Order 101 is 2m10s old by now: outside the orders' one-minute window.
    { ROWTIME: '2024-01-01 10:02:30', ORDERID: 101 },
    { ROWTIME: '2024-01-01 10:02:40', ORDERID: 999 },
  ],
};
const SELECT = `SELECT STREAM ROWTIME, o.orderId, o.ROWTIME AS orderTime, s.ROWTIME AS shipTime`;
const FROM_ORDERS = `FROM Orders OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS o`;
const run = (sql: string) => rowsOf(runSql(sql, [ORDERS, SHIPMENTS]), 'QUERY_1');

describe('JOIN clause: stream-to-stream joins', () => {
  it('INNER: a shipment meets the orders of the last minute; ROWTIME is the shipment’s arrival (10:00:45)', () => {
    expect(run(`${SELECT} ${FROM_ORDERS} JOIN Shipments AS s ON o.orderId = s.orderId;`)).toEqual([
      {
        ROWTIME: '2024-01-01 10:00:30.000',
        ORDERID: 100,
        ORDERTIME: '2024-01-01 10:00:00.000',
        SHIPTIME: '2024-01-01 10:00:30.000',
      },
      {
        ROWTIME: '2024-01-01 10:00:45.000',
        ORDERID: 102,
        ORDERTIME: '2024-01-01 10:00:40.000',
        SHIPTIME: '2024-01-01 10:00:45.000',
      },
    ]);
  });

  it('RIGHT OUTER: an unmatched shipment is emitted at once, NULL-extended, with a NULL order time', () => {
    const out = run(`${SELECT} ${FROM_ORDERS} RIGHT OUTER JOIN Shipments AS s ON o.orderId = s.orderId;`);
    expect(out.slice(2)).toEqual([
      {
        ROWTIME: '2024-01-01 10:02:30.000',
        ORDERID: null,
        ORDERTIME: null,
        SHIPTIME: '2024-01-01 10:02:30.000',
      },
      {
        ROWTIME: '2024-01-01 10:02:40.000',
        ORDERID: null,
        ORDERTIME: null,
        SHIPTIME: '2024-01-01 10:02:40.000',
      },
    ]);
    expect(out.map((r) => r.ORDERID)).toEqual([100, 102, null, null]);
  });

  it('LEFT OUTER with the window on the preserved side: an order waits out its window, then comes out NULL-extended (our reading)', () => {
    const out = run(`${SELECT} ${FROM_ORDERS} LEFT OUTER JOIN Shipments AS s ON o.orderId = s.orderId;`);
    expect(out.map((r) => [r.ROWTIME, r.ORDERID, r.SHIPTIME])).toEqual([
      ['2024-01-01 10:00:30.000', 100, '2024-01-01 10:00:30.000'],
      ['2024-01-01 10:00:45.000', 102, '2024-01-01 10:00:45.000'],
      // Order 101 never met a shipment inside its minute: out when the minute ends.
      ['2024-01-01 10:01:20.000', 101, null],
    ]);
  });

  it('the window on the other side: an arriving order meets only shipments of the previous minute', () => {
    const out = run(`SELECT STREAM ROWTIME, o.orderId, s.ROWTIME AS shipTime
      FROM Orders AS o JOIN Shipments OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS s
      ON o.orderId = s.orderId;`);
    // Every shipment here comes after its order: nothing to meet.
    expect(out).toEqual([]);
  });

  it('ROWS n PRECEDING on a join side keeps the last n + 1 rows', () => {
    const out = run(`SELECT STREAM ROWTIME, o.orderId FROM Orders OVER (ROWS 1 PRECEDING) AS o
      JOIN Shipments AS s ON o.orderId = s.orderId;`);
    // The window holds the last two orders whatever their age: 100 and 101 when shipment 100
    // arrives, 101 and 102 afterwards, so the late shipment of 101 still meets its order.
    expect(out.map((r) => r.ORDERID)).toEqual([100, 102, 101]);
  });
});

const TRADES = {
  name: 'S',
  schema: 'TICKER VARCHAR(4), PRICE INTEGER',
  rows: [
    { ROWTIME: '2024-01-01 10:00:00', TICKER: 'A', PRICE: 1 },
    { ROWTIME: '2024-01-01 10:00:30', TICKER: 'A', PRICE: 2 },
    { ROWTIME: '2024-01-01 10:00:50', TICKER: 'A', PRICE: 4 },
    { ROWTIME: '2024-01-01 10:01:40', TICKER: 'A', PRICE: 8 },
  ],
};
const sums = (over: string) =>
  rowsOf(runSql(`SELECT STREAM SUM(PRICE) OVER ${over} AS S FROM S;`, [TRADES]), 'QUERY_1').map((r) => r.S);

describe('WINDOW clause: frames', () => {
  it('ROWS BETWEEN 2 PRECEDING AND CURRENT ROW is ROWS 2 PRECEDING', () => {
    expect(sums('(ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)')).toEqual([1, 3, 7, 14]);
    expect(sums('(ROWS 2 PRECEDING)')).toEqual([1, 3, 7, 14]);
  });

  it("RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW is RANGE INTERVAL '1' MINUTE PRECEDING", () => {
    expect(sums("(RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW)")).toEqual([1, 3, 7, 12]);
    expect(sums("(RANGE INTERVAL '1' MINUTE PRECEDING)")).toEqual([1, 3, 7, 12]);
  });

  it('frames KDA refuses are refused at their position, with the reason', () => {
    const check = (frame: string) => {
      const sql = `SELECT STREAM SUM(PRICE) OVER (${frame}) AS S FROM S;`;
      const p = checkSql(sql, [{ name: 'S', columns: [{ name: 'PRICE', type: { base: 'INTEGER' } }] }])[0];
      return p && `${p.column}: ${p.message}`;
    };
    expect(check('ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING')).toBe(
      '63: FOLLOWING is not supported: a KDA window looks back from the current row (use PRECEDING)',
    );
    expect(check('ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING')).toMatch(
      /^79: UNBOUNDED FOLLOWING is not supported/,
    );
    expect(check('ROWS BETWEEN 5 PRECEDING AND 2 PRECEDING')).toBe(
      '61: A KDA window ends at the current row: write … AND CURRENT ROW',
    );
    expect(check('RANGE 5 PRECEDING')).toMatch(/^38: Expected INTERVAL '…' unit after RANGE/);
    expect(check('ROWS -1 PRECEDING')).toBe('37: A window size cannot be negative');
    expect(check("ROWS INTERVAL '1' MINUTE PRECEDING")).toMatch(/^37: ROWS counts rows/);
    expect(check("RANGE INTERVAL '1' MONTH PRECEDING")).toBe('38: A RANGE window needs a day-time interval');
  });
});

describe('outer joins at the end of input', () => {
  it('a preserved row still waiting in a ROWS window comes out NULL-extended when the input ends', () => {
    const out = run(`SELECT STREAM ROWTIME, o.orderId, s.ROWTIME AS shipTime
      FROM Orders OVER (ROWS 5 PRECEDING) AS o LEFT JOIN Shipments AS s ON o.orderId = s.orderId;`);
    // 100 and 102 matched, and 101 met its late shipment (the ROWS window keeps it); nothing waits.
    expect(out.map((r) => r.ORDERID)).toEqual([100, 102, 101]);
    const noShipments = rowsOf(
      runSql(
        `SELECT STREAM ROWTIME, o.orderId FROM Orders OVER (ROWS 5 PRECEDING) AS o
         LEFT JOIN Shipments AS s ON o.orderId = s.orderId;`,
        [ORDERS, { ...SHIPMENTS, rows: [] }],
      ),
      'QUERY_1',
    );
    expect(noShipments).toEqual([
      { ROWTIME: '2024-01-01 10:00:40.000', ORDERID: 100 },
      { ROWTIME: '2024-01-01 10:00:40.000', ORDERID: 101 },
      { ROWTIME: '2024-01-01 10:00:40.000', ORDERID: 102 },
    ]);
  });
});

describe('streaming validity of joins', () => {
  it('a join of two streams without a window on either side is refused at the join', () => {
    const cols = [{ name: 'ORDERID', type: { base: 'INTEGER' as const } }];
    const [p] = checkSql(
      'SELECT STREAM o.orderId FROM Orders AS o JOIN Shipments AS s ON o.orderId = s.orderId;',
      [
        { name: 'ORDERS', columns: cols },
        { name: 'SHIPMENTS', columns: cols },
      ],
    );
    expect(p).toMatchObject({ severity: 'error', line: 1, column: 30 });
    expect(p?.message).toMatch(/^A join of two streams needs a window on at least one side/);
  });
});
