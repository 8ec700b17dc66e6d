import { describe, expect, it } from 'vitest';
import { call, typeOf } from './testUtil.ts';
import { T } from './util.ts';

const V = T.varchar(1024);

describe('W3C_LOG_PARSE (SQL Reference example 1, COMMON format)', () => {
  const lines = [
    '192.168.254.30 - John [24/May/2004:22:01:02 -0700] "GET /icons/apache_pb.gif HTTP/1.1" 304 0',
    '192.168.254.30 - Jane [24/May/2004:22:01:02 -0700] "GET /icons/small/dir.gif HTTP/1.1" 304 0',
  ];
  it('returns COLUMN1…COLUMN7 with the documented values', () => {
    expect(call('W3C_LOG_PARSE', [lines[0] as string, 'COMMON'])).toEqual({
      COLUMN1: '192.168.254.30',
      COLUMN2: '-',
      COLUMN3: 'John',
      COLUMN4: '[24/May/2004:22:01:02 -0700]',
      COLUMN5: 'GET /icons/apache_pb.gif HTTP/1.1',
      COLUMN6: '304',
      COLUMN7: '0',
    });
    expect((call('W3C_LOG_PARSE', [lines[1] as string, 'COMMON']) as Record<string, string>).COLUMN3).toBe(
      'Jane',
    );
  });
  it('declares the ROW type when validated (7 VARCHAR columns for COMMON, 9 for NCSA EXTENDED)', () => {
    const t = typeOf('W3C_LOG_PARSE', [V, T.varchar(6)], [undefined, 'COMMON']);
    expect(t.fields?.map((f) => f.name)).toEqual([
      'COLUMN1',
      'COLUMN2',
      'COLUMN3',
      'COLUMN4',
      'COLUMN5',
      'COLUMN6',
      'COLUMN7',
    ]);
    expect(typeOf('W3C_LOG_PARSE', [V, V], [undefined, 'NCSA EXTENDED']).fields).toHaveLength(9);
    expect(() => typeOf('W3C_LOG_PARSE', [V, V], [undefined, undefined])).toThrow(/literal/);
  });
  it('a custom format with [%t] drops the brackets, as the docs note', () => {
    const r = call('W3C_LOG_PARSE', [lines[0] as string, '%h %l %u [%t] "%r" %>s %b']) as Record<
      string,
      string
    >;
    expect(r.COLUMN4).toBe('24/May/2004:22:01:02 -0700');
  });
  it('NCSA EXTENDED adds referer and user agent', () => {
    const line = `${lines[0]} "http://example.com/" "Mozilla/5.0 (X11)"`;
    const r = call('W3C_LOG_PARSE', [line, 'NCSA EXTENDED']) as Record<string, string>;
    expect([r.COLUMN8, r.COLUMN9]).toEqual(['http://example.com/', 'Mozilla/5.0 (X11)']);
  });
  it('a line that does not fit gives NULL', () => {
    expect(call('W3C_LOG_PARSE', ['not a log line', 'COMMON'])).toBeNull();
  });
});

describe('REGEX_LOG_PARSE / FAST_REGEX_LOG_PARSE', () => {
  it('SQL Reference example: .*([E].).*([R].*) on sector values (Java backtracking)', () => {
    // The greedy .* first tries the last E ("ER"), finds no R after it and backtracks to "EN".
    expect(call('REGEX_LOG_PARSE', ['ENERGY', '.*([E].).*([R].*)'])).toEqual({
      COLUMN1: 'EN',
      COLUMN2: 'RGY',
    });
    expect(call('REGEX_LOG_PARSE', ['HEALTHCARE', '.*([E].).*([R].*)'])).toEqual({
      COLUMN1: 'EA',
      COLUMN2: 'RE',
    });
    expect(call('REGEX_LOG_PARSE', ['TECHNOLOGY', '.*([E].).*([R].*)'])).toBeNull();
  });
  it('REGEX_LOG_PARSE is greedy, FAST_REGEX_LOG_PARSE lazy ("stops at the first match")', () => {
    expect(call('REGEX_LOG_PARSE', ['a-b-c', '(.*)-(.*)'])).toEqual({ COLUMN1: 'a-b', COLUMN2: 'c' });
    expect(call('FAST_REGEX_LOG_PARSE', ['a-b-c', '(.*)-(.*)'])).toEqual({ COLUMN1: 'a', COLUMN2: 'b-c' });
    expect(call('FAST_REGEX_LOG_PARSE', ['id=42;', 'id=(\\d+);'])).toEqual({ COLUMN1: '42' });
    expect(call('FAST_REGEX_LOG_PARSE', ['x', '(?:y)?(x{1,2})'])).toEqual({ COLUMN1: 'x' });
  });

  it('one VARCHAR(1024) column per group; a column list names and types them', () => {
    const t = typeOf('REGEX_LOG_PARSE', [V, V], [undefined, '(\\w+)=(\\d+)']);
    expect(t.fields).toEqual([
      { name: 'COLUMN1', type: V },
      { name: 'COLUMN2', type: V },
    ]);
    expect(
      call('FAST_REGEX_LOG_PARSE', ['speed=42', '(\\w+)=(\\d+)', 'KEY VARCHAR(8), VAL INTEGER']),
    ).toEqual({
      KEY: 'speed',
      VAL: 42,
    });
    expect(() => call('REGEX_LOG_PARSE', ['x', '(unclosed'])).toThrow(/invalid regular expression/);
  });
});

describe('VARIABLE_COLUMN_LOG_PARSE', () => {
  it('splits on the delimiter into COLUMN1…n', () => {
    expect(call('VARIABLE_COLUMN_LOG_PARSE', ['a,b,c', 3, ','])).toEqual({
      COLUMN1: 'a',
      COLUMN2: 'b',
      COLUMN3: 'c',
    });
    expect(call('VARIABLE_COLUMN_LOG_PARSE', ['a,b', 3, ','])).toEqual({
      COLUMN1: 'a',
      COLUMN2: 'b',
      COLUMN3: null,
    });
  });
  it('honours escape and quote characters (the docs: "a\\,b" is one field)', () => {
    expect(call('VARIABLE_COLUMN_LOG_PARSE', ['a\\,b,c', 2, ',', '\\', '"'])).toEqual({
      COLUMN1: 'a,b',
      COLUMN2: 'c',
    });
    expect(call('VARIABLE_COLUMN_LOG_PARSE', ['"x,y",z', 2, ',', '\\', '"'])).toEqual({
      COLUMN1: 'x,y',
      COLUMN2: 'z',
    });
  });
  it('a typed column list converts fields, including a TIMESTAMP with its own format', () => {
    const cols = 'COL_1 TYPE VARCHAR(16), COL_2 TYPE INTEGER, "when" TYPE TIMESTAMP \'dd/MMM/yyyy:HH:mm:ss\'';
    const r = call('VARIABLE_COLUMN_LOG_PARSE', ['abc|17|24/May/2004:22:01:02', cols, '|']);
    expect(r).toEqual({ COL_1: 'abc', COL_2: 17, when: Date.UTC(2004, 4, 24, 22, 1, 2) });
    expect(typeOf('VARIABLE_COLUMN_LOG_PARSE', [V, V, V], [undefined, cols]).fields?.[1]).toEqual({
      name: 'COL_2',
      type: T.integer,
    });
    expect(() => call('VARIABLE_COLUMN_LOG_PARSE', ['abc|x|', cols, '|'])).toThrow(
      /cannot convert 'x' to INTEGER/,
    );
  });
});
