/**
 * Destinations tab: what landed where. S3 objects (key, size, records; open one to read it,
 * GZIP decompressed with fflate), Redshift rows, OpenSearch documents, DynamoDB items, and a
 * consumer application's checkpoints.
 */
import { gunzipSync } from 'fflate';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestinationContents, S3Object } from '../../engine/api.ts';
import type { NodeKind } from '../../model/types.ts';
import { simController } from './controller.ts';
import { fmtBytes, fmtClock, fmtNum } from './format.ts';
import { useEnginePoll, useRunExists, useTargetNode } from './hooks.ts';
import { NodePicker, NotRunning } from './NodePicker.tsx';

const KINDS: NodeKind[] = ['s3', 'redshift', 'opensearch', 'dynamodb', 'consumerApp'];
const SHOW_BYTES = 64 * 1024;

/** The readable text of an object: decompressed when GZIP, else decoded as UTF-8. */
export function objectText(o: S3Object): string {
  if (!o.body) return o.firstRecords.join('\n');
  const bytes = o.compression === 'GZIP' ? gunzipSync(o.body) : o.body;
  const text = new TextDecoder().decode(bytes.subarray(0, SHOW_BYTES));
  return bytes.length > SHOW_BYTES ? `${text}\n…` : text;
}

function S3View({ nodeId, d }: { nodeId: string; d: Extract<DestinationContents, { kind: 's3' }> }) {
  const { t, i18n } = useTranslation('run');
  const l = i18n.language;
  const [open, setOpen] = useState<{ key: string; text: string; gzip: boolean } | null>(null);
  const openObject = async (key: string) => {
    const o = await simController.engine()?.s3Object(nodeId, key);
    if (o) setOpen({ key, text: objectText(o), gzip: o.compression === 'GZIP' });
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
}

function Json({ value }: { value: unknown }) {
  return <code className="mono">{typeof value === 'string' ? value : JSON.stringify(value)}</code>;
}

function OtherView({ d }: { d: Exclude<DestinationContents, { kind: 's3' }> }) {
  const { t, i18n } = useTranslation('run');
  const l = i18n.language;
  if (d.kind === 'redshift') {
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
  if (d.kind === 'opensearch') {
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
  if (d.kind === 'dynamodb') {
    return (
      <div className="run-dest">
        <p>
          <span className="mono">{d.table}</span> ·{' '}
          {t('destinations.items', { count: fmtNum(d.totalItems, l) })}
        </p>
        <ul className="run-dest__docs">
          {d.items.slice(-100).map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are shown as they come
            <li key={i}>
              <Json value={item} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="run-dest">
      <p>{t('destinations.checkpoints', { processed: fmtNum(d.processed, l) })}</p>
      <ul className="run-dest__docs">
        {d.checkpoints.map((c) => (
          <li key={c.shardId} className="mono">
            {c.shardId}: {c.sequenceNumber} @ {fmtClock(c.atMs)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function DestinationsTab() {
  const { t } = useTranslation('run');
  const exists = useRunExists();
  const { node, candidates, pick } = useTargetNode(KINDS);
  const d = useEnginePoll(`dest:${node?.id ?? ''}`, (e) =>
    node ? e.destination(node.id) : Promise.resolve(undefined),
  );
  if (!exists) return <NotRunning />;
  if (!node) return <p className="run-tab__empty">{t('destinations.none')}</p>;
  return (
    <div className="run-tab">
      <div className="run-tab__bar">
        <NodePicker label={t('destinations.pick')} node={node} candidates={candidates} pick={pick} />
      </div>
      {d?.kind === 's3' ? <S3View nodeId={node.id} d={d} /> : d ? <OtherView d={d} /> : null}
    </div>
  );
}
