/**
 * SQL results tab: for an Analytics application, live tables of each in-application stream and
 * of error_stream, as the KDA console's "Real-time analytics" tab showed them.
 */
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale.ts';
import { fmtNum } from './format.ts';
import { useEnginePoll, useRunExists, useTargetNode } from './hooks.ts';
import { NodePicker, NotRunning } from './NodePicker.tsx';

const KINDS = ['analytics'] as const;
const SHOW_ROWS = 50;

function cell(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function SqlTab() {
  const { t } = useTranslation('run');
  const l = useLocale();
  const exists = useRunExists();
  const { node, candidates, pick } = useTargetNode(KINDS);
  const streams = useEnginePoll(`sql:${node?.id ?? ''}`, (e) =>
    node ? e.sqlResults(node.id) : Promise.resolve([]),
  );
  if (!exists) return <NotRunning />;
  if (!node) return <p className="run-tab__empty">{t('sql.none')}</p>;
  return (
    <div className="run-tab">
      <div className="run-tab__bar">
        <NodePicker label={t('sql.pick')} node={node} candidates={candidates} pick={pick} />
      </div>
      <div className="run-sql">
        {(streams ?? []).map((s) => (
          <section
            key={s.stream}
            className={`run-sql__stream${s.stream.toLowerCase() === 'error_stream' ? ' run-sql__stream--error' : ''}`}
          >
            <h3>
              {t('sql.stream', { name: s.stream })}{' '}
              <span className="run-tab__hint">{t('sql.rows', { count: fmtNum(s.total, l) })}</span>
            </h3>
            {s.rows.length === 0 ? (
              <p className="run-tab__empty">{t('sql.empty')}</p>
            ) : (
              <table className="run-table" aria-label={s.stream}>
                <thead>
                  <tr>
                    {s.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.rows
                    .slice(-SHOW_ROWS)
                    .reverse()
                    .map((row, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: result rows have no key
                      <tr key={i}>
                        {row.map((v, j) => (
                          <td key={s.columns[j] ?? j} className={typeof v === 'number' ? 'num' : undefined}>
                            {cell(v)}
                          </td>
                        ))}
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
