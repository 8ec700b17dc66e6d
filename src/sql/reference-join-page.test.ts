/**
 * The SQL Reference's JOIN clause page, example by example: its Orders/Shipments input rows and
 * the OUTPUT_STREAM rows its six "Query Results" tables print
 * (docs.aws.amazon.com/kinesisanalytics/latest/sqlref/sql-reference-join-clause.html).
 *
 * The page feeds both streams from one source through pumps; here the two in-application streams
 * are fed directly, in the page's arrival order (at 10:00:45 the shipment for 104 arrives before the
 * late order 100, as the tables list them). Where a table contradicts the page's own rules we follow
 * the rules and say so next to the row:
 * - Examples 4 and 6 print the first result's shipment and order times swapped (the query selects
 *   s.ROWTIME, then o.ROWTIME; the shipment for 104 came at 10:00:45, the order at 10:00:40).
 * - Example 5 also prints order 104 NULL-extended at the end of its window, and example 6 orders
 *   104 and 100, although they had matched a shipment at 10:00:45; the page's summary says an outer join emits a
 *   NULL-extended row "for which a match is not found", so we emit none for them.
 * - Example 6 prints the unmatched orders' ids (101, 102, 103) in a column its query fills from
 *   the shipments side (s."orderid"), which is NULL for an order with no shipment.
 */
import { describe, expect, it } from 'vitest';
import { rowsOf, runSql } from './testkit.ts';

const at = (hms: string) => `2024-01-01 ${hms}`;
// Shipments first: rows at the same ROWTIME arrive in input order (testkit.runSql).
const SHIPMENTS_STREAM = {
  name: 'SHIPMENTS_STREAM',
  schema: '"orderid" INTEGER',
  rows: [
    { ROWTIME: at('10:00:00'), orderid: 100 },
    { ROWTIME: at('10:00:45'), orderid: 104 },
    { ROWTIME: at('10:00:50'), orderid: 105 },
  ],
};
const ORDERS_STREAM = {
  name: 'ORDERS_STREAM',
  schema: '"orderid" INTEGER',
  rows: [
    { ROWTIME: at('10:00:00'), orderid: 101 },
    { ROWTIME: at('10:00:20'), orderid: 102 },
    { ROWTIME: at('10:00:30'), orderid: 103 },
    { ROWTIME: at('10:00:40'), orderid: 104 },
    { ROWTIME: at('10:00:45'), orderid: 100 }, // the page's late order
  ],
};
const WINDOW = `OVER (RANGE INTERVAL '1' MINUTE PRECEDING)`;

/** The page's query text, with its output stream and pump. */
function query(select: string, from: string): string {
  return `CREATE OR REPLACE STREAM "OUTPUT_STREAM" ("resultrowtime" timestamp, "orderid" int, "shipmenttime" timestamp, "ordertime" timestamp);
CREATE OR REPLACE PUMP "OUTPUT_STREAM_PUMP" AS INSERT INTO "OUTPUT_STREAM"
  ${select}
    ${from}
        ON o."orderid" = s."orderid";`;
}
const WITH_SHIP_TIME = `SELECT STREAM ROWTIME as "resultrowtime", s."orderid", s.rowtime as "shipmenttime", o.ROWTIME as "ordertime"`;

/** OUTPUT_STREAM rows as [resultrowtime, orderid, shipmenttime, ordertime], times as HH:MM:SS. */
function results(sql: string): (string | number | null)[][] {
  const hms = (v: unknown) => (typeof v === 'string' ? v.slice(11, 19) : (v as null));
  return rowsOf(runSql(sql, [SHIPMENTS_STREAM, ORDERS_STREAM]), 'OUTPUT_STREAM').map((r) => [
    hms(r.resultrowtime),
    r.orderid as number | null,
    hms(r.shipmenttime),
    hms(r.ordertime),
  ]);
}

describe('JOIN clause page: the six Orders/Shipments examples give the page’s rows', () => {
  it('Example 1, window on the orders, INNER: one row, 104 at the shipment’s 10:00:45; the late order 100 finds no shipment', () => {
    const sql = query(WITH_SHIP_TIME, `FROM ORDERS_STREAM ${WINDOW} AS o JOIN SHIPMENTS_STREAM AS s`);
    expect(results(sql)).toEqual([['10:00:45', 104, '10:00:45', '10:00:40']]);
  });

  it('Example 2, windows on both sides, INNER: 104, then the late order 100 meets the 10:00:00 shipment', () => {
    const sql = query(
      WITH_SHIP_TIME,
      `FROM ORDERS_STREAM ${WINDOW} AS o JOIN SHIPMENTS_STREAM ${WINDOW} AS s`,
    );
    expect(results(sql)).toEqual([
      ['10:00:45', 104, '10:00:45', '10:00:40'],
      ['10:00:45', 100, '10:00:00', '10:00:45'],
    ]);
  });

  it('Example 3, window on the orders, RIGHT JOIN: unmatched shipments come out at once with a null order time', () => {
    // The page's query selects no shipment time: its OUTPUT_STREAM has three columns.
    const sql = `CREATE OR REPLACE STREAM "OUTPUT_STREAM" ("resultrowtime" timestamp, "orderid" int, "ordertime" timestamp);
CREATE OR REPLACE PUMP "OUTPUT_STREAM_PUMP" AS INSERT INTO "OUTPUT_STREAM"
  SELECT STREAM ROWTIME as "resultrowtime", s."orderid", o.ROWTIME as "ordertime"
    FROM ORDERS_STREAM ${WINDOW} AS o
      RIGHT JOIN SHIPMENTS_STREAM AS s
        ON o."orderid" = s."orderid";`;
    expect(results(sql).map(([t, id, , ot]) => [t, id, ot])).toEqual([
      ['10:00:00', 100, null],
      ['10:00:45', 104, '10:00:40'],
      ['10:00:50', 105, null],
    ]);
  });

  it('Example 4, windows on both sides, RIGHT JOIN: shipment 105 waits out its window and comes out at 10:01:50', () => {
    const sql = query(
      WITH_SHIP_TIME,
      `FROM ORDERS_STREAM ${WINDOW} AS o RIGHT JOIN SHIPMENTS_STREAM ${WINDOW} AS s`,
    );
    expect(results(sql)).toEqual([
      ['10:00:45', 104, '10:00:45', '10:00:40'], // the page prints the two times swapped
      ['10:00:45', 100, '10:00:00', '10:00:45'], // the page prints 10:00:45, 10:00:00: swapped too
      ['10:01:50', 105, '10:00:50', null],
    ]);
  });

  it('Example 5, window on the orders, LEFT JOIN: unmatched orders come out at the end of their window', () => {
    const sql = `CREATE OR REPLACE STREAM "OUTPUT_STREAM" ("resultrowtime" timestamp, "orderid" int, "ordertime" timestamp);
CREATE OR REPLACE PUMP "OUTPUT_STREAM_PUMP" AS INSERT INTO "OUTPUT_STREAM"
  SELECT STREAM ROWTIME as "resultrowtime", o."orderid", o.ROWTIME as "ordertime"
    FROM ORDERS_STREAM ${WINDOW} AS o
      LEFT JOIN SHIPMENTS_STREAM AS s
        ON o."orderid" = s."orderid";`;
    expect(results(sql).map(([t, id, , ot]) => [t, id, ot])).toEqual([
      ['10:00:45', 104, '10:00:40'],
      ['10:01:00', 101, '10:00:00'],
      ['10:01:20', 102, '10:00:20'],
      ['10:01:30', 103, '10:00:30'],
      // The page also prints 10:01:40 104: 104 had matched (see the header). The late 100 found
      // no shipment (the shipments have no window, only their current row), so it comes out:
      ['10:01:45', 100, '10:00:45'],
    ]);
  });

  it('Example 6, windows on both sides, LEFT JOIN: 104 and the late 100 match; 101–103 come out NULL-extended at their window ends', () => {
    const sql = query(
      WITH_SHIP_TIME,
      `FROM ORDERS_STREAM ${WINDOW} AS o LEFT JOIN SHIPMENTS_STREAM ${WINDOW} AS s`,
    );
    expect(results(sql)).toEqual([
      ['10:00:45', 104, '10:00:45', '10:00:40'], // swapped on the page, as in example 4
      ['10:00:45', 100, '10:00:00', '10:00:45'],
      ['10:01:00', null, null, '10:00:00'], // the page prints 101 for s."orderid" (see the header)
      ['10:01:20', null, null, '10:00:20'],
      ['10:01:30', null, null, '10:00:30'],
    ]);
  });
});
