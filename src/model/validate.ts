/**
 * Validation of a whole design: every node's fields (validate-fields.ts), the wiring rules of
 * connections.ts re-checked on existing edges, missing connections, Firehose destination rules,
 * the timeline and the run settings. Errors block a run; warnings do not.
 */
import { firehoseDestinationKind } from './kinds/firehose.ts';
import { EVENT_KINDS } from './kinds/index.ts';
import { makeDiagnostic } from './messages.ts';
import type { Diagnostic, PipelineDoc, PipelineNode } from './types.ts';
import { validateFields } from './validate-fields.ts';
import { edgeRules, type Graph, graphOf, wiringRules } from './validate-wiring.ts';

export { diagnosticText } from './messages.ts';
export { validateFields } from './validate-fields.ts';

function timelineRules(doc: PipelineDoc, g: Graph): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ev of doc.timeline) {
    const node = g.byId.get(ev.nodeId);
    if (!node) {
      out.push(makeDiagnostic('error', 'timeline-missing-node', { value: ev.id }));
      continue;
    }
    const at = { nodeId: node.id };
    if (!EVENT_KINDS[ev.type]?.includes(node.kind))
      out.push(
        makeDiagnostic('error', 'timeline-wrong-kind', { value: ev.id, type: ev.type, name: node.name }, at),
      );
    const bad = (en: string, ja: string) =>
      out.push(makeDiagnostic('error', 'timeline-invalid', { value: ev.id, detail: en, detailJa: ja }, at));
    if (!(ev.fromSec >= 0) || !(ev.toSec > ev.fromSec))
      bad(
        'it must start at 0 s or later and end after it starts',
        '開始は 0 秒以降、終了は開始より後にしてください',
      );
    if (ev.type === 'lambdaErrorRate' && !(ev.errorRate >= 0 && ev.errorRate <= 1))
      bad('the error rate must be 0 – 1', 'エラー率は 0 – 1 にしてください');
    if (ev.type === 'producerSurge' && !(ev.multiplier > 0 && ev.multiplier <= 1_000))
      bad('the multiplier must be above 0 and at most 1,000', '倍率は 0 より大きく 1,000 以下にしてください');
    if (ev.type === 'hotKey' && (!(ev.share >= 0 && ev.share <= 1) || ev.key === ''))
      bad('it needs a key and a share of 0 – 1', 'キーと 0 – 1 の割合が必要です');
  }
  return out;
}

function settingsRules(doc: PipelineDoc): Diagnostic[] {
  const s = doc.settings;
  const out: Diagnostic[] = [];
  const bad = (en: string, ja: string) =>
    out.push(makeDiagnostic('error', 'settings-invalid', { detail: en, detailJa: ja }));
  if (!Number.isInteger(s.seed)) bad('the seed must be a whole number', 'シードは整数にしてください');
  if (!Number.isInteger(s.durationSec) || s.durationSec < 1 || s.durationSec > 86_400)
    bad('the duration must be 1 – 86,400 s', '実行時間は 1 – 86,400 秒にしてください');
  if (Number.isNaN(Date.parse(s.startTime)))
    bad(`the start time "${s.startTime}" is not a date`, `開始時刻「${s.startTime}」が日時ではありません`);
  return out;
}

function nameRules(doc: PipelineDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const n of doc.nodes) {
    if (n.name.trim() === '') out.push(makeDiagnostic('error', 'empty-name', {}, { nodeId: n.id }));
    const key = `${n.kind}:${n.name}`;
    if (seen.has(key))
      out.push(makeDiagnostic('warning', 'duplicate-name', { name: n.name }, { nodeId: n.id }));
    seen.set(key, n.id);
  }
  return out;
}

/**
 * Field diagnostics per node object. Nodes are immutable and applyChanges keeps untouched nodes'
 * identity, so while a node is dragged only that node is re-checked. A Firehose's fields also depend
 * on its destination kind and on whether anything is wired into it, which are part of the key.
 */
const fieldCache = new WeakMap<PipelineNode, { key: string; diagnostics: Diagnostic[] }>();

function nodeFieldDiagnostics(doc: PipelineDoc, g: Graph, n: PipelineNode): Diagnostic[] {
  const key =
    n.kind === 'firehose'
      ? `${firehoseDestinationKind(doc, n.id)}:${(g.ins.get(n.id) ?? []).length > 0}`
      : '';
  const hit = fieldCache.get(n);
  if (hit && hit.key === key) return hit.diagnostics;
  const diagnostics = validateFields(n.kind, n.config, { doc, nodeId: n.id }, n.name);
  fieldCache.set(n, { key, diagnostics });
  return diagnostics;
}

/** Every problem in the design, errors and warnings, in a stable order (nodes, edges, timeline, settings). */
export function validateDocument(doc: PipelineDoc): Diagnostic[] {
  const g = graphOf(doc);
  const fieldDiags = doc.nodes.flatMap((n) => nodeFieldDiagnostics(doc, g, n));
  return [
    ...nameRules(doc),
    ...fieldDiags,
    ...wiringRules(doc, g),
    ...edgeRules(doc, g),
    ...timelineRules(doc, g),
    ...settingsRules(doc),
  ];
}

/** The problems that belong to one node (its fields, its wiring, timeline events aimed at it). */
export function validateNode(doc: PipelineDoc, nodeId: string): Diagnostic[] {
  return validateDocument(doc).filter((d) => d.nodeId === nodeId);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
