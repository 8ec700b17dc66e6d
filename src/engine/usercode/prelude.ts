/**
 * JavaScript evaluated inside each QuickJS context before the handler: what a Lambda gets that the
 * simulation can honestly provide, built from the engine's own primitives, with no host objects.
 * Host functions called from here: `__random()` (the node's seeded generator, [0, 1)) and `__now()`
 * (the simulated wall clock, epoch ms). Everything crosses the boundary as numbers or JSON text.
 *
 * `__invoke(eventJson, contextJson)` calls the handler and returns a promise of a JSON string
 * `{ ok, value | errorType+errorMessage, items, records, logs }`, serialized in here, so a getter or
 * `toJSON` on what the handler returns runs inside the sandbox, never in the engine.
 */
export const PRELUDE = String.raw`
'use strict';
(() => {
  const G = globalThis;
  // The prelude keeps its own references: a handler that replaces JSON or Promise methods only
  // breaks its own results (read as an error), never the boundary.
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const random = G.__random;
  const now = G.__now;
  delete G.__random;
  delete G.__now;

  let logs = [];
  let items = [];
  let records = [];
  const MAX_LOGS = 50;
  const text = (a) => {
    if (typeof a === 'string') return a;
    try { const s = stringify(a); return s === undefined ? String(a) : s; } catch (e) { return '[unserializable]'; }
  };
  const log = (level) => (...args) => {
    if (logs.length >= MAX_LOGS) return;
    const line = args.map(text).join(' ');
    logs.push(level === 'log' ? line : level.toUpperCase() + ' ' + line);
  };
  G.console = { log: log('log'), info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') };

  Object.defineProperty(Math, 'random', { value: () => random(), writable: false, configurable: false });
  const RealDate = Date;
  class SimDate extends RealDate {
    constructor(...a) { if (a.length === 0) super(now()); else super(...a); }
    static now() { return now(); }
  }
  G.Date = SimDate;

  // Byte codecs run in the engine (host functions): bytes cross as ArrayBuffer copies, text as
  // strings. Interpreted loops over every byte were the hot spot.
  const b64ToBytes = G.__b64ToBytes, textToBytes = G.__textToBytes, bytesToText = G.__bytesToText, bytesToB64 = G.__bytesToB64;
  delete G.__b64ToBytes; delete G.__textToBytes; delete G.__bytesToText; delete G.__bytesToB64;
  const utf8Encode = (s) => new Buffer(textToBytes(String(s)));
  // Record data decoded ahead by the engine for this invocation (base64 → bytes and text), so the
  // usual Buffer.from(data, 'base64').toString('utf8') makes no host call at all.
  let preloaded = new Map();
  const knownText = new WeakMap();
  const utf8Decode = (b) => (knownText.has(b) ? knownText.get(b) : bytesToText(b.buffer, b.byteOffset, b.length));
  const b64Encode = (b) => bytesToB64(b.buffer, b.byteOffset, b.length);
  const latin1 = (s) => { const a = new Buffer(s.length); for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i) & 255; return a; };

  class Buffer extends Uint8Array {
    static from(v, enc) {
      if (typeof v === 'string') {
        if (enc === 'base64' || enc === 'base64url') {
          const pre = preloaded.get(v);
          if (pre) {
            const b = new Buffer(pre.ab.slice(pre.offset, pre.offset + pre.length));
            knownText.set(b, pre.text);
            return b;
          }
          return new Buffer(b64ToBytes(v));
        }
        if (enc === 'hex') return new Buffer((v.match(/../g) || []).map((h) => parseInt(h, 16)));
        if (enc === 'latin1' || enc === 'binary' || enc === 'ascii') return latin1(v);
        return utf8Encode(v);
      }
      if (v instanceof ArrayBuffer) return new Buffer(new Uint8Array(v));
      if (v && v.type === 'Buffer' && Array.isArray(v.data)) return new Buffer(v.data);
      return new Buffer(Array.from(v));
    }
    static alloc(n, fill) { const b = new Buffer(n); if (fill !== undefined) b.fill(typeof fill === 'number' ? fill : 0); return b; }
    static isBuffer(b) { return b instanceof Buffer; }
    static byteLength(s, enc) { return typeof s === 'string' ? Buffer.from(s, enc).length : s.length; }
    static concat(list) {
      const out = new Buffer(list.reduce((n, b) => n + b.length, 0));
      let o = 0;
      for (const b of list) { out.set(b, o); o += b.length; }
      return out;
    }
    toString(enc) {
      if (enc === 'base64') return b64Encode(this);
      if (enc === 'hex') return Array.from(this, (x) => x.toString(16).padStart(2, '0')).join('');
      if (enc === 'latin1' || enc === 'binary' || enc === 'ascii') return String.fromCharCode(...this);
      return utf8Decode(this);
    }
    toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
    equals(o) { return this.length === o.length && this.every((x, i) => x === o[i]); }
  }
  G.Buffer = Buffer;
  G.atob = (s) => { const b = new Uint8Array(b64ToBytes(String(s))); let out = ''; for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode.apply(null, b.subarray(i, i + 8192)); return out; };
  G.btoa = (s) => b64Encode(latin1(String(s)));
  G.TextEncoder = class { encode(s) { return new Uint8Array(utf8Encode(String(s))); } };
  G.TextDecoder = class { decode(b) { return utf8Decode(b || new Uint8Array(0)); } };
  G.crypto = {
    getRandomValues(a) { for (let i = 0; i < a.length; i++) a[i] = Math.floor(random() * 256); return a; },
    randomUUID() {
      const h = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
      h[12] = '4';
      h[16] = ((parseInt(h[16], 16) & 3) | 8).toString(16);
      const s = h.join('');
      return s.slice(0, 8) + '-' + s.slice(8, 12) + '-' + s.slice(12, 16) + '-' + s.slice(16, 20) + '-' + s.slice(20);
    },
  };
  const unavailable = (name, why) => () => { throw new Error(name + ' is not available in the simulator (' + why + ')'); };
  const noTimers = 'the simulated clock has no timers; await work directly';
  G.setTimeout = unavailable('setTimeout', noTimers);
  G.setInterval = unavailable('setInterval', noTimers);
  G.setImmediate = unavailable('setImmediate', noTimers);
  G.clearTimeout = () => undefined;
  G.clearInterval = () => undefined;
  G.fetch = unavailable('fetch', 'the handler cannot do network I/O; return results or use context.putItem / putRecord');
  G.require = (name) => { throw new Error("Cannot find module '" + name + "': the simulator runs the handler without npm modules or the AWS SDK"); };
  G.process = { env: {} };

  const safeError = (e) => {
    try {
      if (e !== null && typeof e === 'object') {
        const name = typeof e.name === 'string' ? e.name : 'Error';
        const message = typeof e.message === 'string' ? e.message : text(e);
        return { errorType: name || 'Error', errorMessage: message };
      }
      return { errorType: 'Error', errorMessage: typeof e === 'string' ? e : text(e) };
    } catch (inner) {
      return { errorType: 'Error', errorMessage: 'the handler threw a value that cannot be read' };
    }
  };
  const plain = (v) => { try { const s = stringify(v); return s === undefined ? null : parse(s); } catch (e) { return null; } };
  const done = (r) => {
    const out = stringify({ ...r, items, records, logs });
    logs = []; items = []; records = [];
    return out;
  };

  G.__invoke = (handler, eventJson, contextJson, timeoutMs, dataAb, dataJson) => {
    const start = now();
    preloaded = new Map();
    if (dataAb) {
      const list = parse(dataJson);
      for (const [b64, offset, length, text] of list) preloaded.set(b64, { ab: dataAb, offset, length, text });
    }
    const base = parse(contextJson);
    return new Promise((resolve, reject) => {
      let settled = false;
      const ok = (v) => { if (!settled) { settled = true; resolve(v); } };
      const fail = (e) => { if (!settled) { settled = true; reject(e); } };
      const context = {
        ...base,
        callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (now() - start)),
        putItem: (item) => { if (item && typeof item === 'object') items.push(plain(item)); },
        putRecord: (data, partitionKey) => records.push({ data: typeof data === 'string' ? data : text(data), partitionKey: partitionKey === undefined ? undefined : String(partitionKey) }),
        succeed: ok,
        fail,
        done: (err, v) => (err ? fail(err) : ok(v)),
      };
      try {
        const result = handler(parse(eventJson), context, (err, v) => (err ? fail(err) : ok(v)));
        if (result && typeof result.then === 'function') result.then(ok, fail);
        else if (handler.length < 3) ok(result);
      } catch (e) { fail(e); }
    }).then(
      (v) => done({ ok: true, value: plain(v) }),
      (e) => done({ ok: false, ...safeError(e) }),
    );
  };
})();
`;
