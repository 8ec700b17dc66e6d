import { describe, expect, it } from 'vitest';
import { discoverSchema, toIdentifier } from './discover.ts';

describe('discoverSchema (JSON)', () => {
  it('reproduces the console on the stock ticker demo stream', () => {
    const samples = [
      '{"TICKER_SYMBOL": "AMZN", "SECTOR": "TECHNOLOGY", "CHANGE": -0.36, "PRICE": 845.11}',
      '{"TICKER_SYMBOL": "TBV", "SECTOR": "FINANCIAL", "CHANGE": 0.5, "PRICE": 33}',
      '{"TICKER_SYMBOL": "ASD", "SECTOR": "HEALTHCARE", "CHANGE": 1, "PRICE": 96.2}',
    ];
    expect(discoverSchema(samples, 'JSON')).toEqual([
      { name: 'TICKER_SYMBOL', sqlType: 'VARCHAR(4)', mapping: '$.TICKER_SYMBOL' },
      { name: 'SECTOR', sqlType: 'VARCHAR(16)', mapping: '$.SECTOR' },
      { name: 'CHANGE', sqlType: 'DOUBLE', mapping: '$.CHANGE' },
      { name: 'PRICE', sqlType: 'DOUBLE', mapping: '$.PRICE' },
    ]);
  });

  it('flattens nested objects with $.a.b mappings and infers INTEGER, BIGINT, BOOLEAN, TIMESTAMP', () => {
    const samples = [
      '{"deviceId": 7, "ts": "2024-01-31 12:00:00", "reading": {"temp": 21, "ok": true}, "seq": 5000000000}',
      '{"deviceId": 8, "ts": "2024-01-31T12:00:01.250Z", "reading": {"temp": 22, "ok": false}, "seq": 1}',
    ];
    expect(discoverSchema(samples, 'JSON')).toEqual([
      { name: 'DEVICEID', sqlType: 'INTEGER', mapping: '$.deviceId' },
      { name: 'TS', sqlType: 'TIMESTAMP', mapping: '$.ts' },
      { name: 'TEMP', sqlType: 'INTEGER', mapping: '$.reading.temp' },
      { name: 'OK', sqlType: 'BOOLEAN', mapping: '$.reading.ok' },
      { name: 'SEQ', sqlType: 'BIGINT', mapping: '$.seq' },
    ]);
  });

  it('widens conflicting types across samples and names clashing leaves by their path', () => {
    const samples = [
      '{"a": {"id": 1}, "b": {"id": "x"}, "v": 1, "w": 1, "n": null}',
      '{"a": {"id": 2}, "b": {"id": "yy"}, "v": 2.5, "w": "text"}',
    ];
    expect(discoverSchema(samples, 'JSON')).toEqual([
      { name: 'A_ID', sqlType: 'INTEGER', mapping: '$.a.id' },
      { name: 'B_ID', sqlType: 'VARCHAR(2)', mapping: '$.b.id' },
      { name: 'V', sqlType: 'DOUBLE', mapping: '$.v' },
      { name: 'W', sqlType: 'VARCHAR(4)', mapping: '$.w' },
      { name: 'N', sqlType: 'VARCHAR(8)', mapping: '$.n' },
    ]);
  });

  it('makes valid identifiers: reserved words get COL_, odd keys are bracket-quoted in the path', () => {
    const cols = discoverSchema(
      ['{"timestamp": "x", "user name": "ann", "1st": 1, "tags": ["a", "b"]}'],
      'JSON',
    );
    expect(cols).toEqual([
      { name: 'COL_TIMESTAMP', sqlType: 'VARCHAR(1)', mapping: '$.timestamp' },
      { name: 'USER_NAME', sqlType: 'VARCHAR(4)', mapping: "$['user name']" },
      { name: 'COL_1ST', sqlType: 'INTEGER', mapping: "$['1st']" },
      { name: 'TAGS', sqlType: 'VARCHAR(16)', mapping: '$.tags' },
    ]);
    expect(toIdentifier('has-mustache?')).toBe('HAS_MUSTACHE');
  });

  it('skips unreadable samples but reports when none can be read', () => {
    expect(discoverSchema(['not json', '{"x": 1}'], 'JSON')).toEqual([
      { name: 'X', sqlType: 'INTEGER', mapping: '$.x' },
    ]);
    expect(() => discoverSchema(['not json', '[1]'], 'JSON')).toThrow(/sample 1/);
    expect(() => discoverSchema(['  '], 'JSON')).toThrow(/No sample records/);
  });
});

describe('discoverSchema (CSV)', () => {
  it('names columns COL_0… and infers types from the text, honouring quotes', () => {
    const samples = [
      'AMZN,"TECHNOLOGY, INC",845.11,12,true,2024-01-31 12:00:00',
      'TBV,FINANCIAL,33,7,false,2024-01-31 12:00:01',
    ];
    expect(discoverSchema(samples, 'CSV')).toEqual([
      { name: 'COL_0', sqlType: 'VARCHAR(4)', mapping: '' },
      { name: 'COL_1', sqlType: 'VARCHAR(16)', mapping: '' },
      { name: 'COL_2', sqlType: 'DOUBLE', mapping: '' },
      { name: 'COL_3', sqlType: 'INTEGER', mapping: '' },
      { name: 'COL_4', sqlType: 'BOOLEAN', mapping: '' },
      { name: 'COL_5', sqlType: 'TIMESTAMP', mapping: '' },
    ]);
  });
});
