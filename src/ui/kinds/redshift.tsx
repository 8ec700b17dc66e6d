import type { ContentsOf } from '../../engine/api.ts';
import { useLocale } from '../locale.ts';
import { fmtNum } from '../run/format.ts';
import { useFastT } from '../run/useFastT.ts';
import { Json } from './json.tsx';
import type { KindView } from './types.ts';

/** The table's latest 100 rows loaded by COPY. */
function RedshiftContents({ d }: { d: ContentsOf<'redshift'> }) {
  const { t } = useFastT('run');
  const l = useLocale();
  return (
    <div className="run-dest">
      <p>
        <span className="mono">{d.table}</span> ·{' '}
        {t('destinations.rows', { count: fmtNum(d.totalRows, l), copies: d.copies })}
      </p>
      <table className="run-table" aria-label={d.table}>
        <thead>
          <tr>
            {d.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.rows.slice(-100).map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={d.columns[j] ?? j}>
                  <Json value={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const redshiftView: KindView<'redshift'> = {
  color: '#1d4ed8', // blue: warehouse
  // warehouse cylinders
  icon: 'M4 6c0-2 7-2 7 0v12c0 2-7 2-7 0z M13 6c0-2 7-2 7 0v12c0 2-7 2-7 0z M4 6c0 2 7 2 7 0 M13 6c0 2 7 2 7 0',
  live: { in: true, out: false, utilization: true },
  Details: null,
  metrics: [{ name: 'RowsLoaded', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec }],
  Contents: RedshiftContents,
};
