/** The human-readable summary `shardscape run` prints without --json. */
import type { NodeReport, RunReport } from '../engine/api.ts';

const fmt = (v: number): string =>
  Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 });

function m(n: NodeReport, name: string): number {
  return n.metrics[name]?.sum ?? 0;
}

function nodeLine(n: NodeReport, seconds: number): string[] {
  const c = n.counters;
  const lines: string[] = [];
  switch (n.kind) {
    case 'producer':
      lines.push(
        `attempted ${fmt(c.attempted ?? 0)} · accepted ${fmt(c.accepted ?? 0)} · throttled ${fmt(c.throttled ?? 0)} · retried ${fmt(c.retried ?? 0)} · dropped ${fmt(c.dropped ?? 0)}`,
      );
      break;
    case 'stream': {
      const inRec = m(n, 'IncomingRecords');
      lines.push(
        `${fmt(c.openShards ?? 0)} open shards · in ${fmt(inRec)} records (${fmt(inRec / Math.max(1, seconds))}/s) · ` +
          `write throttled ${fmt(m(n, 'WriteProvisionedThroughputExceeded'))} · read throttled ${fmt(m(n, 'ReadProvisionedThroughputExceeded'))}`,
      );
      const age = n.metrics['GetRecords.IteratorAgeMilliseconds']?.max ?? 0;
      lines.push(`out ${fmt(m(n, 'OutgoingRecords'))} records · max iterator age ${fmt(age)} ms`);
      for (const [k, v] of Object.entries(c))
        if (k.startsWith('expired:') && v > 0) lines.push(`${k}: ${fmt(v)} records lost to retention`);
      break;
    }
    default: {
      if (n.model === 'rate') {
        // Behind a fluid stream the node's figures are its rate-model metrics, not record counters.
        const rated = Object.entries(n.metrics)
          .filter(([, v]) => v.sum !== 0)
          .slice(0, 8)
          .map(([k, v]) => `${k} ${fmt(v.sum)} (max ${fmt(v.max)}/s)`);
        lines.push(rated.join(' · ') || 'no flow');
        break;
      }
      const figures = Object.entries(c)
        .slice(0, 8)
        .map(([k, v]) => `${k} ${fmt(v)}`);
      lines.push(figures.join(' · '));
    }
  }
  const d = n.destination;
  if (d?.kind === 's3')
    lines.push(
      `S3: ${fmt(d.totalObjects)} objects, ${fmt(d.totalRecords)} records, ${fmt(d.totalBytes)} bytes`,
    );
  return lines;
}

export function formatSummary(r: RunReport): string {
  const out: string[] = [];
  out.push(`${r.design} · seed ${r.seed} · ${fmt(r.simulatedSeconds)} simulated s`);
  out.push('');
  for (const n of r.nodes) {
    out.push(`${n.name} (${n.kind}${n.model === 'rate' ? ', rate model' : ''})`);
    for (const l of nodeLine(n, r.simulatedSeconds)) out.push(`  ${l}`);
  }
  out.push('');
  out.push(
    `Cost (${r.cost.priceBook} prices): $${r.cost.totalUsd.toFixed(4)} for the run · $${r.cost.perHourUsd.toFixed(4)}/h · $${r.cost.perMonthUsd.toFixed(2)}/month`,
  );
  for (const it of r.cost.items) {
    if (it.usd > 0)
      out.push(`  ${it.nodeId} ${it.item}: ${fmt(it.quantity)} ${it.unit} = $${it.usd.toFixed(6)}`);
  }
  out.push('');
  const bad = r.conservation.nodes.filter((n) => !n.ok);
  out.push(
    r.conservation.ok
      ? `Conservation: OK, every record accounted for at ${r.conservation.nodes.length} nodes`
      : `Conservation: FAILED at ${bad.map((b) => b.nodeId).join(', ')}`,
  );
  if (r.markers.length > 0) {
    out.push('');
    out.push('Timeline:');
    for (const mk of r.markers.slice(0, 30))
      out.push(`  ${fmt(mk.atMs / 1000)} s  ${mk.nodeId}  ${mk.label}`);
  }
  return `${out.join('\n')}\n`;
}
