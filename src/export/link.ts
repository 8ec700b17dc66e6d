/**
 * Share links: the whole design in the URL fragment (`#design=…`), deflated with fflate and
 * base64url-encoded. The fragment never reaches a server. Opening a link goes through the same
 * parse/migrate/validate path as a file import.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { PipelineDoc } from '../model/types.ts';

export const LINK_KEY = 'design';
/** Longest link we hand out: browsers and chat tools start cutting URLs past a few tens of kB. */
export const MAX_LINK_CHARS = 32_000;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let j = 0; j < chars; j++) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not a share link: unexpected character "${ch}"`);
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 255;
    }
  }
  return out;
}

export type LinkResult = { ok: true; url: string } | { ok: false; chars: number };

/** `base#design=…`, or how long it would be when over MAX_LINK_CHARS. */
export function designLink(doc: PipelineDoc, base: string): LinkResult {
  const payload = toBase64Url(deflateSync(strToU8(JSON.stringify(doc)), { level: 9 }));
  const url = `${base.replace(/#.*$/, '')}#${LINK_KEY}=${payload}`;
  return url.length <= MAX_LINK_CHARS ? { ok: true, url } : { ok: false, chars: url.length };
}

/** The design JSON text inside a link's fragment, or null when the fragment holds none. */
export function designTextFromHash(hash: string): string | null {
  const m = new RegExp(`(?:^#|&)${LINK_KEY}=([A-Za-z0-9_-]+)`).exec(hash);
  if (!m) return null;
  return strFromU8(inflateSync(fromBase64Url(m[1])));
}
