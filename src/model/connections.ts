/**
 * Wiring rules, as AWS allows them. canConnect() answers while the user drags a connection; the same
 * rules (connectionRule) are re-checked by validation for imported designs.
 */
import { ALLOWED_TARGETS, KIND_NOUN, KINDS, type KindDef, type Text } from './kinds/index.ts';
import type { EdgeConfig, NodeKind, PipelineDoc, PipelineNode } from './types.ts';

export type ConnectResult = { ok: true; config: EdgeConfig } | { ok: false; code: string; reason: Text };

export { ALLOWED_TARGETS, KIND_NOUN } from './kinds/index.ts';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What a kind may connect to, said as a sentence (its definition's `sends.rule`), ending with the refused target. */
function wrongTarget(source: NodeKind, target: NodeKind): Text {
  const sends = KINDS[source].sends;
  if (sends.to.length === 0) {
    return {
      en: `${cap(KIND_NOUN[source].en)} is an end point: nothing connects out of it. Connect into it instead.`,
      ja: `${KIND_NOUN[source].ja}は終点なので、ここから接続することはできません。この方向ではなく、ここへ向けて接続してください。`,
    };
  }
  const verb = sends.verb ?? 'to';
  return {
    en: `${sends.rule.en}, not ${verb} ${KIND_NOUN[target].en}.`,
    ja: `${sends.rule.ja}。${KIND_NOUN[target].ja}には接続できません。`,
  };
}

/** Kind-level rule only (no wiring state): is source → target ever allowed? */
export function connectionRule(
  source: NodeKind,
  target: NodeKind,
): { ok: true } | { ok: false; code: string; reason: Text } {
  if (ALLOWED_TARGETS[source].includes(target)) return { ok: true };
  return {
    ok: false,
    code: ALLOWED_TARGETS[source].length === 0 ? 'terminal-node' : 'wrong-target',
    reason: wrongTarget(source, target),
  };
}

function refuse(code: string, en: string, ja: string): ConnectResult {
  return { ok: false, code, reason: { en, ja } };
}

/** Is `to` reachable from `from` along edges? */
export function reaches(doc: PipelineDoc, from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return false;
}

const kindsOf = (doc: PipelineDoc, ids: string[]) =>
  ids.map((id) => doc.nodes.find((n) => n.id === id)).filter((n): n is PipelineNode => n !== undefined);

/** May the user connect sourceId → targetId in this design? On success, the new edge's config. */
export function canConnect(doc: PipelineDoc, sourceId: string, targetId: string): ConnectResult {
  const source = doc.nodes.find((n) => n.id === sourceId);
  const target = doc.nodes.find((n) => n.id === targetId);
  if (!source || !target)
    return refuse('unknown-node', 'That node no longer exists.', 'そのノードはもう存在しません。');
  if (sourceId === targetId)
    return refuse(
      'self-loop',
      'A node cannot be connected to itself.',
      'ノードを自分自身に接続することはできません。',
    );
  const rule = connectionRule(source.kind, target.kind);
  if (!rule.ok) return rule;
  if (doc.edges.some((e) => e.source === sourceId && e.target === targetId))
    return refuse(
      'duplicate-edge',
      'These two nodes are already connected.',
      'この 2 つのノードはすでに接続されています。',
    );
  if (reaches(doc, targetId, sourceId))
    return refuse(
      'cycle',
      'This connection would make a loop: records would flow back to where they came from.',
      'この接続はループになります: レコードが元の場所に戻ってしまいます。',
    );

  const incoming = kindsOf(
    doc,
    doc.edges.filter((e) => e.target === targetId).map((e) => e.source),
  );
  const outgoing = kindsOf(
    doc,
    doc.edges.filter((e) => e.source === sourceId).map((e) => e.target),
  );

  // The target kind's own refusals first, then the source kind's (src/model/kinds/<kind>.ts).
  const targetDef = KINDS[target.kind] as KindDef;
  const sourceDef = KINDS[source.kind] as KindDef;
  const refusal =
    targetDef.refuseIn?.(target, source, incoming) ?? sourceDef.refuseOut?.(source, target, outgoing) ?? null;
  if (refusal) return { ok: false, ...refusal };
  return { ok: true, config: sourceDef.newEdge?.(source, target, outgoing) ?? {} };
}
