import { describe, expect, it } from 'vitest';
import { likeToRegExp, similarToRegExp } from './patterns.ts';
import { call, typeOf } from './testUtil.ts';
import { T } from './util.ts';

describe('string functions', () => {
  it('SUBSTRING: the SQL Reference examples', () => {
    const sub = (from: number, n: number) => call('SUBSTRING', ['123456789', from, n]);
    expect([sub(3, 4), sub(17, 4), sub(-1, 4), sub(6, 0), sub(8, 4)]).toEqual(['3456', '', '12', '', '89']);
  });

  it('SUBSTRING(s FROM regex [FOR n]) returns the first match, NULL when none', () => {
    expect(call('SUBSTRING', ['TECHNOLOGY', 'L[A-Z]*'])).toBe('LOGY');
    expect(call('SUBSTRING', ['TECHNOLOGY', 'L[A-Z]*', 2])).toBe('LO');
    expect(call('SUBSTRING', ['TECHNOLOGY', '[0-9]+'])).toBeNull();
  });

  it('SUBSTRING(s FROM i FOR n) follows the SQL standard, including starts before 1', () => {
    expect(call('SUBSTRING', ['hello world', 7])).toBe('world');
    expect(call('SUBSTRING', ['hello world', 1, 5])).toBe('hello');
    expect(call('SUBSTRING', ['hello', 0, 3])).toBe('he'); // positions 0..2 → only 1..2 exist
    expect(call('SUBSTRING', ['hello', 10, 2])).toBe('');
    expect(call('SUBSTRING', ['寿司ビール', 2, 2])).toBe('司ビ');
    expect(() => call('SUBSTRING', ['hello', 1, -1])).toThrow(/negative length/);
    expect(call('SUBSTRING', [null, 1, 2], [T.varchar(5), T.integer, T.integer])).toBeNull();
  });

  it('POSITION: the SQL Reference examples', () => {
    expect(call('POSITION', ['findme', '1234findmeXXX'])).toBe(5);
    expect(call('POSITION', ['findme', '1234not-hereXXX'])).toBe(0);
    expect(call('POSITION', ['1', '1234567'])).toBe(1);
    expect(call('POSITION', ['7', '1234567'])).toBe(7);
    expect(call('POSITION', ['', '1234567'])).toBe(1);
  });

  it('POSITION(a IN b) is 1-based and 0 when absent', () => {
    expect(call('POSITION', ['world', 'hello world'])).toBe(7);
    expect(call('POSITION', ['xyz', 'hello world'])).toBe(0);
    expect(call('POSITION', ['o', 'hello world', 6])).toBe(8);
    expect(call('POSITION', ['', 'abc'])).toBe(1);
  });

  it('TRIM: the SQL Reference examples', () => {
    expect(call('TRIM', ['BOTH', ' ', ' Trim front and back '])).toBe('Trim front and back');
    expect(call('TRIM', ['LEADING', 'x', 'xxxTrim frontxxx'])).toBe('Trim frontxxx');
    expect(call('TRIM', ['TRAILING', 'x', 'xxxTrimxBackxxx'])).toBe('xxxTrimxBack');
    expect(call('TRIM', ['BOTH', 'y', 'xxxNo y to trimxxx'])).toBe('xxxNo y to trimxxx');
    expect(() => call('TRIM', ['BOTH', '', 'abc'])).toThrow(/one character/);
  });

  it('TRIM removes one character from the chosen side(s)', () => {
    expect(call('TRIM', ['BOTH', ' ', '  padded  '])).toBe('padded');
    expect(call('TRIM', ['LEADING', 'x', 'xxabcxx'])).toBe('abcxx');
    expect(call('TRIM', ['TRAILING', 'x', 'xxabcxx'])).toBe('xxabc');
    expect(call('TRIM', ['  plain  '])).toBe('plain');
    expect(() => call('TRIM', ['BOTH', 'xy', 'xyz'])).toThrow(/one character/);
  });

  it('UPPER, LOWER, INITCAP keep the declared VARCHAR length', () => {
    expect(call('UPPER', ['Ticker amzn'])).toBe('TICKER AMZN');
    expect(call('LOWER', ['Ticker AMZN'])).toBe('ticker amzn');
    // The SQL Reference example; words are space-delimited, so 'letter-of' keeps its lower-case 'of'.
    expect(call('INITCAP', ['Each FIRST lEtTeR is cAPITALIZED'])).toBe('Each First Letter Is Capitalized');
    expect(call('INITCAP', ['each FIRST letter-of a word'])).toBe('Each First Letter-of A Word');
    expect(typeOf('UPPER', [T.varchar(16)])).toEqual(T.varchar(16));
    expect(() => typeOf('UPPER', [T.integer])).toThrow(/character string/);
  });

  it('CHAR_LENGTH / CHARACTER_LENGTH count characters, not UTF-16 units', () => {
    expect(call('CHAR_LENGTH', ['moustache'])).toBe(9);
    expect(call('CHARACTER_LENGTH', ['🍣寿司'])).toBe(3);
  });

  it('OVERLAY: the SQL Reference examples, including starts below 1 and beyond the end', () => {
    const ov = (from: number, n?: number) =>
      call('OVERLAY', n === undefined ? ['12345', 'foo', from] : ['12345', 'foo', from, n]);
    expect([ov(1), ov(0), ov(-2), ov(4), ov(17)]).toEqual([
      'foo45',
      'foo345',
      'foo12345',
      '123foo',
      '12345foo',
    ]);
    expect([ov(2, 0), ov(2, 2), ov(2, 9)]).toEqual(['1foo2345', '1foo45', '1foo']);
    expect(() => ov(2, -1)).toThrow(/negative length/);
  });

  it('REGEX_REPLACE: the docs example replaces TECHNOLOGY in every sector', () => {
    expect(call('REGEX_REPLACE', ['TECHNOLOGY', 'TECHNOLOGY', 'INFORMATION TECHNOLOGY', 1, 0])).toBe(
      'INFORMATION TECHNOLOGY',
    );
    expect(call('REGEX_REPLACE', ['a1b22c333', '\\d+', '#', 1, 0])).toBe('a#b#c#');
    expect(call('REGEX_REPLACE', ['a1b22c333', '\\d+', '#', 1, 2])).toBe('a1b#c333');
    expect(call('REGEX_REPLACE', ['a1b22c333', '\\d+', '#', 4, 0])).toBe('a1b#c#');
    expect(call('REGEX_REPLACE', ['2024-01-31', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1', 1, 0])).toBe(
      '31/01/2024',
    );
    expect(call('REGEX_REPLACE', ['abc', 'b', '\\$', 1, 0])).toBe('a$c');
    expect(call('REGEX_REPLACE', ['abc', 'b', 'x', 9, 0])).toBe('abc');
    expect(() => call('REGEX_REPLACE', ['abc', '(', 'x', 1, 0])).toThrow(/invalid regular expression/);
    expect(() => call('REGEX_REPLACE', ['abc', 'b', 'x', 0, 0])).toThrow(/startPosition/);
    expect(() => call('REGEX_REPLACE', ['abc', 'b', 'x', 1, -1])).toThrow(/occurrence/);
  });
});

describe('LIKE and SIMILAR TO matchers', () => {
  it('LIKE: % and _ wildcards, anchored, with ESCAPE', () => {
    expect(likeToRegExp('%TECH%').test('INFORMATION TECHNOLOGY')).toBe(true);
    expect(likeToRegExp('A_ZN').test('AMZN')).toBe(true);
    expect(likeToRegExp('A_ZN').test('AMMZN')).toBe(false);
    expect(likeToRegExp('100!%', '!').test('100%')).toBe(true);
    expect(likeToRegExp('100!%', '!').test('1000')).toBe(false);
    expect(likeToRegExp('a.c').test('abc')).toBe(false);
    expect(() => likeToRegExp('a!b', '!')).toThrow(/invalid escape/);
  });

  it('SIMILAR TO: alternation, repetition and bracket classes; "." is literal', () => {
    expect(similarToRegExp('%TECH%').test('TECHNOLOGY')).toBe(true);
    expect(similarToRegExp('(AMZN|MSFT)').test('MSFT')).toBe(true);
    expect(similarToRegExp('(AMZN|MSFT)').test('INTC')).toBe(false);
    expect(similarToRegExp('[A-Z]{3,4}').test('AMZN')).toBe(true);
    expect(similarToRegExp('[A-Z]{3,4}').test('AMAZON')).toBe(false);
    expect(similarToRegExp('[[:DIGIT:]]+').test('2024')).toBe(true);
    expect(similarToRegExp('a.c').test('abc')).toBe(false);
    expect(similarToRegExp('a.c').test('a.c')).toBe(true);
    expect(() => similarToRegExp('(ab')).toThrow(/unbalanced/);
  });
});
