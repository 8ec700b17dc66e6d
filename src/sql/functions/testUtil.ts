/** Test helper: call a library function the way the runtime does (types inferred from the values). */
import type { SqlType, SqlValue } from '../types.ts';
import { SCALAR_FUNCTIONS } from './index.ts';
import { T } from './util.ts';

export function typeOfValue(v: SqlValue): SqlType {
  if (v === null) return { base: 'NULL' };
  if (typeof v === 'boolean') return T.boolean;
  if (typeof v === 'number') return Number.isInteger(v) ? T.integer : T.double;
  if (typeof v === 'string') return T.varchar(Math.max(1, v.length));
  return { base: 'ANY' };
}

/** Evaluates NAME(args) with ROWTIME = `rowtime` (ms); `types` overrides the inferred argument types. */
export function call(name: string, args: SqlValue[], types?: SqlType[], rowtime = 0): SqlValue {
  const fn = SCALAR_FUNCTIONS[name];
  if (!fn) throw new Error(`no function ${name}`);
  const argTypes = types ?? args.map(typeOfValue);
  fn.returnType(argTypes, args);
  return fn.evaluate(args, argTypes, { rowtime });
}

/** The static result type for NAME with these argument types and literal values. */
export function typeOf(name: string, argTypes: SqlType[], literals: (SqlValue | undefined)[] = []): SqlType {
  const fn = SCALAR_FUNCTIONS[name];
  if (!fn) throw new Error(`no function ${name}`);
  return fn.returnType(argTypes, literals);
}

export const ts = (iso: string): number => Date.parse(`${iso.replace(' ', 'T')}Z`);
