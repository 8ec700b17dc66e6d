/**
 * `shardscape run --lang ja`: the readable summary in Japanese. Same figures and order as
 * run-summary.ts; the cost items, units and counters read from the studio's tables
 * (ui/i18n/cost.ts, ui/run/counterLabels.ts), records count as 件 as in the studio.
 * --json output is unchanged by --lang.
 */
import type { NodeReport, RunReport } from '../engine/api.ts';
import { KINDS } from '../model/kinds/index.ts';
import { en as costEn } from '../ui/i18n/cost.ts';
import { ja as costJa } from '../ui/i18n/ja/cost.ts';
import { counterLabel } from '../ui/run/counterLabels.ts';

const nf = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });
const fmt = (v: number): string => nf.format(v);

const ITEM_ID = new Map(Object.entries(costEn.items).map(([id, text]) => [text, id]));
const item = (text: string) => costJa.items[ITEM_ID.get(text) as keyof typeof costJa.items] ?? text;
const unit = (text: string) =>
  costJa.units[text.replace(/[\s-]+/g, '_') as keyof typeof costJa.units] ?? text;

function m(n: NodeReport, name: string): number {
  return n.metrics[name]?.sum ?? 0;
}

function nodeLine(n: NodeReport, seconds: number, nameOf: (id: string) => string): string[] {
  const c = n.counters;
  const lines: string[] = [];
  if (n.kind === 'producer')
    lines.push(
      `試行 ${fmt(c.attempted ?? 0)} · 受け付け ${fmt(c.accepted ?? 0)} · スロットリング ${fmt(c.throttled ?? 0)} · 再試行 ${fmt(c.retried ?? 0)} · 破棄 ${fmt(c.dropped ?? 0)}`,
    );
  else if (n.kind === 'stream') {
    const inRec = m(n, 'IncomingRecords');
    lines.push(
      `オープンなシャード ${fmt(c.openShards ?? 0)} · 受信 ${fmt(inRec)} 件 (${fmt(inRec / Math.max(1, seconds))} 件/秒) · ` +
        `書き込みスロットリング ${fmt(m(n, 'WriteProvisionedThroughputExceeded'))} · 読み取りスロットリング ${fmt(m(n, 'ReadProvisionedThroughputExceeded'))}`,
    );
    const age = n.metrics['GetRecords.IteratorAgeMilliseconds']?.max ?? 0;
    lines.push(`送信 ${fmt(m(n, 'OutgoingRecords'))} 件 · イテレーター経過時間の最大 ${fmt(age)} ms`);
    for (const [k, v] of Object.entries(c))
      if (k.startsWith('expired:') && v > 0) lines.push(`${counterLabel(k, 'ja', nameOf)}: ${fmt(v)} 件`);
  } else if (n.model === 'rate') {
    const rated = Object.entries(n.metrics)
      .filter(([, v]) => v.sum !== 0)
      .slice(0, 8)
      .map(([k, v]) => `${k} ${fmt(v.sum)} (最大 ${fmt(v.max)}/秒)`);
    lines.push(rated.join(' · ') || '流量なし');
  } else
    lines.push(
      Object.entries(c)
        .slice(0, 8)
        .map(([k, v]) => `${counterLabel(k, 'ja', nameOf)} ${fmt(v)}`)
        .join(' · '),
    );
  const d = n.destination;
  if (d?.kind === 's3')
    lines.push(
      `S3: オブジェクト ${fmt(d.totalObjects)} 個、${fmt(d.totalRecords)} 件、${fmt(d.totalBytes)} バイト`,
    );
  return lines;
}

export function formatSummaryJa(r: RunReport): string {
  const nameOf = (id: string) => r.nodes.find((n) => n.id === id)?.name ?? id;
  const out: string[] = [];
  out.push(`${r.design} · シード ${r.seed} · シミュレーション ${fmt(r.simulatedSeconds)} 秒`);
  out.push('');
  for (const n of r.nodes) {
    out.push(`${n.name} (${KINDS[n.kind].label.ja}${n.model === 'rate' ? '、レートモデル' : ''})`);
    for (const l of nodeLine(n, r.simulatedSeconds, nameOf)) out.push(`  ${l}`);
  }
  out.push('');
  const book = r.cost.priceBook === '2017' ? '2017 年の料金' : '現在の料金';
  out.push(
    `コスト (${book}): 実行全体で $${r.cost.totalUsd.toFixed(4)} · $${r.cost.perHourUsd.toFixed(4)}/時間 · $${r.cost.perMonthUsd.toFixed(2)}/月`,
  );
  for (const it of r.cost.items)
    if (it.usd > 0)
      out.push(
        `  ${it.nodeId} ${item(it.item)}: ${fmt(it.quantity)} ${unit(it.unit)} = $${it.usd.toFixed(6)}`,
      );
  out.push('');
  const bad = r.conservation.nodes.filter((n) => !n.ok);
  out.push(
    r.conservation.ok
      ? `レコードの保存: OK (${r.conservation.nodes.length} ノードですべてのレコードを確認)`
      : `レコードの保存: 不一致 (${bad.map((b) => b.nodeId).join('、')})`,
  );
  if (r.markers.length > 0) {
    out.push('');
    out.push('タイムライン:');
    for (const mk of r.markers.slice(0, 30))
      out.push(`  ${fmt(mk.atMs / 1000)} 秒  ${mk.nodeId}  ${mk.label}`);
  }
  return `${out.join('\n')}\n`;
}
