/**
 * Wiring rules, as AWS allows them. canConnect() answers while the user drags a connection; the same
 * rules (connectionRule) are re-checked by validation for imported designs.
 */
import { ALLOWED_TARGETS, KIND_NOUN, KINDS, type Text } from './kinds/index.ts';
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

  if (target.kind === 'firehose') {
    if (source.kind === 'producer' && incoming.some((n) => n.kind === 'stream'))
      return refuse(
        'firehose-source-is-stream',
        `Delivery stream "${target.name}" reads from a data stream, so producers cannot write to it directly (Direct PUT is disabled). Connect the producer to the data stream instead.`,
        `配信ストリーム「${target.name}」はデータストリームから読み取るため、プロデューサーから直接書き込めません (Direct PUT は無効)。プロデューサーはデータストリームに接続してください。`,
      );
    if (source.kind === 'stream' && incoming.some((n) => n.kind === 'stream'))
      return refuse(
        'firehose-one-stream',
        `Delivery stream "${target.name}" already reads from a data stream; a Firehose delivery stream has exactly one source stream.`,
        `配信ストリーム「${target.name}」はすでにデータストリームから読み取っています。Firehose 配信ストリームのソースストリームは 1 つだけです。`,
      );
    if (source.kind === 'stream' && incoming.length > 0)
      return refuse(
        'firehose-has-direct-put',
        `Delivery stream "${target.name}" already takes Direct PUT records; a delivery stream reads either from producers or from one data stream, not both.`,
        `配信ストリーム「${target.name}」はすでに Direct PUT でレコードを受け取っています。配信ストリームのソースはプロデューサーか 1 つのデータストリームのどちらかです。`,
      );
  }
  if (target.kind === 'analytics' && incoming.length > 0)
    return refuse(
      'analytics-one-source',
      `Analytics application "${target.name}" already has its streaming source; an application reads one source stream.`,
      `Analytics アプリケーション「${target.name}」にはすでにストリーミングソースがあります。アプリケーションが読み取るソースストリームは 1 つです。`,
    );
  if (target.kind === 'lambda' && target.config.use === 'firehoseTransform')
    return refuse(
      'lambda-is-transform',
      `Function "${target.name}" is a Firehose transform: pick it in a delivery stream's "Transform Lambda" setting, or change its use to "Stream consumer".`,
      `関数「${target.name}」は Firehose 変換用です。配信ストリームの「変換用 Lambda」で選ぶか、用途を「ストリームのコンシューマー」に変更してください。`,
    );
  if (source.kind === 'lambda' && source.config.use === 'firehoseTransform')
    return refuse(
      'transform-has-no-output',
      `Function "${source.name}" is a Firehose transform: it returns records to its delivery stream instead of writing anywhere.`,
      `関数「${source.name}」は Firehose 変換用です。レコードは配信ストリームに返され、他へは書き込みません。`,
    );
  if (source.kind === 'analytics' && outgoing.length >= 3)
    return refuse(
      'analytics-max-outputs',
      `Analytics application "${source.name}" already has 3 outputs, the maximum.`,
      `Analytics アプリケーション「${source.name}」の出力はすでに上限の 3 つです。`,
    );
  if (source.kind === 'firehose') {
    const main = outgoing.find((n) => n.kind === 'redshift' || n.kind === 'opensearch');
    const s3 = outgoing.find((n) => n.kind === 's3');
    if ((target.kind === 'redshift' || target.kind === 'opensearch') && main)
      return refuse(
        'firehose-one-destination',
        `Delivery stream "${source.name}" already delivers to "${main.name}"; a delivery stream has exactly one destination.`,
        `配信ストリーム「${source.name}」はすでに「${main.name}」に配信しています。配信先は 1 つだけです。`,
      );
    if (target.kind === 's3' && s3)
      return refuse(
        'firehose-one-destination',
        `Delivery stream "${source.name}" already writes to bucket "${s3.name}"; a delivery stream has one S3 bucket (destination, staging or backup).`,
        `配信ストリーム「${source.name}」はすでにバケット「${s3.name}」に書き込んでいます。S3 バケット (配信先・ステージング・バックアップ) は 1 つだけです。`,
      );
    return { ok: true, config: { role: target.kind === 's3' && main ? 'backup' : 'delivery' } };
  }
  if (source.kind === 'stream') return { ok: true, config: { readMode: 'polling' } };
  return { ok: true, config: {} };
}
