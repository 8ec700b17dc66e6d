/**
 * Partition-key hashing as Kinesis does it: MD5 of the key's UTF-8 bytes read as an unsigned
 * 128-bit big-endian integer (AWS docs: Partition-key hashing). On the hot path a hash is 4 uint32 words
 * (most significant first) compared word by word; BigInt only appears when shards are created or
 * split and when hash keys are printed.
 */
import { md5 } from 'js-md5';
import { utf8Length } from './records.ts';

export const HASH_MAX = (1n << 128n) - 1n;

/** Write the MD5 of `text` as 4 big-endian uint32 words into out[off…off+3]. */
export function md5Words(text: string, out: Uint32Array, off: number): void {
  const b = md5.array(text);
  for (let w = 0; w < 4; w++) {
    out[off + w] = ((b[w * 4] << 24) | (b[w * 4 + 1] << 16) | (b[w * 4 + 2] << 8) | b[w * 4 + 3]) >>> 0;
  }
}

export function bigToWords(v: bigint, out: Uint32Array, off: number): void {
  for (let w = 3; w >= 0; w--) {
    out[off + w] = Number(v & 0xffffffffn);
    v >>= 32n;
  }
}

export function wordsToBig(a: Uint32Array, off: number): bigint {
  return (
    (BigInt(a[off]) << 96n) | (BigInt(a[off + 1]) << 64n) | (BigInt(a[off + 2]) << 32n) | BigInt(a[off + 3])
  );
}

/** -1, 0, 1 comparing the 128-bit values at a[ai…] and b[bi…]. */
export function compareWords(a: Uint32Array, ai: number, b: Uint32Array, bi: number): number {
  for (let w = 0; w < 4; w++) {
    const x = a[ai + w];
    const y = b[bi + w];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** MD5 hash key of a partition key as a decimal string (for display and tests). */
export function hashKeyOf(partitionKey: string): string {
  const w = new Uint32Array(4);
  md5Words(partitionKey, w, 0);
  return wordsToBig(w, 0).toString();
}

/**
 * CreateStream's even split as kinesalite does it (§1.6.2): shard i gets
 * [i·⌊2^128/N⌋, (i+1)·⌊2^128/N⌋ − 1], and the last shard ends at 2^128 − 1.
 */
export function evenSplit(n: number): { start: bigint; end: bigint }[] {
  const step = (1n << 128n) / BigInt(n);
  const out: { start: bigint; end: bigint }[] = [];
  for (let i = 0; i < n; i++) {
    const start = BigInt(i) * step;
    const end = i === n - 1 ? HASH_MAX : BigInt(i + 1) * step - 1n;
    out.push({ start, end });
  }
  return out;
}

/** Parse a decimal ExplicitHashKey; null when it is not an integer in [0, 2^128 − 1]. */
export function parseHashKey(text: string): bigint | null {
  if (!/^\d{1,39}$/.test(text.trim())) return null;
  const v = BigInt(text.trim());
  return v <= HASH_MAX ? v : null;
}

/**
 * Partition keys of a run, interned: each distinct key text gets an id, its UTF-8 length and its
 * hash words, computed once (MD5 ≈ 130 ns, only on first sight of a key).
 */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  hashes = new Uint32Array(4 * 1024);
  byteLength = new Int32Array(1024);

  get size(): number {
    return this.texts.length;
  }

  /** Id of a partition key, hashing it with MD5 the first time. */
  intern(text: string): number {
    const found = this.ids.get(text);
    if (found !== undefined) return found;
    const id = this.add(text);
    md5Words(text, this.hashes, id * 4);
    return id;
  }

  /** Id of a partition key sent with an ExplicitHashKey (the hash overrides MD5). */
  internExplicit(text: string, hashKey: bigint): number {
    const label = `${text}\u0000${hashKey}`;
    const found = this.ids.get(label);
    if (found !== undefined) return found;
    const id = this.add(label, text);
    bigToWords(hashKey, this.hashes, id * 4);
    return id;
  }

  text(id: number): string {
    return this.texts[id] ?? '';
  }

  /** UTF-8 bytes of the partition key (counted toward shard write limits). */
  bytes(id: number): number {
    return this.byteLength[id];
  }

  hashKey(id: number): bigint {
    return wordsToBig(this.hashes, id * 4);
  }

  private add(label: string, text = label): number {
    const id = this.texts.length;
    if (id >= this.byteLength.length) {
      const h = new Uint32Array(this.hashes.length * 2);
      h.set(this.hashes);
      this.hashes = h;
      const b = new Int32Array(this.byteLength.length * 2);
      b.set(this.byteLength);
      this.byteLength = b;
    }
    this.ids.set(label, id);
    this.texts.push(text);
    this.byteLength[id] = utf8Length(text);
    return id;
  }
}
