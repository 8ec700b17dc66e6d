/**
 * Japanese has no spaces, so a narrow label breaks anywhere ("プロデュー/サー"). This marks the
 * word boundaries (Intl.Segmenter's dictionary, built into the browser: no download) with <wbr>,
 * and CSS (`word-break: keep-all`, or Chromium's `auto-phrase`) breaks only there.
 */
import { Fragment } from 'react';

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('ja', { granularity: 'word' })
    : null;

/** The words of a Japanese text (the text whole in English or without Intl.Segmenter). */
export function phrases(text: string, locale: string): string[] {
  if (locale !== 'ja' || !segmenter) return [text];
  const words = [...segmenter.segment(text)].map((s) => s.segment);
  // A long vowel mark, and a katakana piece under 3 characters after katakana ("クラス|ター"),
  // stay with the word before them: the dictionary splits some loanwords it does not know.
  const KATAKANA = /^[\u30A0-\u30FF]+$/;
  const out: string[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const glue =
      prev !== undefined && (/^ー/.test(w) || (KATAKANA.test(w) && KATAKANA.test(prev) && w.length < 3));
    if (glue) out[out.length - 1] += w;
    else out.push(w);
  }
  return out;
}

/** A label that wraps at Japanese word boundaries. */
export function Phrases({ text, locale }: { text: string; locale: string }) {
  const parts = phrases(text, locale);
  return (
    <span className="phrases">
      {parts.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </span>
  );
}
