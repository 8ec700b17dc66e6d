/**
 * The sizing answers under the Cost tab's estimate (nothing running): for each stream the shard
 * count its peak needs, for each Lambda that reads a stream the ParallelizationFactor and
 * concurrency that keep its iterator age flat (at the design's shard count), for each Firehose
 * the buffer size and interval for a target object size the user can set (default 64 MiB), each
 * with the engine's reason in words (en/ja). The engine loads on demand, like the estimate.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignSizingAll } from '../../engine/api.ts';
import { useStudio } from '../../store/studio.ts';

function useSizing(targetObjectMiB: number): DesignSizingAll | null {
  const doc = useStudio((s) => s.doc);
  const [sizing, setSizing] = useState<DesignSizingAll | null>(null);
  useEffect(() => {
    let live = true;
    void import('../../engine/api.ts').then((m) => {
      if (!live) return;
      try {
        setSizing(m.sizeDesign(doc, { targetObjectMiB }));
      } catch {
        setSizing(null); // a half-edited design: no answer rather than a crash
      }
    });
    return () => {
      live = false;
    };
  }, [doc, targetObjectMiB]);
  return sizing;
}

export function SizingAnswers() {
  const { t, i18n } = useTranslation('run');
  const ja = i18n.language.startsWith('ja');
  const [target, setTarget] = useState(64);
  const sizing = useSizing(target);
  const nodes = useStudio((s) => s.doc.nodes);
  const nameOf = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  if (!sizing) return null;
  const { streams, lambdas, firehoses } = sizing;
  if (streams.length + lambdas.length + firehoses.length === 0) return null;
  const why = (r: { en: string; ja: string }) => (ja ? r.ja : r.en);
  return (
    <section className="run-sizing" aria-label={t('sizing.title')}>
      <h3>{t('sizing.title')}</h3>
      <ul>
        {streams.map((s) => (
          <li key={s.streamId}>
            <strong>{t('sizing.stream', { name: nameOf(s.streamId), count: s.shards })}</strong>{' '}
            <span>{why(s.reason)}</span>
          </li>
        ))}
        {lambdas.map((l) => (
          <li key={`${l.lambdaId}-${l.streamId}`}>
            <strong>
              {t('sizing.lambda', {
                name: nameOf(l.lambdaId),
                factor: l.parallelizationFactor,
                concurrency: l.concurrency,
              })}
            </strong>{' '}
            <span className={l.keepsUp ? undefined : 'live__warn'}>{why(l.reason)}</span>
          </li>
        ))}
        {firehoses.map((f) => (
          <li key={f.firehoseId}>
            <strong>
              {t('sizing.firehose', {
                name: nameOf(f.firehoseId),
                size: f.bufferSizeMiB,
                interval: f.bufferIntervalSec,
              })}
            </strong>{' '}
            <span>{why(f.reason)}</span>
          </li>
        ))}
      </ul>
      {firehoses.length > 0 && (
        <label className="run-sizing__target">
          {t('sizing.target')}{' '}
          <input
            type="number"
            min={1}
            max={128}
            value={target}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (v >= 1 && v <= 128) setTarget(v);
            }}
          />
        </label>
      )}
    </section>
  );
}
