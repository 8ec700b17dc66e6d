/**
 * A and B side by side: the verdict in words, the figures in columns with B − A, one metric of
 * both runs overlaid, the report exports and "open this run's design".
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareRuns, fmtDiff, fmtValue } from '../../store/history-compare.ts';
import { displayLabel, type HistoryEntry } from '../../store/history-entry.ts';
import { overlayRows } from '../../store/history-report.ts';
import {
  downloadCsv,
  downloadMarkdown,
  downloadPng,
  loadIntoThisDesign,
  type Overlay,
  openAsNewDesign,
} from './actions.ts';
import { OverlayChart } from './OverlayChart.tsx';

interface ChartChoice {
  key: string;
  nodeId: string;
  metric: string;
  unit: string;
  label: string;
}

/** The metrics both runs have a series for, the producers' throttling first (what a planner reads). */
function chartChoices(a: HistoryEntry, b: HistoryEntry): ChartChoice[] {
  const out: ChartChoice[] = [];
  for (const sa of a.series) {
    const sb = b.series.find((s) => s.nodeId === sa.nodeId);
    if (!sb) continue;
    const name = a.design.nodes.find((n) => n.id === sa.nodeId)?.name ?? sa.nodeId;
    for (const metric of Object.keys(sa.columns))
      if (metric in sb.columns)
        out.push({
          key: `${sa.nodeId}::${metric}`,
          nodeId: sa.nodeId,
          metric,
          unit: sa.units[metric] ?? '',
          label: `${name} · ${metric}`,
        });
  }
  const rank = (c: ChartChoice) => (/Throttl|Exceeded/.test(c.metric) ? 0 : 1);
  return out.sort((x, y) => rank(x) - rank(y));
}

export function CompareView({ a, b }: { a: HistoryEntry; b: HistoryEntry }) {
  const { t, i18n } = useTranslation('history');
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const { rows, verdict } = compareRuns(a, b);
  const labelA = displayLabel(a, lang);
  const labelB = displayLabel(b, lang);
  const choices = chartChoices(a, b);
  const [chosen, setChosen] = useState<string | null>(null);
  const choice = choices.find((c) => c.key === chosen) ?? choices[0];
  const chartBox = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const nodeName = choice ? (a.design.nodes.find((n) => n.id === choice.nodeId)?.name ?? choice.nodeId) : '';
  const title = choice ? t('chartTitle', { node: nodeName, metric: choice.metric, unit: choice.unit }) : '';
  const overlay: Overlay | undefined = choice && {
    title,
    metric: choice.metric,
    a: a.series.find((s) => s.nodeId === choice.nodeId),
    b: b.series.find((s) => s.nodeId === choice.nodeId),
  };

  return (
    <div className="history-compare">
      <section className="history-verdict" aria-label={t('verdict')}>
        <h3>{t('verdict')}</h3>
        <p className="history-verdict__text">{verdict[lang]}</p>
        {a.seed !== b.seed && <p className="run-tab__hint">{t('seedsDiffer', { a: a.seed, b: b.seed })}</p>}
      </section>
      <div className="history-compare__body">
        <table className="run-table history-figures">
          <caption>{t('figuresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figure')}</th>
              <th scope="col" className="num history-col--a" title={labelA}>
                A<span className="history-col__label">{labelA}</span>
              </th>
              <th scope="col" className="num history-col--b" title={labelB}>
                B<span className="history-col__label">{labelB}</span>
              </th>
              <th scope="col" className="num">
                {t('diff')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.figure[lang]}</th>
                <td className="num">{fmtValue(r.unit, r.a, lang)}</td>
                <td className="num">{fmtValue(r.unit, r.b, lang)}</td>
                <td className={`num history-diff history-diff--${Math.sign(r.diff)}`}>
                  {fmtDiff(r.unit, r.diff, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="history-compare__chart" ref={chartBox}>
          {choice && overlay ? (
            <>
              <label className="run-tab__picker">
                {t('chart')}
                <select value={choice.key} onChange={(e) => setChosen(e.target.value)}>
                  {choices.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>
              <OverlayChart
                title={title}
                rows={overlayRows(overlay.a, overlay.b, choice.metric)}
                nameA={`A · ${labelA}`}
                nameB={`B · ${labelB}`}
              />
            </>
          ) : (
            <p className="run-tab__hint">{t('noChart')}</p>
          )}
        </div>
      </div>
      <div className="history-actions">
        <fieldset className="history-actions__group">
          <legend>{t('exportGroup')}</legend>
          <button type="button" onClick={() => downloadMarkdown(a, b, lang)}>
            ⤓ {t('exportMd')}
          </button>
          <button type="button" onClick={() => downloadCsv(a, b, overlay)}>
            ⤓ {t('exportCsv')}
          </button>
          <button
            type="button"
            disabled={!choice}
            onClick={() => chartBox.current && void downloadPng(chartBox.current, a, b)}
          >
            ⤓ {t('exportPng')}
          </button>
        </fieldset>
        <fieldset className="history-actions__group">
          <legend>{t('openGroup')}</legend>
          {(
            [
              ['A', a],
              ['B', b],
            ] as const
          ).map(([slot, entry]) => (
            <span key={slot} className="history-actions__open">
              <button type="button" title={t('openNewTitle')} onClick={() => void openAsNewDesign(entry)}>
                {t('openNew', { slot })}
              </button>
              <button
                type="button"
                title={t('openHereTitle')}
                onClick={() => {
                  loadIntoThisDesign(entry);
                  setLoaded(displayLabel(entry, lang));
                }}
              >
                {t('openHere', { slot })}
              </button>
            </span>
          ))}
        </fieldset>
        {loaded && (
          <p className="run-tab__hint" role="status">
            {t('loadedHere', { label: loaded })}
          </p>
        )}
      </div>
    </div>
  );
}
