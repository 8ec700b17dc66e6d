/**
 * The small part of Node's `Buffer` that Lambda handlers for Kinesis actually use:
 * `Buffer.from(record.kinesis.data, 'base64').toString('utf8')` and the reverse for outputs.
 * Handlers run in the sandbox, where the real Buffer does not exist (browser worker, lib ES2022).
 */
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from './bytes.ts';

type Encoding = 'utf8' | 'utf-8' | 'base64' | 'base64url' | 'hex' | 'latin1' | 'binary' | 'ascii';

function normalize(encoding: unknown): Encoding {
  const e = typeof encoding === 'string' ? encoding.toLowerCase() : 'utf8';
  if (['utf8', 'utf-8', 'base64', 'base64url', 'hex', 'latin1', 'binary', 'ascii'].includes(e)) {
    return e as Encoding;
  }
  throw new TypeError(`Unknown encoding: ${String(encoding)}`);
}

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'base64':
    case 'base64url':
      return base64Decode(text);
    case 'hex': {
      const out = new Uint8Array(Math.floor(text.length / 2));
      for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16) || 0;
      return out;
    }
    case 'latin1':
    case 'binary':
    case 'ascii':
      return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
    default:
      return utf8Encode(text);
  }
}

export class SandboxBuffer extends Uint8Array {
  static from(value: unknown, encodingOrOffset?: unknown): SandboxBuffer {
    let bytes: Uint8Array;
    if (typeof value === 'string') bytes = encode(value, normalize(encodingOrOffset));
    else if (value instanceof Uint8Array) bytes = value;
    else if (value instanceof ArrayBuffer) bytes = new Uint8Array(value);
    else if (Array.isArray(value)) bytes = Uint8Array.from(value as number[]);
    else if (value && typeof value === 'object' && Array.isArray((value as { data?: unknown }).data)) {
      bytes = Uint8Array.from((value as { data: number[] }).data);
    } else throw new TypeError('Buffer.from: unsupported argument');
    const out = new SandboxBuffer(bytes.length);
    out.set(bytes);
    return out;
  }

  static alloc(size: number): SandboxBuffer {
    return new SandboxBuffer(size);
  }

  static isBuffer(value: unknown): boolean {
    return value instanceof SandboxBuffer;
  }

  static byteLength(value: unknown, encoding?: unknown): number {
    if (typeof value === 'string') return encode(value, normalize(encoding)).length;
    if (value instanceof Uint8Array) return value.length;
    return 0;
  }

  static concat(list: Uint8Array[]): SandboxBuffer {
    const total = list.reduce((n, b) => n + b.length, 0);
    const out = new SandboxBuffer(total);
    let at = 0;
    for (const b of list) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }

  // The Uint8Array signature takes a separator; Buffer's takes an encoding. Sandbox code only sees Buffer's.
  override toString(encoding?: unknown): string {
    const e = normalize(encoding);
    if (e === 'base64') return base64Encode(this);
    if (e === 'base64url')
      return base64Encode(this).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    if (e === 'hex') return Array.from(this, (b) => b.toString(16).padStart(2, '0')).join('');
    if (e === 'latin1' || e === 'binary' || e === 'ascii') return String.fromCharCode(...this);
    return utf8Decode(this);
  }

  toJSON(): { type: 'Buffer'; data: number[] } {
    return { type: 'Buffer', data: Array.from(this) };
  }
}
