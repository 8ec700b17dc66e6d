/**
 * `checkSql`: parse + validate, with one-click fixes for the streaming rules people trip on most.
 * The headline case is the query from the product's source talk,
 *   SELECT STREAM COUNT(*) AS MUSTACH_COUNT, STEP(ROWTIME BY INTERVAL '1' SECOND)
 *   FROM SOURCE_STREAM WHERE HAS_MUSTACH = TRUE;
 * an aggregate over a stream without a ROWTIME GROUP BY, whose fix declares a destination stream
 * with columns derived from the select list and a pump that groups by the STEP expression.
 */
import type { Expr, Ident, Program, Select, Statement } from './ast.ts';
import { typeText } from './literals.ts';
import { parseSql } from './parser.ts';
import type { PlanContext } from './plan/select.ts';
import { printExpr, printSelect, quoteName } from './printer.ts';
import type { SqlProblem } from './problems.ts';
import { type AppInputs, analyzeProgram } from './program.ts';

export function checkSql(
  text: string,
  inputs: AppInputs['inputs'],
  reference?: AppInputs['reference'],
): SqlProblem[] {
  const parsed = parseSql(text);
  if (!parsed.ok) return parsed.errors;
  const app: AppInputs = { inputs, reference };
  const a = analyzeProgram(parsed.program, app, fixHooks(text, parsed.program, app));
  const problems = a.problems.list;
  // An unknown stream with exactly one input: offer to use the input.
  for (const p of problems) {
    const m = /^Unknown stream (.+?): the application's input stream is "(.+)"$/.exec(p.message);
    if (!m || p.fix) continue;
    const start = offsetOf(text, p.line, p.column);
    const end = offsetOf(text, p.endLine, p.endColumn) + 1;
    p.fix = {
      title: `Read from "${m[2]}"`,
      text: text.slice(0, start) + quoteName(m[2] as string) + text.slice(end),
    };
  }
  // SELECT on a stream without STREAM: insert the keyword.
  for (const p of problems) {
    if (p.fix || !p.message.startsWith('A query on a stream needs SELECT STREAM')) continue;
    const at = offsetOf(text, p.line, p.column) + 'SELECT'.length;
    p.fix = { title: 'Add STREAM', text: `${text.slice(0, at)} STREAM${text.slice(at)}` };
  }
  return problems.sort((x, y) => x.line - y.line || x.column - y.column);
}

export function offsetOf(text: string, line: number, column: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return off + column - 1;
}

const TIME_FUNCS = new Set(['STEP', 'FLOOR', 'CEIL', 'CEILING']);

function refersToRowtime(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some(refersToRowtime);
  const n = e as Expr;
  if (n.kind === 'ref') return n.parts[n.parts.length - 1]?.name.toUpperCase() === 'ROWTIME';
  return Object.entries(e).some(([k, v]) => k !== 'span' && refersToRowtime(v));
}

const isTimeWindow = (e: Expr) =>
  e.kind === 'call' && TIME_FUNCS.has(e.name.name) && refersToRowtime(e.args[0]);

function unique(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

function fixHooks(text: string, program: Program, app: AppInputs): PlanContext['fixes'] {
  const owner = (sel: Select): Statement | undefined =>
    program.statements.find((s) => (s.kind === 'query' || s.kind === 'createPump') && s.query === sel);
  /** Stream name for the rewritten query: the one it reads, or the only input when that is unknown. */
  const streamOf = (sel: Select): { printed: string; from: string; qualifier: string } | undefined => {
    if (sel.from.kind !== 'stream') return undefined;
    const name = sel.from.name.name;
    const known =
      app.inputs.some((i) => i.name === name) ||
      program.statements.some((s) => s.kind === 'createStream' && s.name.name === name);
    const real = known
      ? name
      : app.inputs.length === 1
        ? (app.inputs[0] as { name: string }).name
        : undefined;
    if (!real) return undefined;
    const printed = quoteName(real);
    return { printed, from: name, qualifier: sel.from.alias ? sel.from.alias.text : printed };
  };
  const splice = (st: Statement, replacement: string) => {
    const after = text.slice(st.span.endOffset);
    const semi = /^\s*;/.test(after) ? '' : ';';
    return text.slice(0, st.span.offset) + replacement + semi + after;
  };
  return {
    missingGroupBy(sel) {
      const st = owner(sel);
      const s = streamOf(sel);
      if (!st || !s || sel.unionAll) return undefined;
      const opts = {
        ref: (parts: Ident[]) => {
          const last = parts[parts.length - 1];
          if (!last) return undefined;
          if (parts.length === 1 && last.name === 'ROWTIME') return `${s.qualifier}.ROWTIME`;
          if (parts.length === 2 && parts[0]?.name === s.from && !Object.hasOwn(sel.from, 'alias'))
            return `${s.printed}.${last.text}`;
          return undefined;
        },
        stream: () => s.printed,
      };
      const items = sel.items.map((it) => it.expr);
      let timeIdx = items.findIndex((e) => isTimeWindow(e));
      const keys: string[] = items
        .filter((e) => e.kind === 'ref' && !refersToRowtime(e))
        .map((e) => printExpr(e, opts));
      const extra = timeIdx < 0 ? `STEP(${s.qualifier}.ROWTIME BY INTERVAL '1' MINUTE)` : undefined;
      const timeText = extra ?? printExpr(items[timeIdx] as Expr, opts);
      keys.push(timeText);
      const aliases = sel.items.map((it, i) =>
        it.alias
          ? undefined
          : i === timeIdx
            ? 'WINDOW_TIME'
            : it.expr.kind === 'ref'
              ? undefined
              : `COL_${i + 1}`,
      );
      const fixedSel: Select = { ...sel, stream: true, groupBy: [] };
      let selectText = printSelect(fixedSel, opts, aliases).replace(/\nGROUP BY $/, '');
      if (extra && st.kind === 'query') {
        selectText = selectText.replace(/\nFROM /, `, ${extra} AS WINDOW_TIME\nFROM `);
        timeIdx = sel.items.length;
      }
      selectText += `\nGROUP BY ${keys.join(', ')}`;
      if (st.kind === 'createPump') {
        return {
          title: 'Group by a ROWTIME window',
          text: splice(st, `${text.slice(st.span.offset, sel.span.offset)}${selectText}`),
        };
      }
      // Types of the new stream's columns: analyse the fixed query on its own.
      const probe = parseSql(`${selectText};`);
      if (!probe.ok) return undefined;
      const a = analyzeProgram(probe.program, app);
      if (a.problems.hasErrors) return undefined;
      const cols = a.streams[0]?.columns ?? [];
      const taken = new Set(
        program.statements.flatMap((x) =>
          x.kind === 'createStream' || x.kind === 'createPump' ? [x.name.name] : [],
        ),
      );
      const dest = quoteName(unique('DESTINATION_SQL_STREAM', taken));
      const pump = quoteName(unique('STREAM_PUMP', taken));
      const decl = cols
        .map((c, i) => {
          const e = items[i];
          const count = e && e.kind === 'call' && e.name.name === 'COUNT';
          const type = count ? 'INTEGER' : typeText(c.type);
          return `${/^[A-Z_][A-Z0-9_]*$/.test(c.name) ? c.name : quoteName(c.name)} ${type}`;
        })
        .join(', ');
      const replacement = `CREATE OR REPLACE STREAM ${dest} (${decl});\nCREATE OR REPLACE PUMP ${pump} AS INSERT INTO ${dest}\n${selectText}`;
      return {
        title: `Group by ${timeText} and insert into ${dest} with a pump`,
        text: splice(st, replacement),
      };
    },
    noMonotonicKey(sel) {
      const last = sel.groupBy?.[sel.groupBy.length - 1];
      if (!last) return undefined;
      const q = sel.from.kind === 'stream' ? (sel.from.alias?.text ?? sel.from.name.text) : undefined;
      const step = `STEP(${q ? `${q}.` : ''}ROWTIME BY INTERVAL '1' MINUTE)`;
      return {
        title: `Add ${step} to GROUP BY`,
        text: `${text.slice(0, last.span.endOffset)}, ${step}${text.slice(last.span.endOffset)}`,
      };
    },
  };
}
