/**
 * `npx shardscape plan DESIGN.json --stream ID --shards A..B [--duration D] [--headroom 0.8] [--json] [--lang ja]`
 * `npx shardscape plan DESIGN.json --vary NODE.FIELD=A..B[:STEP] [--stream ID] [--duration D] [--json]`
 *
 * Runs the design once per point, two points at a time in worker threads, and answers how many
 * shards (or which value) to use. With --json: exactly one JSON object on stdout,
 * `{ stream, field, runs: [{ shards | value, throttledRecords, droppedRecords, maxIteratorAgeMs,
 * costPerMonthUsd, … }] (ascending), recommendation: { shards, reason, hotKeys } }`. Without it: a
 * table (its headings and the recommendation in Japanese with --lang ja), and a progress bar on stderr. `throttledRecords` counts throttled put attempts (CloudWatch's
 * WriteProvisionedThroughputExceeded); `droppedRecords` the records given up after the last retry.
 */
import { parseDurationSec } from '../engine/clock.ts';
import { type DesignSizing, sizeConsumers } from '../engine/plan/sizing-consumers.ts';
import { recommend, type SweepPoint, type SweepRun } from '../engine/plan/sweep.ts';
import { runPointsInThreads } from '../worker/node-pool.ts';
import { readDesign } from './read-design.ts';

const USAGE =
  'usage: shardscape plan DESIGN.json --stream ID --shards A..B [--duration D] [--headroom 0.8] [--json] [--lang ja]\n' +
  '       shardscape plan DESIGN.json --vary NODE.FIELD=A..B[:STEP] [--stream ID] [--duration D] [--json] [--lang ja]\n' +
  '       [--object-size MiB]: the Firehose object size to size buffers for (default 64)';

interface PlanArgs {
  file: string;
  stream?: string;
  nodeId: string;
  field: string;
  values: number[];
  durationSec?: number;
  headroom: number;
  /** Target Firehose object size, MiB (1–128). */
  objectMiB: number;
  json: boolean;
  lang: 'en' | 'ja';
}

function range(text: string): number[] | null {
  const m = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$/.exec(text);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const step = m[3] ? Number(m[3]) : 1;
  if (!(step > 0) || b < a) return null;
  const out: number[] = [];
  for (let v = a; v <= b + 1e-9 && out.length < 1000; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

export function parsePlanArgs(args: string[]): PlanArgs | string {
  let file: string | undefined;
  let shards: number[] | null = null;
  let vary: { nodeId: string; field: string; values: number[] } | null = null;
  const out: Partial<PlanArgs> = { headroom: 0.8, objectMiB: 64, json: false, lang: 'en' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const name = a.startsWith('--') && a.includes('=') && !a.startsWith('--vary') ? a.split('=')[0] : a;
    const value = (): string => {
      if (name !== a) return a.slice(a.indexOf('=') + 1);
      i++;
      return args[i] ?? '';
    };
    if (name === '--json') out.json = true;
    else if (name === '--stream') out.stream = value();
    else if (name === '--shards') {
      const v = value();
      shards = range(v);
      if (!shards || shards.some((s) => !Number.isInteger(s) || s < 1))
        return `--shards expects a range of shard counts like 1..16 (got "${v}")`;
    } else if (name === '--duration') {
      const v = value();
      const d = parseDurationSec(v);
      if (!(d > 0)) return `--duration expects a duration like 90s, 15m or 1h (got "${v}")`;
      out.durationSec = d;
    } else if (name === '--headroom') {
      const v = Number(value());
      if (!(v > 0 && v <= 1)) return '--headroom expects a utilisation between 0 and 1, e.g. 0.8';
      out.headroom = v;
    } else if (name === '--object-size') {
      const v = Number(value());
      if (!(v >= 1 && v <= 128))
        return '--object-size expects a Firehose object size in MiB from 1 to 128, e.g. 64';
      out.objectMiB = v;
    } else if (a === '--vary' || a.startsWith('--vary=')) {
      const v = a === '--vary' ? (args[++i] ?? '') : a.slice('--vary='.length);
      const m = /^([^.=]+)\.([^=]+)=(.+)$/.exec(v);
      const values = m ? range(m[3]) : null;
      if (!m || !values)
        return `--vary expects NODE.FIELD=A..B[:STEP], e.g. devices.rate.recordsPerSec=1000..4000:500 (got "${v}")`;
      vary = { nodeId: m[1], field: m[2], values };
    } else if (name === '--lang') {
      const v = value();
      if (v !== 'en' && v !== 'ja') return '--lang expects en or ja';
      out.lang = v;
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else if (file === undefined) file = a;
    else return `unexpected argument ${a}`;
  }
  if (!file || (!shards && !vary)) return USAGE;
  if (shards && !out.stream) return '--shards needs --stream ID (the stream whose shard count varies)';
  if (shards && vary) return 'use either --shards or --vary, not both';
  const sweep = shards
    ? { nodeId: out.stream as string, field: 'shardCount', values: shards }
    : (vary as NonNullable<typeof vary>);
  return { ...(out as PlanArgs), file, ...sweep };
}

export async function main(args: string[]): Promise<number> {
  const parsed = parsePlanArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return 1;
  }
  const doc = readDesign(parsed.file);
  if (!doc) return 1;
  const node = doc.nodes.find((n) => n.id === parsed.nodeId);
  if (!node) {
    process.stderr.write(
      `${parsed.file}: no node "${parsed.nodeId}" (nodes: ${doc.nodes.map((n) => n.id).join(', ')})\n`,
    );
    return 1;
  }
  if (parsed.stream && doc.nodes.find((n) => n.id === parsed.stream)?.kind !== 'stream') {
    process.stderr.write(`${parsed.file}: "${parsed.stream}" is not a data stream\n`);
    return 1;
  }
  const points: SweepPoint[] = parsed.values.map((value) => ({
    nodeId: parsed.nodeId,
    field: parsed.field,
    value,
  }));
  const tty = !parsed.json && process.stderr.isTTY === true;
  const bar = (done: number, total: number) => {
    const width = 30;
    const d = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(d)}${'.'.repeat(width - d)}] ${done}/${total} runs`);
  };
  let runs: SweepRun[];
  try {
    if (!parsed.json) bar(0, points.length);
    runs = await runPointsInThreads(doc, points, {
      threads: 2,
      durationSec: parsed.durationSec,
      onDone: parsed.json ? undefined : bar,
    });
  } catch (e) {
    process.stderr.write(`\n${parsed.file}: ${(e as Error).message}\n`);
    return 1;
  }
  if (!parsed.json) process.stderr.write(tty ? '\r\x1b[2K' : '\n');
  const isShards = parsed.field === 'shardCount' && node.kind === 'stream';
  const streamId = isShards ? parsed.nodeId : (parsed.stream ?? null);
  const rec = recommend(doc, streamId, runs, parsed.headroom);
  const rows = runs.map(({ value, ...r }) => (isShards ? { shards: value, ...r } : { value, ...r }));
  // Lambda and Firehose answers, for the recommended shard count when the sweep was over shards.
  const sizing = sizeConsumers(doc, {
    headroom: parsed.headroom,
    targetObjectMiB: parsed.objectMiB,
    shardsOf: isShards && streamId ? { [streamId]: rec.shards } : undefined,
  });
  if (parsed.json) {
    const out = {
      stream: streamId,
      ...(isShards ? {} : { field: `${parsed.nodeId}.${parsed.field}` }),
      runs: rows,
      recommendation: { shards: rec.shards, reason: rec.reason, hotKeys: rec.hotKeys },
      sizing: sizingJson(sizing),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  }
  const ja = parsed.lang === 'ja';
  const label = isShards ? (ja ? 'シャード数' : 'shards') : `${parsed.nodeId}.${parsed.field}`;
  process.stdout.write(formatTable(label, runs, rec.shards, ja ? HEAD_JA : HEAD_EN, ja ? 'ja-JP' : 'en-US'));
  process.stdout.write(
    ja
      ? `\n推奨: ${isShards ? `${rec.shards} シャード` : rec.shards}。${rec.reasonJa}\n`
      : `\nRecommendation: ${isShards ? `${rec.shards} shards` : rec.shards}. ${rec.reason}\n`,
  );
  for (const l of sizing.lambdas) process.stdout.write(`\nLambda ${l.lambdaId}: ${l.reason.en}\n`);
  for (const f of sizing.firehoses) process.stdout.write(`\nFirehose ${f.firehoseId}: ${f.reason.en}\n`);
  return 0;
}

/** The `sizing` field of `plan --json` (added beside the contract's fields, never instead of them). */
function sizingJson(s: DesignSizing) {
  return {
    lambdas: s.lambdas.map((l) => ({
      id: l.lambdaId,
      stream: l.streamId,
      shards: l.shards,
      busiestShardRecordsPerSec: Math.round(l.busiestShardRecordsPerSec),
      parallelizationFactor: l.parallelizationFactor,
      concurrency: l.concurrency,
      keepsUp: l.keepsUp,
      reason: l.reason.en,
    })),
    firehoses: s.firehoses.map((f) => ({
      id: f.firehoseId,
      targetObjectMiB: f.targetObjectMiB,
      bufferSizeMiB: f.bufferSizeMiB,
      bufferIntervalSec: f.bufferIntervalSec,
      objectMiB: f.objectMiB,
      reason: f.reason.en,
    })),
  };
}

const HEAD_EN = ['offered', 'accepted', 'throttled attempts', 'dropped', 'max iterator age ms', '$/month'];
const HEAD_JA = ['書き込み要求', '受け付け', 'スロットリング試行', '破棄', '最大イテレーター経過 ms', '$/月'];

/** Column widths count East Asian characters twice, as a terminal draws them. */
const cells = (s: string) =>
  [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

function formatTable(label: string, runs: SweepRun[], best: number, heads: string[], locale: string): string {
  const n = (v: number) => Math.round(v).toLocaleString(locale);
  const head = [label, ...heads];
  const body = runs.map((r) => [
    `${r.value}${r.value === best ? ' ◀' : ''}`,
    n(r.offeredRecords),
    n(r.acceptedRecords),
    n(r.throttledRecords),
    n(r.droppedRecords),
    n(r.maxIteratorAgeMs),
    r.costPerMonthUsd.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(cells(h), ...body.map((row) => cells(row[i]))));
  const pad = (c: string, w: number, left: boolean) => {
    const fill = ' '.repeat(Math.max(0, w - cells(c)));
    return left ? c + fill : fill + c;
  };
  const line = (row: string[]) => `${row.map((c, i) => pad(c, widths[i], i === 0)).join('  ')}\n`;
  return line(head) + line(widths.map((w) => '-'.repeat(w))) + body.map(line).join('');
}
