/**
 * The cost in the studio's language: the engine names its items, units and assumptions in English
 * (the report's JSON keeps them so); these find each one's id in the `cost` namespace, whose
 * English is the engine's wording (cost-texts.test.ts), and say it in the locale.
 */
import type { TFunction } from 'i18next';
import { en } from '../i18n/cost.ts';

type CostT = TFunction<'cost'>;

const ITEM_ID = new Map(Object.entries(en.items).map(([id, text]) => [text, id]));

/** The i18n id of a unit text ('shard-hours' → 'shard_hours'). */
export const unitId = (unit: string): string => unit.replace(/[\s-]+/g, '_');

/** A price book item label (engine `item`) in the locale. */
export function itemText(t: CostT, item: string): string {
  const id = ITEM_ID.get(item);
  return id ? t(`items.${id}` as never) : item;
}

export function unitText(t: CostT, unit: string): string {
  return t(`units.${unitId(unit)}` as never, { defaultValue: unit });
}

/** Each English assumption as a pattern: `{{name}}` matches the part that varies. */
const PATTERNS = Object.entries(en.assumptions).map(([id, text]) => {
  const names: string[] = [];
  const source = text
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const m = /^\{\{(\w+)\}\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return '(.+?)';
    })
    .join('');
  return { id, names, re: new RegExp(`^${source}$`) };
});

/** The id and the varying parts of an assumption the engine wrote, or undefined for an unknown text. */
export function assumptionId(text: string): { id: string; params: Record<string, string> } | undefined {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (m) return { id: p.id, params: Object.fromEntries(p.names.map((n, i) => [n, m[i + 1]])) };
  }
  return undefined;
}

export function assumptionText(t: CostT, text: string): string {
  const a = assumptionId(text);
  return a ? t(`assumptions.${a.id}` as never, a.params) : text;
}

/**
 * A price's source: in English the engine's citation whole; in Japanese the citation alone (its
 * tag, URL, repository path or § of the behaviour notes) and the date it was read, without the
 * English notes around it.
 */
export function sourceText(t: CostT, source: string, locale: string): string {
  const read = /, read (\d{4}-\d{2}-\d{2})$/.exec(source);
  const body = read ? source.slice(0, read.index) : source;
  let cited = body;
  if (locale === 'ja') {
    const tag = /^\[[CS]\]/.exec(body)?.[0];
    const where =
      /https?:\/\/[^\s,)]+/.exec(body)?.[0] ??
      /[\w-]+\/[\w-]+ [\w./-]+/.exec(body)?.[0] ??
      body.match(/§[\d.]*\d/g)?.join(', ');
    cited = [tag, /kinesis-behaviour\.md/.test(body) ? 'kinesis-behaviour.md' : '', where]
      .filter(Boolean)
      .join(' ');
  }
  return read ? t('sourceRead', { source: cited, date: read[1] }) : t('source', { source: cited });
}
