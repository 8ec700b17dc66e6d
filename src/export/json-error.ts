/**
 * Where is a JSON text broken? JSON.parse messages differ between engines and often carry no
 * position, so when it fails we scan the text ourselves for the first error and report it as
 * line:column (1-based, columns counted in UTF-16 code units like editors do).
 */

export interface JsonErrorLocation {
  message: string;
  offset: number;
  line: number;
  column: number;
}

class Fail extends Error {
  constructor(
    message: string,
    public offset: number,
  ) {
    super(message);
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function charName(ch: string | undefined): string {
  if (ch === undefined) return 'end of file';
  if (ch === '\n') return 'line break';
  return `'${ch}'`;
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const unexpected = (expected: string): never => {
    throw new Fail(`Unexpected ${charName(text[i])}, expected ${expected}`, i);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else unexpected('a value');
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            throw new Fail('Bad \\u escape in string', i);
          i += 6;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i += 2;
        else throw new Fail(`Bad escape ${charName(esc)} in string`, i);
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) throw new Fail(`Unexpected ${charName(ch)} inside a string`, i);
      i++;
    }
    throw new Fail('Unterminated string', i);
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') unexpected('a value');
    else i += m[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 5_000) throw new Fail('Too deeply nested', i);
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') unexpected('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') unexpected("':'");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        unexpected("',' or '}'");
      }
    } else if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        unexpected("',' or ']'");
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else unexpected('a value');
  };
  try {
    value(0);
    ws();
    if (i < text.length) unexpected('end of file');
    return null;
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return { message: e.message, offset: e.offset, ...lineColumn(text, e.offset) };
  }
}
