/**
 * Records in flight, column-wise. A record is a row index into typed arrays, never an object:
 * hot paths (produce → route → shard limits → store → read) allocate nothing per record.
 *
 * - `key`: id in the run's KeyTable (partition key text, its MD5 hash words, its UTF-8 length).
 * - `bytes`: data blob size in bytes (the partition key is NOT included; add `keys.bytes(key)`).
 * - `arrivalMs`: ApproximateArrivalTimestamp (sim ms) once a stream stored it; before that, the
 *   time the record entered the current stage.
 * - `bornMs`: sim ms the producer generated the (first) user record, for end-to-end latency.
 * - `seq`: the per-shard sequence counter (a number; `formatSequenceNumber` turns it into AWS's
 *   decimal string off the hot path).
 * - `producer`: producer index in the plan (-1 for records created by a downstream stage).
 * - `payload`: index into the PayloadStore (a bounded sample of real rendered record text), -1 none.
 * - `users`: KPL user records packed in this Kinesis record (1 without aggregation).
 * - `shard`: shard index the record was routed to (-1 before routing).
 * - `attempts`: put attempts so far (retries after throttling add 1).
 */
/** Bytes per row: 3 Float64 columns then 7 Int32 columns, all views of one ArrayBuffer. */
const ROW_BYTES = 3 * 8 + 7 * 4;

export class RecordBatch {
  length = 0;
  // Float64 columns first (8-byte aligned offsets), then the Int32 ones: see `allocate`.
  arrivalMs!: Float64Array;
  bornMs!: Float64Array;
  seq!: Float64Array;
  key!: Int32Array;
  bytes!: Int32Array;
  producer!: Int32Array;
  payload!: Int32Array;
  users!: Int32Array;
  shard!: Int32Array;
  attempts!: Int32Array;

  constructor(public capacity = 1024) {
    this.allocate(capacity);
  }

  /**
   * Point the columns at one fresh ArrayBuffer of `cap` rows. One allocation instead of ten:
   * creating a typed array costs tens of µs in Node whatever its size (and zeroing on top), and
   * batches are created and grown by every stage.
   */
  private allocate(cap: number): void {
    const buf = new ArrayBuffer(cap * ROW_BYTES);
    let at = 0;
    const f64 = () => {
      const a = new Float64Array(buf, at, cap);
      at += cap * 8;
      return a;
    };
    const i32 = () => {
      const a = new Int32Array(buf, at, cap);
      at += cap * 4;
      return a;
    };
    this.arrivalMs = f64();
    this.bornMs = f64();
    this.seq = f64();
    this.key = i32();
    this.bytes = i32();
    this.producer = i32();
    this.payload = i32();
    this.users = i32();
    this.shard = i32();
    this.attempts = i32();
    this.capacity = cap;
  }

  clear(): void {
    this.length = 0;
  }

  /** Make room for `n` more rows (doubles the capacity; amortised, not per record). */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.capacity) return;
    let cap = Math.max(16, this.capacity * 2);
    while (cap < need) cap *= 2;
    const old = {
      arrivalMs: this.arrivalMs,
      bornMs: this.bornMs,
      seq: this.seq,
      key: this.key,
      bytes: this.bytes,
      producer: this.producer,
      payload: this.payload,
      users: this.users,
      shard: this.shard,
      attempts: this.attempts,
    };
    const len = this.length;
    this.allocate(cap);
    this.arrivalMs.set(old.arrivalMs.subarray(0, len));
    this.bornMs.set(old.bornMs.subarray(0, len));
    this.seq.set(old.seq.subarray(0, len));
    this.key.set(old.key.subarray(0, len));
    this.bytes.set(old.bytes.subarray(0, len));
    this.producer.set(old.producer.subarray(0, len));
    this.payload.set(old.payload.subarray(0, len));
    this.users.set(old.users.subarray(0, len));
    this.shard.set(old.shard.subarray(0, len));
    this.attempts.set(old.attempts.subarray(0, len));
  }

  /** Append one row; returns its index. Call `reserve` first in loops. */
  push(
    key: number,
    bytes: number,
    atMs: number,
    bornMs: number,
    producer: number,
    payload: number,
    users = 1,
  ): number {
    if (this.length >= this.capacity) this.reserve(1);
    const i = this.length++;
    this.key[i] = key;
    this.bytes[i] = bytes;
    this.arrivalMs[i] = atMs;
    this.bornMs[i] = bornMs;
    this.seq[i] = 0;
    this.producer[i] = producer;
    this.payload[i] = payload;
    this.users[i] = users;
    this.shard[i] = -1;
    this.attempts[i] = 0;
    return i;
  }

  /** Append rows [start, end) of `src` (typed-array copies, no per-record work). */
  append(src: RecordBatch, start = 0, end = src.length): void {
    const n = end - start;
    if (n <= 0) return;
    this.reserve(n);
    const at = this.length;
    this.key.set(src.key.subarray(start, end), at);
    this.bytes.set(src.bytes.subarray(start, end), at);
    this.arrivalMs.set(src.arrivalMs.subarray(start, end), at);
    this.bornMs.set(src.bornMs.subarray(start, end), at);
    this.seq.set(src.seq.subarray(start, end), at);
    this.producer.set(src.producer.subarray(start, end), at);
    this.payload.set(src.payload.subarray(start, end), at);
    this.users.set(src.users.subarray(start, end), at);
    this.shard.set(src.shard.subarray(start, end), at);
    this.attempts.set(src.attempts.subarray(start, end), at);
    this.length += n;
  }

  /** Copy row `i` of `src` to the end of this batch. */
  appendRow(src: RecordBatch, i: number): void {
    if (this.length >= this.capacity) this.reserve(1);
    const j = this.length++;
    this.key[j] = src.key[i];
    this.bytes[j] = src.bytes[i];
    this.arrivalMs[j] = src.arrivalMs[i];
    this.bornMs[j] = src.bornMs[i];
    this.seq[j] = src.seq[i];
    this.producer[j] = src.producer[i];
    this.payload[j] = src.payload[i];
    this.users[j] = src.users[i];
    this.shard[j] = src.shard[i];
    this.attempts[j] = src.attempts[i];
  }

  /** Drop the first `n` rows (moves the rest down). */
  shift(n: number): void {
    if (n <= 0) return;
    if (n >= this.length) {
      this.length = 0;
      return;
    }
    const end = this.length;
    this.key.copyWithin(0, n, end);
    this.bytes.copyWithin(0, n, end);
    this.arrivalMs.copyWithin(0, n, end);
    this.bornMs.copyWithin(0, n, end);
    this.seq.copyWithin(0, n, end);
    this.producer.copyWithin(0, n, end);
    this.payload.copyWithin(0, n, end);
    this.users.copyWithin(0, n, end);
    this.shard.copyWithin(0, n, end);
    this.attempts.copyWithin(0, n, end);
    this.length = end - n;
  }

  /** Sum of data bytes of rows [start, end). */
  sumBytes(start = 0, end = this.length): number {
    let s = 0;
    for (let i = start; i < end; i++) s += this.bytes[i];
    return s;
  }

  /** Sum of user records (KPL) of rows [start, end). */
  sumUsers(start = 0, end = this.length): number {
    let s = 0;
    for (let i = start; i < end; i++) s += this.users[i];
    return s;
  }
}

/** UTF-8 byte length of a string (partition keys count their UTF-8 bytes toward the 1 MiB/s). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a string (no TextEncoder: the core compiles with lib ES2022 only). */
export function utf8Bytes(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
    }
    if (c < 0x80) out[j++] = c;
    else if (c < 0x800) {
      out[j++] = 0xc0 | (c >> 6);
      out[j++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[j++] = 0xe0 | (c >> 12);
      out[j++] = 0x80 | ((c >> 6) & 63);
      out[j++] = 0x80 | (c & 63);
    } else {
      out[j++] = 0xf0 | (c >> 18);
      out[j++] = 0x80 | ((c >> 12) & 63);
      out[j++] = 0x80 | ((c >> 6) & 63);
      out[j++] = 0x80 | (c & 63);
    }
  }
  return out;
}

/**
 * A bounded store of real record texts (rendered templates, Lambda outputs, SQL output rows).
 * Records point at an entry by a monotonically increasing index; the newest `capacity` entries are
 * kept, older ones read back as undefined (the record's size and key are still exact).
 */
export class PayloadStore {
  private readonly texts: (string | undefined)[];
  private nextIndex = 0;
  constructor(readonly capacity = 65536) {
    this.texts = new Array(capacity);
  }
  add(text: string): number {
    const i = this.nextIndex++;
    this.texts[i % this.capacity] = text;
    return i;
  }
  get(index: number): string | undefined {
    if (index < 0 || index >= this.nextIndex || index < this.nextIndex - this.capacity) return undefined;
    return this.texts[index % this.capacity];
  }
  get size(): number {
    return this.nextIndex;
  }
}
