/**
 * A sweep's results as they arrive: the recommendation (with Apply), the charts, the table (one row
 * per point, Apply on each) and the exports (Markdown report, CSV, PNG of the charts).
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SweepRun } from '../../engine/plan/sweep.ts';
import { axisText, type GridPoint, numericFields } from '../../engine/plan/sweep-grid.ts';
import { FIGURE_LABELS, FIGURES, sweepCsv, sweepMarkdown } from '../../engine/plan/sweep-report.ts';
import type { PipelineDoc } from '../../model/types.ts';
import { useStudio } from '../../store/studio.ts';
import { applySweepPoint, compareWithCurrentRun, type SweepState } from '../../store/sweep.ts';
import { download, exportPng, safeName } from '../run/exportChart.ts';
import { fmtNum } from '../run/format.ts';
import { SweepCharts } from './SweepCharts.tsx';

type L = 'en' | 'ja';

/** The open design still has every node and numeric field the point sets (another design may be open now). */
function applicable(doc: PipelineDoc, p: GridPoint): boolean {
  return p.changes.every((c) => numericFields(doc, c.nodeId).some((f) => f.path === c.field));
}

function cellText(f: (typeof FIGURES)[number], r: SweepRun, l: L): string {
  return f === 'costPerMonthUsd' ? `$${fmtNum(r.costPerMonthUsd, l, 2)}` : fmtNum(r[f], l);
}

export function SweepResults({ state }: { state: SweepState }) {
  const { t, i18n } = useTranslation('sweep');
  const l: L = i18n.language === 'ja' ? 'ja' : 'en';
  const charts = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const current = useStudio((s) => s.doc);
  const { doc, spec, points, runs, recommendation: rec, status } = state;
  if (!doc || !spec) return null;
  const canApply = points.length > 0 && applicable(current, points[0]);
  const axisLabel = (i: number, loc: L) => axisText(doc, spec.axes[i], loc);
  const at = (values: number[]) => values.map((v, i) => `${axisLabel(i, l)} = ${v}`).join(', ');
  const finished = status === 'finished' && rec !== null;
  const report = () => ({ doc, spec, points, runs: runs as SweepRun[], recommendation: rec, axisLabel });
  const base = `${safeName(doc.name)}-sweep`;
  const apply = (i: number) => {
    applySweepPoint(points[i]);
    setMessage({ text: t('applied', { at: at(points[i].values) }), ok: true });
  };
  const compare = (i: number) => {
    const label = `${t('tab')}: ${at(points[i].values)}`;
    void compareWithCurrentRun(i, label).then((ok) => {
      if (!ok) setMessage({ text: t('noRunToCompare'), ok: false });
    });
  };
  const recX = finished ? rec.values[0] : undefined;
  return (
    <div className="sweep-results">
      {finished && (
        <section className="sweep-rec" aria-label={t('recommended')}>
          <div className="sweep-rec__head">
            <strong>★ {t('recommendedAt', { at: at(rec.values) })}</strong>
            <button
              type="button"
              disabled={!canApply}
              onClick={() => apply(rec.index)}
              aria-label={t('applyLabel', { at: at(rec.values) })}
            >
              {t('apply')}
            </button>
            <button type="button" onClick={() => compare(rec.index)}>
              {t('compareWithRun')}
            </button>
          </div>
          {rec.hotKeys.length > 0 && (
            <p className="sweep-rec__warn" role="note">
              ⚠ {t('hotKeys', { keys: rec.hotKeys.map((k) => `“${k}”`).join(', ') })}
            </p>
          )}
          <p>{rec.reason[l]}</p>
        </section>
      )}
      {!canApply && <p className="run-tab__hint">{t('changedSince')}</p>}
      {message && (
        <p className={message.ok ? 'sweep-applied' : 'sweep-form__problem'} role="status">
          {message.text}
        </p>
      )}
      <div className="run-tab__bar sweep-export">
        <button
          type="button"
          disabled={!finished}
          onClick={() =>
            download(new Blob([sweepMarkdown(report(), l)], { type: 'text/markdown' }), `${base}.md`)
          }
        >
          {t('exportMd')}
        </button>
        <button
          type="button"
          disabled={!finished}
          onClick={() => download(new Blob([sweepCsv(report())], { type: 'text/csv' }), `${base}.csv`)}
        >
          {t('exportCsv')}
        </button>
        <button
          type="button"
          disabled={!finished}
          onClick={() => charts.current && void exportPng(charts.current, doc.name, 'sweep')}
        >
          {t('exportPng')}
        </button>
        <span className="run-tab__hint">{t('latencyNote')}</span>
      </div>
      <div className="sweep-results__body">
        <div ref={charts} className="sweep-results__charts">
          <SweepCharts
            points={points}
            runs={runs}
            secondValues={spec.axes[1]?.values ?? []}
            xLabel={axisLabel(0, l)}
            secondLabel={spec.axes[1] ? axisLabel(1, l) : ''}
            recommendedX={recX}
          />
        </div>
        <div className="sweep-results__table">
          <table className="run-table" aria-label={t('results')}>
            <thead>
              <tr>
                {spec.axes.map((a, i) => (
                  <th key={`${a.nodeId}.${a.field}`} scope="col">
                    {axisLabel(i, l)}
                  </th>
                ))}
                {FIGURES.map((f) => (
                  <th key={f} scope="col" className="num">
                    {FIGURE_LABELS[f][l]}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">{t('apply')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => {
                const r = runs[i];
                const best = finished && rec.index === i;
                return (
                  <tr key={p.values.join(',')} className={best ? 'sweep-row--best' : undefined}>
                    {p.values.map((v, k) => (
                      <th key={spec.axes[k].field + String(k)} scope="row" className="num">
                        {v}
                        {best && k === 0 ? <span className="sweep-badge"> ★ {t('recommended')}</span> : null}
                      </th>
                    ))}
                    {FIGURES.map((f) => (
                      <td key={f} className="num">
                        {r ? cellText(f, r, l) : <span className="run-tab__hint">{t('pending')}</span>}
                      </td>
                    ))}
                    <td>
                      <button
                        type="button"
                        className="sweep-apply"
                        disabled={!r || !canApply}
                        onClick={() => apply(i)}
                        aria-label={t('applyLabel', { at: at(p.values) })}
                      >
                        {t('apply')}
                      </button>{' '}
                      <button
                        type="button"
                        className="sweep-apply"
                        disabled={!r}
                        onClick={() => compare(i)}
                        aria-label={t('compareLabel', { at: at(p.values) })}
                      >
                        {t('compare')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
