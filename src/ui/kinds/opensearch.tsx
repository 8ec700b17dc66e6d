import type { ContentsOf } from '../../engine/api.ts';
import { useLocale } from '../locale.ts';
import { fmtNum } from '../run/format.ts';
import { useFastT } from '../run/useFastT.ts';
import { Json } from './json.tsx';
import type { KindView } from './types.ts';

/** Documents per index and the latest 100 documents indexed. */
function OpenSearchContents({ d }: { d: ContentsOf<'opensearch'> }) {
  const { t } = useFastT('run');
  const l = useLocale();
  return (
    <div className="run-dest">
      <p>
        {t('destinations.documents', { count: fmtNum(d.totalDocs, l) })} ·{' '}
        {d.indices.map((x) => `${x.name} (${x.docs})`).join(', ')}
      </p>
      <ul className="run-dest__docs">
        {d.documents.slice(-100).map((doc) => (
          <li key={`${doc.index}/${doc.id}`}>
            <span className="mono">
              {doc.index}/{doc.id}
            </span>{' '}
            <Json value={doc.source} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export const opensearchView: KindView<'opensearch'> = {
  color: '#0369a1', // sky: search
  // search document
  icon: 'M5 3h10l4 4v14H5z M9 14a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M11 13l4 4',
  live: { in: true, out: false, utilization: true },
  Details: null,
  metrics: [{ name: 'IndexingRate', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec }],
  Contents: OpenSearchContents,
};
