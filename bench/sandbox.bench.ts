/**
 * The Lambda sandbox's cost (issue 10): invocations per second of the templates' handlers in QuickJS
 * with a 100-record Kinesis batch, and each Lambda template's whole run in wall seconds. The issue's
 * limit: the templates' runs no more than 2x slower than before the sandbox (README has the before).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runHeadless } from '../src/engine/index.ts';
import { compileHandler, prepareSandbox } from '../src/engine/usercode/index.ts';
import type { PipelineDoc } from '../src/model/types.ts';

type Print = (obj: Record<string, unknown>) => void;
const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const LAMBDA_TEMPLATES = [
  'hot-key',
  'sushi-iot',
  'selfie-dashboard',
  'slow-lambda',
  'leaderboard',
  'adtech',
  'log-analytics',
];

function batch(n: number) {
  const data = Buffer.from(
    JSON.stringify({
      storeId: 's-1',
      plateId: 'p-42',
      item: 'salmon',
      event: 'taken',
      secondsOnBelt: 93,
      eventTime: '2017-06-01T00:00:00Z',
    }),
  ).toString('base64');
  return {
    Records: Array.from({ length: n }, (_, i) => ({
      kinesis: {
        data,
        partitionKey: `k${i}`,
        sequenceNumber: String(i),
        kinesisSchemaVersion: '1.0',
        approximateArrivalTimestamp: 0,
      },
      eventSource: 'aws:kinesis',
      eventName: 'aws:kinesis:record',
    })),
  };
}

export async function run(print: Print): Promise<void> {
  await prepareSandbox();
  const event = batch(100);
  for (const name of LAMBDA_TEMPLATES) {
    const doc = JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), 'utf8')) as PipelineDoc;
    const fns = doc.nodes.filter((n) => n.kind === 'lambda');
    for (const fn of fns) {
      if (fn.kind !== 'lambda') continue;
      const compiled = compileHandler(fn.config.code, {
        random: () => 0.5,
        nowEpochMs: () => 0,
        functionName: fn.name,
        timeoutSec: fn.config.timeoutSec,
        memoryMB: fn.config.memoryMB,
      });
      if (!compiled.ok) continue;
      const t0 = performance.now();
      let n = 0;
      while (performance.now() - t0 < 1000) {
        await compiled.handler.invoke(event, { awsRequestId: `r${n}` });
        n++;
      }
      print({
        workload: 'sandbox invocations',
        template: name,
        fn: fn.name,
        batch: 100,
        invocationsPerSec: Math.round((n * 1000) / (performance.now() - t0)),
      });
    }
    const t1 = performance.now();
    await runHeadless(doc);
    print({
      workload: 'sandbox template run',
      template: name,
      simulatedSec: doc.settings.durationSec,
      wallSec: Number(((performance.now() - t1) / 1000).toFixed(2)),
    });
  }
}
