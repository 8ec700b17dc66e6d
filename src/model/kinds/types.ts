/**
 * The shape of a node-kind definition. One definition per kind says everything the model knows about
 * it: its role, its config (one zod object; the TypeScript type is inferred from it), defaults, the
 * inspector form with required and live-editable flags, where it may send records (with the sentence
 * that refuses anything else), which faults it accepts, and its own validation and wiring checks.
 * kinds/index.ts derives every list (palette, destinations, event kinds, required texts…) from these.
 */
import type { z } from 'zod/mini';
import type { Diagnostic, EdgeConfig, NodeKind, PipelineDoc, PipelineNode, TimelineEvent } from '../types.ts';

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
  /** A text that must not be empty (validation reports `empty-value`). */
  required?: boolean;
  /** AWS applies a change of this field to running resources (the run view applies it at once). */
  live?: boolean;
}

/**
 * What a kind is in a pipeline. `destination`: records end there (Firehose or Lambda write into it);
 * it accepts a destination outage and shows what landed in the Destinations tab.
 */
export type KindRole = 'producer' | 'stream' | 'compute' | 'analytics' | 'delivery' | 'destination';

/** A timeline fault (what-if) type, as in `TimelineEvent['type']`. */
export type FaultType = TimelineEvent['type'];

/** What a kind's wiring checks see of the design (graph already built by validate-wiring). */
export interface WiringContext {
  doc: PipelineDoc;
  /** Nodes with an edge into this node / out of this node. */
  ins: PipelineNode[];
  outs: PipelineNode[];
  /** Nodes with an edge into any node (to look one step further upstream). */
  insOf(nodeId: string): PipelineNode[];
  /** Firehose nodes' transform Lambda ids in the design. */
  usedTransforms: ReadonlySet<string>;
}

/** A cross-field problem of one config: the diagnostic code, its params and the field it points at. */
export interface ConfigProblem {
  code: string;
  params: Record<string, string | number>;
  field?: string;
}

/** Why a connection the user is drawing is refused (code as in diagnostics, sentence in both languages). */
export interface Refusal {
  code: string;
  reason: Text;
}

/** The node a kind's wiring checks get: a pipeline node of this kind. */
export interface NodeOfKind<K extends string, C> {
  id: string;
  kind: K;
  name: string;
  config: C;
}

/**
 * One kind's definition. `K` is the kind's name, `S` the type of its config's zod object, which the
 * kind's file defines next to it (`z.int()` where AWS wants integers; ranges are checked by
 * `fields`) and registers in CONFIG_SCHEMAS (kinds/configs.ts). The definition refers to the
 * schema by type only, so the studio's first load and the engine worker do not carry zod; the
 * design-file import (src/export/schema.ts) does. NodeKind and ConfigByKind (types.ts) are derived
 * from the registry in kinds/index.ts.
 */
export interface KindDef<K extends string = string, S extends z.ZodMiniType = z.ZodMiniType> {
  kind: K;
  role: KindRole;
  group: KindGroup;
  label: Text;
  description: Text;
  /** A short glyph the UI can draw (emoji-free on purpose: a 2–3 letter service badge). */
  icon: string;
  /** Names of new nodes: `<namePrefix>-1`, `<namePrefix>-2`, … */
  namePrefix: string;
  /** The kind as the object of a sentence: "a Lambda function" / "Lambda 関数". */
  noun: Text;
  /**
   * The kinds it may send records to (empty: an end point, nothing connects out of it) and the
   * sentence that says so, which the refusal of any other target continues with "not to <noun>."
   * (`verb` 'by' for kinds that are read rather than written: "not by a producer").
   */
  sends: { to: readonly NodeKind[]; rule: Text; verb?: 'to' | 'by' };
  /**
   * What a writer (a Lambda function) sends it: `items` (DynamoDB PutItem of the handler's items) or,
   * by default, `records` (the handler's records, e.g. into a stream or a delivery stream).
   */
  receives?: 'records' | 'items';
  /** The timeline faults it accepts (the node menu offers exactly these; validation allows exactly these). */
  faults: readonly FaultType[];
  /** `locale`: the studio's language when the node is created (a Lambda's starter code comments). */
  defaults(locale?: Locale): z.infer<S>;
  fields: FieldDef<z.infer<S>>[];
  /** Key figures for the node card: `4 shards · 24 h`, `batch 100 · PF 1`. */
  summary(config: z.infer<S>, locale: Locale): string[];
  /** Rules that tie one field of the config to another (beyond each field's own range). */
  checks?(config: z.infer<S>, ctx?: FieldContext): ConfigProblem[];
  /**
   * While the user draws a connection into a node of this kind from `from` (a kind its `sends`
   * allows): why not, given what already connects in (`incoming`), or null.
   */
  refuseIn?(node: NodeOfKind<K, z.infer<S>>, from: PipelineNode, incoming: PipelineNode[]): Refusal | null;
  /** The same for a connection out of a node of this kind to `to`, given its `outgoing` targets. */
  refuseOut?(node: NodeOfKind<K, z.infer<S>>, to: PipelineNode, outgoing: PipelineNode[]): Refusal | null;
  /** The config of a new edge out of a node of this kind (a stream's read mode, a delivery stream's S3 role). */
  newEdge?(node: NodeOfKind<K, z.infer<S>>, to: PipelineNode, outgoing: PipelineNode[]): EdgeConfig;
  /** Its own wiring checks in a whole design (missing source, too many outputs…). */
  wiring?(node: NodeOfKind<K, z.infer<S>>, w: WiringContext): Diagnostic[];
  /**
   * Defaults of each variant of a tagged union inside the config, keyed by the union's path
   * ('rate', 'size', …) and then by the variant's `type`. setField uses them when `<path>.type` changes.
   */
  variants?: Record<string, Record<string, () => object>>;
  /** Follow-up after setField changed `path` (e.g. a Lambda's use swaps an untouched default handler). */
  afterSet?(previous: z.infer<S>, next: z.infer<S>, path: string): z.infer<S>;
}

/** Format a number with thousands separators, locale-independent (`20,000`). */
export function fmt(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

export const t = (en: string, ja: string): Text => ({ en, ja });

/** Japanese for the units fields and figures use; symbols (MiB, ms, %, WCU) read the same in both. */
const UNIT_JA: Record<string, string> = {
  shards: 'シャード',
  // Records count as 件 in Japanese, everywhere (件/秒, never rec/s or 件/秒 beside it).
  records: '件',
  rec: '件',
  'rec/s': '件/秒',
  'ms/rec': 'ms/件',
  'MiB/s': 'MiB/秒',
  'B/s': 'B/秒',
  '1/s': '回/秒',
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

/** `sends` of a kind nothing connects out of (destinations, your own consumer application). */
export const END_POINT: KindDef['sends'] = { to: [], rule: { en: '', ja: '' } };
