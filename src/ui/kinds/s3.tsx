/** S3 buckets: the objects Firehose (or Lambda) wrote; open one to read it, GZIP decompressed with fflate. */
import { useState } from 'react';
import type { S3Object } from '../../engine/api.ts';
import { useLocale } from '../locale.ts';
import { fmtBytes, fmtClock, fmtNum } from '../run/format.ts';
import { useFastT } from '../run/useFastT.ts';
import type { ContentsViewer, KindView } from './types.ts';

const SHOW_BYTES = 64 * 1024;

/**
 * The readable text of an object: decompressed when GZIP, else decoded as UTF-8. fflate is loaded
 * when the first object is opened, so the studio's first load does not carry it.
 */
export async function objectText(o: S3Object): Promise<string> {
  if (!o.body) return o.firstRecords.join('\n');
  const bytes = o.compression === 'GZIP' ? (await import('fflate')).gunzipSync(o.body) : o.body;
  const text = new TextDecoder().decode(bytes.subarray(0, SHOW_BYTES));
  return bytes.length > SHOW_BYTES ? `${text}\n…` : text;
}

const S3Contents: ContentsViewer<'s3'> = ({ nodeId, d, engine }) => {
  const { t } = useFastT('run');
  const l = useLocale();
  const [open, setOpen] = useState<{ key: string; text: string; gzip: boolean } | null>(null);
  const openObject = async (key: string) => {
    const o = await engine()?.s3Object(nodeId, key);
    if (o) setOpen({ key, text: await objectText(o), gzip: o.compression === 'GZIP' });
  };
  return (
    <div className="run-dest">
      <p>
        {t('destinations.s3Summary', {
          objects: fmtNum(d.totalObjects, l),
          records: fmtNum(d.totalRecords, l),
          size: fmtBytes(d.totalBytes, l),
        })}
      </p>
      {d.objects.length === 0 ? (
        <p className="run-tab__empty">{t('destinations.noObjects')}</p>
      ) : (
        <div className="run-dest__split">
          <table className="run-table" aria-label={t('destinations.pick')}>
            <thead>
              <tr>
                <th scope="col">{t('destinations.key')}</th>
                <th scope="col">{t('destinations.size')}</th>
                <th scope="col">{t('destinations.records')}</th>
                <th scope="col">{t('destinations.written')}</th>
                <th scope="col">{t('destinations.kind')}</th>
                <th scope="col">
                  <span className="sr-only">{t('destinations.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...d.objects].reverse().map((o) => (
                <tr key={o.key} aria-selected={open?.key === o.key}>
                  <td className="mono">{o.key}</td>
                  <td className="num">{fmtBytes(o.sizeBytes, l)}</td>
                  <td className="num">{fmtNum(o.records, l)}</td>
                  <td className="num">{fmtClock(o.atMs)}</td>
                  <td>{o.kind}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => void openObject(o.key)}
                      aria-label={t('destinations.openObject', { key: o.key })}
                    >
                      {t('destinations.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {open && (
            <section className="run-dest__object" aria-label={t('destinations.content', { key: open.key })}>
              <header>
                <strong className="mono">{open.key}</strong>
                {open.gzip && <span className="run-tab__hint">{t('destinations.decompressed')}</span>}
                <button type="button" onClick={() => setOpen(null)}>
                  {t('destinations.close')}
                </button>
              </header>
              <pre>{open.text}</pre>
            </section>
          )}
        </div>
      )}
    </div>
  );
};

export const s3View: KindView<'s3'> = {
  color: '#15803d', // green: storage
  // bucket
  icon: 'M4 6c0-2 16-2 16 0l-2 13c0 2-12 2-12 0z M4 6c0 2 16 2 16 0',
  live: { in: true, out: false, utilization: false },
  Details: null,
  metrics: [{ name: 'PutObject.Records', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec }],
  Contents: S3Contents,
};
