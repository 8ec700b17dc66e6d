/**
 * The shape of a node-kind definition. One definition per kind drives the palette, the inspector form,
 * defaults, range validation and the node card's key figures.
 */
import type { ConfigByKind, NodeKind, PipelineDoc } from '../types.ts';

export type Locale = 'en' | 'ja';
export type Text = { en: string; ja: string };

export type KindGroup = 'producers' | 'streams' | 'compute' | 'analytics' | 'delivery' | 'destinations';

export type FieldType =
  | 'number'
  | 'integer'
  | 'text'
  | 'textarea'
  | 'select'
  | 'boolean'
  | 'code'
  | 'stringList';

export type FieldOption = { value: string | number; label: Text };

/** What a field may look at besides its own node's config (the design it sits in). */
export interface FieldContext {
  doc: PipelineDoc;
  nodeId: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the contract types `visible(config: any)` for untyped callers.
export interface FieldDef<C = any> {
  /** Dotted path into config, e.g. 'esm.batchSize', 'rate.recordsPerSec', 'rate.hourly.3'. */
  path: string;
  label: Text;
  help?: Text;
  unit?: string;
  section?: Text;
  type: FieldType;
  language?: 'javascript' | 'sql';
  min?: number;
  max?: number;
  step?: number;
  options?: FieldOption[];
  /** Hide the field when it does not apply (another variant, another source type, another destination). */
  visible?(config: C, ctx?: FieldContext): boolean;
  /** Options that depend on the design (e.g. the Lambda functions a Firehose may use as its transform). */
  dynamicOptions?(ctx: FieldContext): FieldOption[];
}

export interface KindDef<K extends NodeKind> {
  kind: K;
  group: KindGroup;
  label: Text;
  description: Text;
  /** A short glyph the UI can draw (emoji-free on purpose: a 2–3 letter service badge). */
  icon: string;
  /** Names of new nodes: `<namePrefix>-1`, `<namePrefix>-2`, … */
  namePrefix: string;
  defaults(): ConfigByKind[K];
  fields: FieldDef<ConfigByKind[K]>[];
  /** Key figures for the node card: `4 shards · 24 h`, `batch 100 · PF 1`. */
  summary(config: ConfigByKind[K], locale: Locale): string[];
  /**
   * Defaults of each variant of a tagged union inside the config, keyed by the union's path
   * ('rate', 'size', …) and then by the variant's `type`. setField uses them when `<path>.type` changes.
   */
  variants?: Record<string, Record<string, () => object>>;
  /** Follow-up after setField changed `path` (e.g. a Lambda's use swaps an untouched default handler). */
  afterSet?(previous: ConfigByKind[K], next: ConfigByKind[K], path: string): ConfigByKind[K];
}

/** Format a number with thousands separators, locale-independent (`20,000`). */
export function fmt(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

export const t = (en: string, ja: string): Text => ({ en, ja });

/** Japanese for the word units fields use; symbols (MiB, ms, %, rec/s, WCU) read the same in both. */
const UNIT_JA: Record<string, string> = {
  shards: 'シャード',
  records: 'レコード',
  bytes: 'バイト',
  nodes: 'ノード',
  h: '時間',
  s: '秒',
};

/** A field's unit as the UI should print it in a locale (`s` → `秒`, `shards` → `シャード`). */
export function unitText(unit: string | undefined, locale: Locale): string {
  if (!unit) return '';
  return locale === 'ja' ? (UNIT_JA[unit] ?? unit) : unit;
}
