/**
 * One KDA `SELECT STREAM …` as a Flink SQL query. ROWTIME windows become Flink's:
 * - GROUP BY STEP(ROWTIME BY i) / FLOOR(ROWTIME TO unit) → TUMBLE window table function, grouped by
 *   window_start, window_end (STEP/FLOOR of ROWTIME in the select list is window_start, a group's
 *   ROWTIME its window_end, as in KDA where a tumbling group's ROWTIME is its window's end);
 * - WINDOW / OVER (RANGE INTERVAL … PRECEDING | ROWS n PRECEDING) → OVER (… ORDER BY proc … AND CURRENT ROW);
 * - a stream joined inside another's window (`FROM a OVER (RANGE …) AS x JOIN b …`) → interval join;
 * - WINDOWED BY STAGGER → a session window (approximate);
 * - TOP_K_ITEMS_TUMBLING / COUNT_DISTINCT_ITEMS_TUMBLING → window Top-N / COUNT(DISTINCT) per TUMBLE.
 * Output columns are aliased to the target's names and cast to its types (Flink refuses an INSERT
 * whose types differ, e.g. COUNT(*)'s BIGINT into an INT column).
 */
import type { Expr, FromItem, Ident, Select, WindowRef, WindowSpec } from '../../sql/ast.ts';
import { TABLE_FUNCTIONS } from '../../sql/index.ts';
import { type ExprCtx, flinkExpr, isRowtime, Untranslatable } from './expr.ts';
import { flinkInterval, flinkName } from './names.ts';
import { type Catalog, columnType, type FlinkColumn, type FromSource, findSource } from './scope.ts';

export interface QueryNotes {
  approx: string[];
}

interface Window {
  interval: string;
  /** The STEP / FLOOR call (or any like it) that stands for window_start. */
  matches(e: Expr): boolean;
}

const rowtimeWindow = (e: Expr): string | undefined => {
  if (e.kind !== 'call' || !e.args[0] || !isRowtime(e.args[0])) return undefined;
  const name = e.name.name.toUpperCase();
  if (name === 'STEP' && e.args[1]?.kind === 'interval' && !e.args[1].yearMonth)
    return flinkInterval(e.args[1].value, e.args[1].toUnit ? undefined : e.args[1].unit);
  if (name === 'FLOOR' && e.form === 'to' && e.args[1]?.kind === 'literal') {
    const unit = String(e.args[1].value).toUpperCase();
    const ms = { SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 }[unit];
    if (ms) return flinkInterval(ms);
  }
  return undefined;
};

const hasOver = (e: Expr): boolean =>
  e.kind === 'call' ? !!e.over || e.args.some(hasOver) : 'arg' in e && !!e.arg && hasOver(e.arg as Expr);

/** The Flink type of a column, COUNT, or SUM/MIN/MAX/AVG of a column (Flink keeps the argument's type), if known. */
function typeOf(e: Expr, sources: FromSource[]): string | undefined {
  if (e.kind === 'ref') return isRowtime(e) ? undefined : columnType(sources, e.parts);
  if (e.kind !== 'call') return undefined;
  const name = e.name.name.toUpperCase();
  if (name === 'COUNT') return 'BIGINT';
  if (['SUM', 'MIN', 'MAX', 'AVG', 'FIRST_VALUE', 'LAST_VALUE'].includes(name) && e.args[0])
    return typeOf(e.args[0], sources);
  return undefined;
}

export class QueryTranslator {
  constructor(
    private readonly catalog: Catalog,
    private readonly notes: QueryNotes,
  ) {}

  /** Columns a select produces, named by `target` (INSERT) or by aliases / column names. */
  translate(s: Select, target?: FlinkColumn[]): { sql: string; columns: FlinkColumn[] } {
    const first = this.one({ ...s, unionAll: undefined }, target);
    const rest = (s.unionAll ?? []).map((u) => this.one(u, target ?? first.columns).sql);
    return { sql: [first.sql, ...rest].join('\nUNION ALL\n'), columns: first.columns };
  }

  private one(s: Select, target?: FlinkColumn[]): { sql: string; columns: FlinkColumn[] } {
    if (s.from.kind === 'tableFn') return this.tableFn(s, s.from, target);
    const sources: FromSource[] = [];
    const from = this.from(s.from, sources);
    const group = s.groupBy ?? [];
    const win = group.map(rowtimeWindow).find((x) => x !== undefined);
    const window: Window | undefined = win
      ? { interval: win, matches: (e) => rowtimeWindow(e) !== undefined }
      : undefined;
    if (window && (s.from.kind !== 'stream' || sources.length !== 1))
      throw new Untranslatable(
        'a ROWTIME window over a join or subquery',
        'put the FROM in a TEMPORARY VIEW with a time attribute and TUMBLE that view',
      );
    const single = sources.length === 1 ? sources[0] : undefined;
    const ctx = this.ctx(s, sources, window);
    // Items, with `*` expanded to the source's declared columns (never the time attribute).
    const items: { text: string; name: string; type?: string; over: boolean }[] = [];
    for (const it of s.items) {
      if (it.expr.kind === 'star') {
        const srcs = it.expr.qualifier ? [findSource(sources, it.expr.qualifier)] : sources;
        for (const src of srcs) {
          if (!src) throw new Untranslatable('a * of an unknown stream', 'list the columns');
          for (const c of src.rel.columns)
            items.push({
              text: `${window || sources.length === 1 ? '' : `${src.ref}.`}${flinkName(c.name)}`,
              name: c.name,
              type: c.type,
              over: false,
            });
        }
        continue;
      }
      const text = flinkExpr(it.expr, ctx);
      const name =
        it.alias?.name ??
        (it.expr.kind === 'ref'
          ? (it.expr.parts[it.expr.parts.length - 1] as Ident).name
          : `EXPR$${items.length}`);
      const type = typeOf(it.expr, sources);
      items.push({ text, name, type, over: hasOver(it.expr) });
    }
    if (target && target.length !== items.length)
      throw new Untranslatable(
        `a SELECT of ${items.length} columns into ${target.length}`,
        'list the target columns in the pump',
      );
    const cols: FlinkColumn[] = items.map(
      (it, i) => target?.[i] ?? { name: it.name, type: it.type ?? 'STRING' },
    );
    const castOf = (i: number) => target && items[i]?.type !== target[i]?.type;
    const wrap = target !== undefined && items.some((it, i) => it.over && castOf(i));
    const list = items.map((it, i) => {
      const c = cols[i] as FlinkColumn;
      const text = castOf(i) && !wrap ? `CAST(${it.text} AS ${c.type})` : it.text;
      return text === flinkName(c.name) && !it.over ? text : `${text} AS ${flinkName(c.name)}`;
    });
    const lines = [`SELECT ${s.distinct ? 'DISTINCT ' : ''}${list.join(', ')}`];
    if (window && single)
      lines.push(
        `FROM TABLE(TUMBLE(TABLE ${single.rel.table}, DESCRIPTOR(${single.rel.time}), ${window.interval}))`,
      );
    else lines.push(`FROM ${from}`);
    if (s.where) lines.push(`WHERE ${flinkExpr(s.where, ctx)}`);
    if (window) {
      const keys = group.filter((g) => !window.matches(g)).map((g) => flinkExpr(g, ctx));
      lines.push(`GROUP BY ${['window_start', 'window_end', ...keys].join(', ')}`);
    } else if (s.stagger) {
      const st = s.stagger;
      this.notes.approx.push(
        `WINDOWED BY STAGGER: written as a session window of ${flinkInterval(st.ms)} per key (Flink has no stagger window)`,
      );
      const keys = [...group, ...st.partitionBy].map((g) => flinkExpr(g, ctx));
      const time = single?.rel.time ?? 'proc';
      lines.push(`GROUP BY ${[...new Set(keys)].join(', ')}, SESSION(${time}, ${flinkInterval(st.ms)})`);
    } else if (group.length > 0) {
      lines.push(`GROUP BY ${group.map((g) => flinkExpr(g, ctx)).join(', ')}`);
    }
    if (s.having) lines.push(`HAVING ${flinkExpr(s.having, ctx)}`);
    // ORDER BY ROWTIME is a stream's own order in KDA; Flink streams need none.
    let sql = lines.join('\n');
    if (wrap) {
      const outer = cols.map((c, i) =>
        castOf(i) ? `CAST(${flinkName(c.name)} AS ${c.type}) AS ${flinkName(c.name)}` : flinkName(c.name),
      );
      sql = `SELECT ${outer.join(', ')}\nFROM (\n${sql}\n)`;
    }
    return { sql, columns: cols };
  }

  private ctx(s: Select, sources: FromSource[], window?: Window): ExprCtx {
    const joined = sources.length > 1;
    return {
      approx: (n) => this.notes.approx.push(n),
      windowStart: window ? (e) => (window.matches(e) ? 'window_start' : undefined) : undefined,
      ref: (parts) => {
        const last = parts[parts.length - 1] as Ident;
        const upper = last.name.toUpperCase();
        const src = parts.length === 2 ? findSource(sources, parts[0] as Ident) : undefined;
        if (upper === 'ROWTIME' && parts.length <= 2) {
          if (window) return 'window_end';
          if (src) return `${src.ref}.${src.rel.time}`;
          if (joined) {
            this.notes.approx.push(
              'ROWTIME of a join result written as CURRENT_ROW_TIMESTAMP() (processing time)',
            );
            return 'CURRENT_ROW_TIMESTAMP()';
          }
          return sources[0]?.rel.time ?? 'proc';
        }
        if (upper === 'APPROXIMATE_ARRIVAL_TIME' && parts.length === 1) {
          this.notes.approx.push('APPROXIMATE_ARRIVAL_TIME written as the processing time');
          return sources[0]?.rel.time ?? 'proc';
        }
        if (src && parts.length === 2)
          return window ? flinkName(last.name) : `${src.ref}.${flinkName(last.name)}`;
        return parts.map((x) => flinkName(x.name)).join('.');
      },
      over: (w) => this.over(w, s, sources),
    };
  }

  private over(w: WindowRef, s: Select, sources: FromSource[]): string {
    const spec: WindowSpec | undefined =
      'spec' in w ? w.spec : s.windows.find((x) => x.name.name === w.name.name)?.spec;
    if (!spec) throw new Untranslatable(`window ${'name' in w ? w.name.text : ''}`, 'a WINDOW clause');
    if (sources.length !== 1)
      throw new Untranslatable(
        'an OVER window over a join',
        'an OVER window on a TEMPORARY VIEW of the join',
      );
    const ctx = this.ctx(s, sources);
    const parts: string[] = [];
    if (spec.partitionBy.length)
      parts.push(`PARTITION BY ${spec.partitionBy.map((e) => flinkExpr(e, ctx)).join(', ')}`);
    parts.push(`ORDER BY ${(sources[0] as FromSource).rel.time}`);
    const f = spec.frame;
    if (f?.type === 'RANGE')
      parts.push(`RANGE BETWEEN ${flinkInterval(f.ms, f.interval.unit)} PRECEDING AND CURRENT ROW`);
    else if (f?.type === 'ROWS') parts.push(`ROWS BETWEEN ${f.rows} PRECEDING AND CURRENT ROW`);
    else if (f?.type === 'UNBOUNDED') parts.push('RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW');
    else parts.push('ROWS BETWEEN 0 PRECEDING AND CURRENT ROW');
    return `(${parts.join(' ')})`;
  }

  private from(f: FromItem, sources: FromSource[]): string {
    switch (f.kind) {
      case 'stream': {
        const rel = this.catalog.get(f.name.name);
        if (!rel) throw new Untranslatable(`stream ${f.name.text}`, 'a table or view of that name');
        const alias = f.alias?.name;
        const ref = alias ? flinkName(alias) : rel.table;
        sources.push({ stream: f.name.name, alias, ref, rel });
        return alias ? `${rel.table} AS ${ref}` : rel.table;
      }
      case 'subquery': {
        const names = f.columnAliases?.map((c) => c.name);
        const sub = this.translate(f.query);
        const columns = sub.columns.map((c, i) => ({ ...c, name: names?.[i] ?? c.name }));
        const alias = f.alias?.name ?? 'T';
        const inner =
          names && names.length > 0
            ? `SELECT ${sub.columns.map((c, i) => `${flinkName(c.name)} AS ${flinkName(columns[i]?.name ?? c.name)}`).join(', ')} FROM (\n${sub.sql}\n)`
            : sub.sql;
        sources.push({
          alias,
          ref: flinkName(alias),
          rel: { table: flinkName(alias), columns, time: 'proc' },
        });
        return `(\n${inner}\n) AS ${flinkName(alias)}`;
      }
      case 'tableFn':
        throw new Untranslatable(f.name.name, 'see the FROM TABLE(…) translations');
      case 'join': {
        if (f.type === 'CROSS' || f.type === 'FULL')
          throw new Untranslatable(`${f.type} JOIN of streams`, 'an interval join with an ON condition');
        const at = sources.length;
        const left = this.from(f.left, sources);
        const right = this.from(f.right, sources);
        const l = sources[at] as FromSource;
        const r = sources[sources.length - 1] as FromSource;
        const ctx = this.ctx({ items: [], windows: [] } as unknown as Select, sources);
        const conds = f.on ? [flinkExpr(f.on, ctx)] : [];
        const lw = f.left.kind !== 'join' && f.left.kind !== 'tableFn' ? f.left.window : undefined;
        const rw = f.right.kind !== 'join' && f.right.kind !== 'tableFn' ? f.right.window : undefined;
        const isRef = this.catalog.get(r.stream ?? '') && !rw && !lw && r.rel.time === '';
        if (lw || rw) {
          // The windowed side's rows are met inside its window; the other side only at its own arrival.
          const ms = (w?: WindowSpec) => (w?.frame?.type === 'RANGE' ? w.frame.ms : 0);
          const lt = `${l.ref}.${l.rel.time}`;
          const rt = `${r.ref}.${r.rel.time}`;
          const upper = ms(rw) > 0 ? `${rt} + ${flinkInterval(ms(rw))}` : rt;
          conds.push(`${lt} BETWEEN ${rt} - ${flinkInterval(ms(lw))} AND ${upper}`);
        } else if (!isRef && r.rel.time && l.rel.time) {
          this.notes.approx.push(
            'a join of two streams with no window: written as a regular join (state grows without bound: add a time bound)',
          );
        }
        const kw = f.type === 'INNER' ? 'JOIN' : `${f.type} JOIN`;
        return `${left}\n${kw} ${right}${conds.length ? ` ON ${conds.join(' AND ')}` : ''}`;
      }
    }
  }

  /** TOP_K_ITEMS_TUMBLING and COUNT_DISTINCT_ITEMS_TUMBLING per TUMBLE window; RCF has no SQL form. */
  private tableFn(s: Select, f: FromItem & { kind: 'tableFn' }, target?: FlinkColumn[]) {
    const name = f.name.name.toUpperCase();
    const fn = TABLE_FUNCTIONS[name];
    if (!fn || name.startsWith('RANDOM_CUT_FOREST'))
      throw new Untranslatable(
        name,
        'run a Random Cut Forest operator in a DataStream job (the AWS samples have one) or a Flink UDF, and write its scores to this table',
      );
    const c = f.cursor;
    const rel = c.from.kind === 'stream' ? this.catalog.get(c.from.name.name) : undefined;
    if (!rel || c.where || c.groupBy || c.unionAll)
      throw new Untranslatable(
        `${name} over a filtered or derived cursor`,
        'a TEMPORARY VIEW of the cursor, then a window Top-N over it',
      );
    const args = f.args.map((a) => (a.kind === 'literal' ? a.value : null));
    const item = rel.columns.find((x) => x.name.toUpperCase() === String(args[0]).toUpperCase());
    if (!item) throw new Untranslatable(`${name} of an unknown column`, 'name a column of the cursor');
    const col = flinkName(item.name);
    const top = name === 'TOP_K_ITEMS_TUMBLING';
    const tumble = `TABLE(TUMBLE(TABLE ${rel.table}, DESCRIPTOR(${rel.time}), ${flinkInterval(Number(top ? args[2] : args[1]) * 1000)}))`;
    let inner: string;
    let columns: FlinkColumn[];
    if (top) {
      this.notes.approx.push(
        'TOP_K_ITEMS_TUMBLING written as a window Top-N (exact counts, KDA counts approximately)',
      );
      inner = [
        'SELECT ITEM, ITEM_COUNT FROM (',
        'SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY ITEM_COUNT DESC) AS rownum FROM (',
        `SELECT window_start, window_end, ${col} AS ITEM, COUNT(*) AS ITEM_COUNT`,
        `FROM ${tumble}`,
        `GROUP BY window_start, window_end, ${col}`,
        ')',
        ')',
        `WHERE rownum <= ${Number(args[1])}`,
      ].join('\n');
      columns = [
        { name: 'ITEM', type: item.type },
        { name: 'ITEM_COUNT', type: 'BIGINT' },
      ];
    } else {
      this.notes.approx.push(
        'COUNT_DISTINCT_ITEMS_TUMBLING written as COUNT(DISTINCT …) per TUMBLE window (exact, KDA estimates)',
      );
      inner = `SELECT COUNT(DISTINCT ${col}) AS NUMBER_OF_DISTINCT_ITEMS\nFROM ${tumble}\nGROUP BY window_start, window_end`;
      columns = [{ name: 'NUMBER_OF_DISTINCT_ITEMS', type: 'BIGINT' }];
    }
    void fn;
    // The outer SELECT reads the Top-N as a table named by the function (never a KDA stream name).
    const key = `\u0000${name}`;
    this.catalog.set(key, { table: `(\n${inner}\n) AS T`, columns, time: 'proc' });
    try {
      const ident = { ...f.name, name: key };
      return this.one(
        { ...s, from: { kind: 'stream', name: ident, alias: undefined, span: f.span } },
        target,
      );
    } finally {
      this.catalog.delete(key);
    }
  }
}
