/**
 * Random handler programs from a small grammar (loops, allocations, throws, prototype edits,
 * recursion, promise chains) for the sandbox property: whatever they do, the run completes and the
 * other lane's report is byte-identical to a clean run. Used by the test (a few dozen cases) and by
 * fuzz/sandbox.fuzz.ts (10,000).
 */
import fc from 'fast-check';
import type { PipelineDoc } from '../../model/types.ts';
import type { RunReport } from '../api.ts';
import { runHeadless } from '../index.ts';
import { design, node, plainProducer } from '../testing.ts';

const n = fc.integer({ min: 0, max: 5000 });
const statement: fc.Arbitrary<string> = fc.oneof(
  n.map((k) => `for (let i = 0; i < ${k}; i++) acc += i;`),
  n.map((k) => `acc += new Array(${k}).fill(1).length;`),
  fc.constant('while (true) {}'),
  fc.constant("throw new Error('boom');"),
  fc.constant('throw { weird: true };'),
  fc.constant('Array.prototype.map = null;'),
  fc.constant('Object.prototype.toJSON = () => 1;'),
  fc.constant('JSON.stringify = () => "{";'),
  fc.constant('Math.floor = () => 7;'),
  fc.constant('globalThis.keep = (globalThis.keep || []).concat([new Array(1e5).fill(acc)]);'),
  fc.constant('await null;'),
  fc.constant('const f = (x) => f(x + 1); f(0);'),
  fc.constant('Promise.resolve().then(function again() { return Promise.resolve().then(again); });'),
  fc.constant("acc += JSON.parse(Buffer.from(event.Records[0].kinesis.data, 'base64').toString()).v || 0;"),
  fc.constant('context.putItem({ id: String(acc) });'),
);

export const handlerProgram: fc.Arbitrary<string> = fc
  .array(statement, { minLength: 1, maxLength: 5 })
  .chain((body) =>
    fc
      .constantFrom('return { items: [{ id: String(acc) }] };', 'return acc;', 'return undefined;')
      .map(
        (ret) =>
          `export const handler = async (event, context) => {\n  let acc = 0;\n  ${body.join('\n  ')}\n  ${ret}\n};\n`,
      ),
  );

/** A handler that does nothing surprising: lane B runs it in every sandbox test. */
export const CLEAN =
  'export const handler = async (event) => ({ items: event.Records.map((r) => ({ id: r.kinesis.sequenceNumber })) });';

export interface LaneOptions {
  /** Records per second each producer sends (default 20). */
  rate?: number;
  /** Bytes a record (default 100). */
  bytes?: number;
  /** The functions' timeout, s (default 2). */
  timeoutSec?: number;
  /** Lambda memory, MB (default the kind's). */
  memoryMB?: number;
  /** Records a second that run the real handler (default 20). */
  sample?: number;
}

/** Two lanes: the suspect handler in lane A, a clean one in lane B that must not notice anything. */
export function twoLanes(code: string, o: LaneOptions = {}): PipelineDoc {
  const rate = o.rate ?? 20;
  const bytes = o.bytes ?? 100;
  const fn = (id: string, source: string) =>
    node(id, 'lambda', {
      code: source,
      timeoutSec: o.timeoutSec ?? 2,
      sampleRecordsPerSec: o.sample ?? 20,
      ...(o.memoryMB ? { memoryMB: o.memoryMB } : {}),
    });
  return design(
    [
      plainProducer('pa', rate, bytes, {
        template: '{"v":{{random.number(100)}}}',
        size: { type: 'template' },
      }),
      node('sa', 'stream', { shardCount: 1 }),
      fn('fa', code),
      node('ta', 'dynamodb'),
      plainProducer('pb', rate, bytes),
      node('sb', 'stream', { shardCount: 1 }),
      fn('fb', CLEAN),
      node('tb', 'dynamodb'),
    ],
    [
      ['pa', 'sa'],
      ['sa', 'fa'],
      ['fa', 'ta'],
      ['pb', 'sb'],
      ['sb', 'fb'],
      ['fb', 'tb'],
    ],
  );
}

export const laneB = (r: RunReport) => JSON.stringify(r.nodes.filter((x) => x.id.endsWith('b')));

let cleanB: string | null = null;

/** The property: the run completes, lane A ran, lane B equals the clean run's. */
export async function handlerNeverLeaks(code: string): Promise<boolean> {
  cleanB ??= laneB(await runHeadless(twoLanes(CLEAN), { seed: 3, durationSec: 3 }));
  const report = await runHeadless(twoLanes(code), { seed: 3, durationSec: 3 });
  const fa = report.nodes.find((x) => x.id === 'fa');
  return laneB(report) === cleanB && (fa?.counters.invocations ?? 0) > 0;
}
