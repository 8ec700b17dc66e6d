import { describe, expect, it } from 'vitest';
import { SqlRuntimeError } from '../types.ts';
import { formatDate } from './dateFormat.ts';
import { call, ts, typeOf } from './testUtil.ts';
import { T } from './util.ts';

const TS = T.timestamp;
const DT = { base: 'INTERVAL_DAY_TIME' } as const;

describe('CHAR_TO_TIMESTAMP (documented examples of the KDA SQL Reference)', () => {
  const c2t = (f: string, s: string) => call('CHAR_TO_TIMESTAMP', [f, s]);
  it('keeps only the fields the template names; others default to 01 / 0', () => {
    expect(c2t('yyyy-MM-dd', '2009-09-16 03:15:24')).toBe(ts('2009-09-16 00:00:00'));
    expect(c2t('yyyy-hh-mm', '2009-09-16 03:15:24')).toBe(ts('2009-01-01 09:16:00'));
    expect(c2t('yyyy', '2009-09-16 03:15:24')).toBe(ts('2009-01-01 00:00:00'));
    expect(c2t('yyyy-mm', '2009-09-16 03:15:24')).toBe(ts('2009-01-01 00:09:00'));
    expect(c2t('MM/dd/yy hh:mm:ss', '09/16/11 03:15:24')).toBe(ts('2011-09-16 03:15:24'));
  });
  it('the reference\'s "Template Strings to Create Specific Output Timestamps" table', () => {
    expect(c2t('yyyy-MM-dd hh:mm:ss', '2009-09-16 03:15:24')).toBe(ts('2009-09-16 03:15:24'));
    expect(c2t('yyyy-mm', '2011-02-08 07:23:19')).toBe(ts('2011-01-01 00:02:00'));
    expect(c2t('MMM dd, yyyy', 'March 7, 2010')).toBe(ts('2010-03-07 00:00:00'));
    expect(c2t('MMM dd,', 'March 7, 2010')).toBe(ts('1970-03-07 00:00:00'));
    expect(c2t('MMM dd,y', 'March 7, 2010')).toBe(ts('2010-03-07 00:00:00'));
    expect(new Date(c2t('MMM dd,y', 'March 7, 10') as number).getUTCFullYear()).toBe(10);
    expect(c2t('M-d', '2-8')).toBe(ts('1970-02-08 00:00:00'));
    expect(c2t('M-d', '2-8-2011')).toBe(ts('1970-02-08 00:00:00'));
    expect(() => c2t('M-d', '2011-2-8')).toThrow(/month 2011/);
    expect(c2t('MM-dd-yyyy', '06-23-2011 10:11:12')).toBe(ts('2011-06-23 00:00:00'));
  });

  it('reads years literally: yyyy on "09-16 03:15" is year 0009', () => {
    expect(new Date(c2t('yyyy', '09-16 03:15') as number).getUTCFullYear()).toBe(9);
  });
  it('rejects values out of range and mismatched delimiters', () => {
    expect(() => c2t('MM/dd/yy hh:mm:ss', '2009/09/16 03:15:24')).toThrow(/month 2009/);
    expect(() => c2t('yyyy hh', '2009-09-16 03:15:24')).toThrow(SqlRuntimeError);
    expect(() => c2t('yyyy-MM-dd', '2009-02-30')).toThrow(/day 30 does not exist/);
  });
  it('parses web-log and ISO formats with zones, month names and milliseconds', () => {
    expect(c2t('dd/MMM/yyyy:HH:mm:ss Z', '24/May/2004:22:01:02 -0700')).toBe(ts('2004-05-25 05:01:02'));
    expect(c2t("yyyy-MM-dd'T'HH:mm:ss.SSS", '2024-03-01T12:34:56.789')).toBe(ts('2024-03-01 12:34:56.789'));
    expect(c2t('yyyyMMddHHmmss', '20240301123456')).toBe(ts('2024-03-01 12:34:56'));
    expect(c2t('hh:mm a', '07:05 PM')).toBe(ts('1970-01-01 19:05:00'));
    expect(() => c2t('yyyy-QQ', '2024-01')).toThrow(/illegal pattern character 'Q'/);
  });
  it('a bad literal format is reported when the query is validated', () => {
    expect(() => typeOf('CHAR_TO_TIMESTAMP', [T.varchar(8), T.varchar(8)], ['yyyy-QQ'])).toThrow(
      /CHAR_TO_TIMESTAMP/,
    );
  });
  it('CHAR_TO_DATE and CHAR_TO_TIME keep the date / the time of day', () => {
    expect(call('CHAR_TO_DATE', ['yyyy-MM-dd HH:mm', '2024-03-01 12:34'])).toBe(ts('2024-03-01 00:00:00'));
    expect(call('CHAR_TO_TIME', ['HH:mm:ss', '12:34:56'])).toBe((12 * 3600 + 34 * 60 + 56) * 1000);
  });
});

describe('TIMESTAMP_TO_CHAR and friends', () => {
  it('formats with SimpleDateFormat letters in UTC', () => {
    const t = ts('2024-03-01 07:04:05.006');
    expect(call('TIMESTAMP_TO_CHAR', ["yyyy-MM-dd'T'HH:mm:ss", t], [T.varchar(30), TS])).toBe(
      '2024-03-01T07:04:05',
    );
    expect(formatDate('EEE, d MMM yyyy hh:mm:ss.SSS a z', t)).toBe('Fri, 1 Mar 2024 07:04:05.006 AM UTC');
    expect(formatDate("MMMM yy ''Z''", t)).toBe("March 24 '+0000'");
    // Documented: "If the input is null, the output will be the string 'null'".
    expect(call('TIMESTAMP_TO_CHAR', ['yyyy', null], [T.varchar(4), TS])).toBe('null');
  });
});

describe('epoch conversions and ROWTIME-based clocks', () => {
  it('TO_TIMESTAMP and UNIX_TIMESTAMP use milliseconds since 1970-01-01 UTC (BIGINT)', () => {
    expect(call('TO_TIMESTAMP', [1_709_251_200_000])).toBe(ts('2024-03-01 00:00:00'));
    expect(call('UNIX_TIMESTAMP', [ts('2024-03-01 00:00:00')], [TS])).toBe(1_709_251_200_000);
    expect(typeOf('UNIX_TIMESTAMP', [TS])).toEqual(T.bigint);
    expect(() => typeOf('UNIX_TIMESTAMP', [T.varchar(10)])).toThrow(/TIMESTAMP/);
  });
  it('CURRENT_ROW_TIMESTAMP and CURRENT_TIMESTAMP return the row time, so reruns are identical', () => {
    const rowtime = ts('2024-01-01 00:00:01.500');
    expect(call('CURRENT_ROW_TIMESTAMP', [], [], rowtime)).toBe(rowtime);
    expect(call('CURRENT_TIMESTAMP', [], [], rowtime)).toBe(rowtime);
    expect(call('LOCALTIMESTAMP', [], [], rowtime)).toBe(rowtime);
    expect(call('CURRENT_DATE', [], [], rowtime)).toBe(ts('2024-01-01 00:00:00'));
    expect(call('CURRENT_TIME', [], [], rowtime)).toBe(1500);
  });
  it('TSDIFF gives ts1 − ts2 in ms', () => {
    expect(call('TSDIFF', [ts('2024-01-01 00:01:00'), ts('2024-01-01 00:00:00')], [TS, TS])).toBe(60_000);
  });
});

describe('EXTRACT(unit FROM x)', () => {
  const t = ts('2024-02-29 13:45:56.789');
  it('reads fields of a timestamp; SECOND keeps its fraction (issue 13)', () => {
    const ex = (u: string) => call('EXTRACT', [u, t], [T.varchar(8), TS]);
    expect([ex('YEAR'), ex('MONTH'), ex('DAY'), ex('HOUR'), ex('MINUTE'), ex('SECOND')]).toEqual([
      2024, 2, 29, 13, 45, 56.789,
    ]);
    expect(ex('QUARTER')).toBe(1);
    expect(ex('DOY')).toBe(60);
    expect(ex('DOW')).toBe(5); // Thursday, with Sunday = 1
    expect(ex('MILLISECOND')).toBe(789);
  });
  it("reads fields of a day-time interval: INTERVAL '2 3:4:5' DAY TO SECOND", () => {
    const iv = ((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000;
    expect(call('EXTRACT', ['DAY', iv], [T.varchar(3), DT])).toBe(2);
    expect(call('EXTRACT', ['HOUR', iv], [T.varchar(4), DT])).toBe(3);
    expect(call('EXTRACT', ['MINUTE', iv], [T.varchar(6), DT])).toBe(4);
    expect(call('EXTRACT', ['SECOND', iv + 250], [T.varchar(6), DT])).toBe(5.25);
  });
  it('rejects unknown fields at validation time', () => {
    expect(() => typeOf('EXTRACT', [T.varchar(9), TS], ['FORTNIGHT'])).toThrow(/unknown field FORTNIGHT/);
    expect(call('EXTRACT', ['YEAR', null], [T.varchar(4), TS])).toBeNull();
  });
});
