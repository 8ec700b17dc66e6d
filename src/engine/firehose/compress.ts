/**
 * Object bodies and compressed sizes (AWS docs: Compression and format conversion). Firehose concatenates records as
 * they are (no delimiter) and compresses the whole object. GZIP and ZIP are real (fflate) on the
 * records' real text; Snappy / HADOOP_SNAPPY are modelled as 1.6 × the GZIP size of the same text
 * (typical for JSON logs), capped at the raw size. When the object's text is too large to keep, the
 * ratio is measured on a ≤ 256 KiB sample and applied to the exact raw byte count.
 */
import { gzipSync, zipSync } from 'fflate';
import type { Compression } from '../../model/types.ts';
import { utf8Encode } from '../usercode/index.ts';

/** Objects up to this many raw bytes keep their body (so the studio can open and gunzip them). */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;
const SAMPLE_BYTES = 256 * 1024;
const SNAPPY_VS_GZIP = 1.6;

export interface BuiltObject {
  sizeBytes: number;
  body?: Uint8Array;
  firstRecords: string[];
}

/**
 * `texts`: each record's text when known (undefined otherwise); `rawBytes`: the exact sum of record
 * sizes (what the buffer measured, before compression).
 */
export function buildObject(
  texts: (string | undefined)[],
  rawBytes: number,
  compression: Compression,
  entryName: string,
): BuiltObject {
  const firstRecords: string[] = [];
  for (const t of texts) {
    if (t !== undefined) firstRecords.push(t.length > 1024 ? `${t.slice(0, 1024)}…` : t);
    if (firstRecords.length === 5) break;
  }
  const allKnown = texts.every((t) => t !== undefined);
  let textLength = 0;
  for (const t of texts) textLength += t?.length ?? 0;
  if (allKnown && textLength <= BODY_LIMIT_BYTES) {
    const raw = utf8Encode((texts as string[]).join(''));
    const body = encode(raw, compression, entryName);
    const exact = raw.length === rawBytes;
    const ratio = raw.length > 0 ? body.size / raw.length : 1;
    return {
      sizeBytes: exact ? body.size : Math.round(rawBytes * ratio),
      // Records sized by a distribution other than their text: the size scales, the body still
      // shows the real texts.
      body: body.bytes,
      firstRecords,
    };
  }
  // Too large to keep: measure the ratio on a sample of the known texts.
  let sample = '';
  for (const t of texts) {
    if (t === undefined) continue;
    sample += t;
    if (sample.length >= SAMPLE_BYTES) break;
  }
  if (sample.length === 0 || compression === 'UNCOMPRESSED') return { sizeBytes: rawBytes, firstRecords };
  const raw = utf8Encode(sample);
  const ratio = encode(raw, compression, entryName).size / raw.length;
  return { sizeBytes: Math.round(rawBytes * ratio), firstRecords };
}

function encode(
  raw: Uint8Array,
  compression: Compression,
  entryName: string,
): { bytes?: Uint8Array; size: number } {
  switch (compression) {
    case 'UNCOMPRESSED':
      return { bytes: raw, size: raw.length };
    case 'GZIP': {
      const gz = gzipSync(raw, { level: 6, mtime: 0 });
      return { bytes: gz, size: gz.length };
    }
    case 'ZIP': {
      // A fixed timestamp keeps runs byte-identical (ZIP dates must lie in 1980–2099).
      const zip = zipSync({ [entryName]: [raw, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) }] });
      return { bytes: zip, size: zip.length };
    }
    default: {
      // Snappy framing is modelled, not produced: no body the studio could not open.
      const gz = gzipSync(raw, { level: 6, mtime: 0 });
      return { size: Math.min(raw.length + 16, Math.round(gz.length * SNAPPY_VS_GZIP)) };
    }
  }
}
