import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import {
  evaluatePrefix,
  formatJavaTimestamp,
  objectName,
  rotatedIndexName,
  seededUuid,
  usWeek,
} from './naming.ts';

// AWS's own example instant: 2016-02-25T13:00:00Z.
const T = Date.UTC(2016, 1, 25, 13, 0, 0);

describe('OpenSearch index rotation (AWS example for 2016-02-25T13:00Z)', () => {
  it('names the index as the Firehose documentation shows', () => {
    expect(rotatedIndexName('myindex', 'NoRotation', T)).toBe('myindex');
    expect(rotatedIndexName('myindex', 'OneHour', T)).toBe('myindex-2016-02-25-13');
    expect(rotatedIndexName('myindex', 'OneDay', T)).toBe('myindex-2016-02-25');
    expect(rotatedIndexName('myindex', 'OneWeek', T)).toBe('myindex-2016-w08');
    expect(rotatedIndexName('myindex', 'OneMonth', T)).toBe('myindex-2016-02');
  });

  it('counts weeks the US way: Sunday starts a week; week 1 opens on the first Sunday of the year', () => {
    // 2016-01-01 was a Friday: Jan 1–2 still belong to 2015's week 52; Sunday Jan 3 opens week 1.
    expect(usWeek(Date.UTC(2016, 0, 2))).toEqual({ year: 2015, week: 52 });
    expect(usWeek(Date.UTC(2016, 0, 3))).toEqual({ year: 2016, week: 1 });
    expect(usWeek(Date.UTC(2016, 1, 20))).toEqual({ year: 2016, week: 7 }); // Saturday
    expect(usWeek(Date.UTC(2016, 1, 21))).toEqual({ year: 2016, week: 8 }); // Sunday
  });
});

describe('S3 prefixes and object names', () => {
  const rng = () => new Rng(1);

  it('uses YYYY/MM/dd/HH/ in UTC by default', () => {
    expect(evaluatePrefix('', T + 59 * 60_000, rng())).toBe('2016/02/25/13/');
  });

  it('appends the default time path to a prefix without a timestamp expression', () => {
    expect(evaluatePrefix('clicks/', T, rng())).toBe('clicks/2016/02/25/13/');
  });

  it('evaluates !{timestamp:…} and !{firehose:…} expressions', () => {
    const p = evaluatePrefix(
      'year=!{timestamp:yyyy}/month=!{timestamp:MM}/!{firehose:random-string}/',
      T,
      rng(),
    );
    expect(p).toMatch(/^year=2016\/month=02\/[a-z0-9]{11}\/$/);
    expect(
      evaluatePrefix(
        'err/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
        T,
        rng(),
        'processing-failed',
      ),
    ).toBe('err/processing-failed/2016/02/25/');
  });

  it('names objects <stream>-<version>-YYYY-MM-dd-HH-mm-ss-<uuid>', () => {
    const name = objectName('clickstream', 1, T + 7_000, seededUuid(rng()));
    expect(name).toMatch(
      /^clickstream-1-2016-02-25-13-00-07-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(seededUuid(rng())).toBe(seededUuid(rng()));
  });

  it('formats Java patterns with quoted literals', () => {
    expect(formatJavaTimestamp("yyyy-MM-dd'T'HH:mm:ss.SSS", T + 1234)).toBe('2016-02-25T13:00:01.234');
  });
});
