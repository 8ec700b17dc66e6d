import { describe, expect, it } from 'vitest';
import { toBase64 } from './bytes.ts';
import { compileHandler, type SandboxOptions } from './sandbox.ts';

/** A tiny seeded generator so two sandboxes with one seed draw the same numbers. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Simulated clock: 2017-07-01T00:00:00Z + 1,500 sim ms.
const START = Date.UTC(2017, 6, 1);
const options = (over: Partial<SandboxOptions> = {}): SandboxOptions => ({
  random: seeded(42),
  nowEpochMs: () => START + 1500,
  functionName: 'sushi-counter',
  timeoutSec: 3,
  memoryMB: 1769,
  ...over,
});

const kinesisEvent = (texts: string[]) => ({
  Records: texts.map((t, i) => ({
    kinesis: { data: toBase64(t), partitionKey: `k${i}`, sequenceNumber: `${i}` },
  })),
});

async function run(source: string, event: unknown = {}, over: Partial<SandboxOptions> = {}) {
  const compiled = compileHandler(source, options(over));
  if (!compiled.ok) throw new Error(`compile failed: ${compiled.error.message}`);
  return compiled.handler.invoke(event, { awsRequestId: 'req-1' });
}

describe('handler forms', () => {
  const forms: [string, string][] = [
    ['exports.handler', 'exports.handler = async (event) => event.Records.length;'],
    ['module.exports.handler', 'module.exports.handler = async (event) => event.Records.length;'],
    [
      'module.exports = { handler }',
      'async function handler(e) { return e.Records.length }\nmodule.exports = { handler };',
    ],
    ['export const handler', 'export const handler = async (event, context) => event.Records.length;'],
    ['export async function', 'export async function handler(event) { return event.Records.length; }'],
    ['export default', 'export default async function (event) { return event.Records.length }'],
    ['export { h as handler }', 'const h = (e) => e.Records.length;\nexport { h as handler };'],
    [
      'callback style',
      'exports.handler = (event, context, callback) => { callback(null, event.Records.length); };',
    ],
  ];
  for (const [name, source] of forms) {
    it(`runs ${name} and returns 3 for a batch of 3 records`, async () => {
      const out = await run(source, kinesisEvent(['a', 'b', 'c']));
      expect(out).toMatchObject({ ok: true, value: 3 });
    });
  }

  it('decodes record data with Buffer.from(data, "base64") as real handlers do', async () => {
    const source = `exports.handler = async (event) => event.Records.map(
      (r) => JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString('utf8')).sushi);`;
    const out = await run(source, kinesisEvent(['{"sushi":"maguro"}', '{"sushi":"寿司"}']));
    expect(out).toMatchObject({ ok: true, value: ['maguro', '寿司'] });
  });

  it('collects context.putItem items and context.putRecord records for the nodes downstream', async () => {
    const source = `exports.handler = async (event, context) => {
      for (const r of event.Records) context.putItem({ id: r.kinesis.partitionKey, n: 1 });
      context.putRecord({ total: event.Records.length }, 'totals');
      console.log('done', event.Records.length);
    };`;
    const out = await run(source, kinesisEvent(['a', 'b']));
    expect(out.items).toEqual([
      { id: 'k0', n: 1 },
      { id: 'k1', n: 1 },
    ]);
    expect(out.records).toEqual([{ data: '{"total":2}', partitionKey: 'totals' }]);
    expect(out.logs).toEqual(['done 2']);
  });
});

describe('compile-time problems', () => {
  it('reports a syntax error with its line and column', () => {
    const compiled = compileHandler(
      'exports.handler = async (event) => {\n  return event.Records.map(r => r.;\n};',
      options(),
    );
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.error).toMatchObject({ line: 2, column: 35 });
  });

  it('refuses import with its position, since no SDK exists in the simulator', () => {
    const compiled = compileHandler(
      "import AWS from 'aws-sdk';\nexport const handler = async () => 1;",
      options(),
    );
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.error).toMatchObject({ line: 1, column: 1 });
  });

  it('says so when no handler is exported', () => {
    const compiled = compileHandler('const x = 1;', options());
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.error.message).toMatch(/No handler found/);
  });
});

describe('containment', () => {
  it('turns a thrown error into a failed invocation with its type and message', async () => {
    const out = await run('exports.handler = async () => { throw new TypeError("bad record"); };');
    expect(out).toMatchObject({
      ok: false,
      errorType: 'TypeError',
      errorMessage: 'bad record',
      timedOut: false,
    });
  });

  it('catches unbounded recursion as a RangeError', async () => {
    const out = await run(
      'function f(n) { return f(n + 1) + 1; }\nexports.handler = () => f(0);',
      {},
      {
        maxTicks: 1e9,
        timeoutSec: 900,
      },
    );
    expect(out).toMatchObject({ ok: false, errorType: 'RangeError', timedOut: false });
  });

  it("stops while(true) {} with Lambda's timeout message after the deterministic budget", async () => {
    const out = await run('exports.handler = async () => { while (true) {} };', {}, { timeoutSec: 3 });
    expect(out).toMatchObject({
      ok: false,
      timedOut: true,
      errorMessage: 'Task timed out after 3.00 seconds',
    });
  });

  it('cannot be fooled by catching the timeout inside the loop', async () => {
    const source = 'exports.handler = () => { for (;;) try { while (true) {} } catch (e) {} };';
    const out = await run(source, {}, { timeoutSec: 1 });
    expect(out).toMatchObject({
      ok: false,
      timedOut: true,
      errorMessage: 'Task timed out after 1.00 seconds',
    });
  });

  it('times out a promise that never settles (no timers exist to settle it)', async () => {
    const out = await run('exports.handler = () => new Promise(() => {});', {}, { timeoutSec: 5 });
    expect(out).toMatchObject({
      ok: false,
      timedOut: true,
      errorMessage: 'Task timed out after 5.00 seconds',
    });
  });

  it('refuses timers and fetch with a clear message instead of escaping the clock', async () => {
    const timer = await run('exports.handler = () => new Promise((r) => setTimeout(r, 100));');
    expect(timer).toMatchObject({
      ok: false,
      errorMessage: expect.stringMatching(/setTimeout is not available/),
    });
    const net = await run('exports.handler = async () => fetch("https://example.com");');
    expect(net).toMatchObject({ ok: false, errorMessage: expect.stringMatching(/fetch is not available/) });
    // globalThis is the sandbox's own global (QuickJS): nothing of the host's is on it.
    const glob = await run(
      'exports.handler = async () => [typeof self, typeof globalThis.process?.exit, typeof globalThis.XMLHttpRequest, typeof globalThis.indexedDB];',
    );
    expect(glob).toMatchObject({ ok: true, value: ['undefined', 'undefined', 'undefined', 'undefined'] });
  });

  it('keeps working after a failure: the next invocation succeeds', async () => {
    const compiled = compileHandler(
      'exports.handler = async (e) => { if (e.bad) while (true) {} return "ok"; };',
      options(),
    );
    if (!compiled.ok) throw new Error('compile');
    await compiled.handler.invoke({ bad: true }, { awsRequestId: 'a' });
    expect(await compiled.handler.invoke({}, { awsRequestId: 'b' })).toMatchObject({ ok: true, value: 'ok' });
  });

  it('measures work: 200,000 loop iterations at 1,769 MB are 2 simulated ms, at 885 MB about 4 ms', async () => {
    const source =
      'exports.handler = () => { let s = 0; for (let i = 0; i < 199999; i++) s += i; return s; };';
    // 199,999 loop iterations + 1 handler entry = 200,000 guard calls; 100,000 per ms at one vCPU.
    const full = await run(source);
    expect(full.workMs).toBeCloseTo(2, 2);
    const half = await run(source, {}, { memoryMB: 885 });
    expect(half.workMs).toBeCloseTo(2 * (1769 / 885), 2);
  });
});

describe('determinism', () => {
  it('seeds Math.random and crypto.randomUUID, and Date reads the simulated clock', async () => {
    const source =
      'exports.handler = async () => [Math.random(), crypto.randomUUID(), new Date().toISOString(), Date.now()];';
    const a = await run(source);
    const b = await run(source);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error('failed');
    const [, , iso, now] = a.value as [number, string, string, number];
    expect(iso).toBe('2017-07-01T00:00:01.500Z');
    expect(now).toBe(START + 1500);
  });
});

describe('checkHandler (for the editor and validation)', () => {
  it('returns null for a valid handler and the position of the first syntax error otherwise', async () => {
    const { checkHandler } = await import('./index.ts');
    expect(checkHandler('export const handler = async (event) => event.Records.length;')).toBeNull();
    expect(
      checkHandler('export const handler = async (event) => {\n  return event.Records.length\n'),
    ).toMatchObject({
      line: 3,
    });
  });
});

describe('UTF-8 and base64 helpers', () => {
  it('round-trip text with multi-byte characters and surrogate pairs like TextEncoder', async () => {
    const { utf8Encode, utf8Decode, toBase64, fromBase64 } = await import('./bytes.ts');
    const text = 'sushi 寿司 🍣 ok';
    expect(Array.from(utf8Encode(text))).toEqual(Array.from(new TextEncoder().encode(text)));
    expect(utf8Decode(utf8Encode(text))).toBe(text);
    expect(toBase64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    expect(fromBase64(Buffer.from(text).toString('base64'))).toBe(text);
  });
});
