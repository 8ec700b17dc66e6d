/**
 * Records tab: the latest records at the selected node (its output) or edge, newest first, like
 * Node-RED's debug sidebar. Pausable, so a record can be read while the run goes on.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/studio.ts';
import { useLocale } from '../locale.ts';
import { fmtBytes, fmtClock } from './format.ts';
import { useEnginePoll, useRunExists, useTargetNode } from './hooks.ts';
import { NodePicker, NotRunning } from './NodePicker.tsx';

const LIMIT = 50;

export function RecordsTab() {
  const { t } = useTranslation('run');
  const l = useLocale();
  const exists = useRunExists();
  const { node, candidates, pick } = useTargetNode();
  const edgeId = useStudio((s) => s.selection.edgeIds[0]);
  const edgeLabel = useStudio((s) => {
    const e = s.doc.edges.find((x) => x.id === edgeId);
    if (!e) return undefined;
    const name = (id: string) => s.doc.nodes.find((n) => n.id === id)?.name ?? id;
    return `${name(e.source)} → ${name(e.target)}`;
  });
  const [paused, setPaused] = useState(false);
  const target = edgeId && edgeLabel ? { edgeId } : node ? { nodeId: node.id } : undefined;
  const key = edgeId && edgeLabel ? `edge:${edgeId}` : `node:${node?.id ?? ''}`;
  const records = useEnginePoll(key, (e) => (target ? e.peek(target, LIMIT) : Promise.resolve([])), {
    intervalMs: 500,
    enabled: !paused && target !== undefined,
  });

  if (!exists) return <NotRunning />;
  if (!target) return <p className="run-tab__empty">{t('records.pickHint')}</p>;
  const rows = [...(records ?? [])].reverse();
  return (
    <div className="run-tab">
      <div className="run-tab__bar">
        {edgeLabel ? (
          <span className="run-tab__target">
            {t('records.target')}: {edgeLabel}
          </span>
        ) : (
          <NodePicker label={t('records.target')} node={node} candidates={candidates} pick={pick} />
        )}
        <button type="button" aria-pressed={paused} onClick={() => setPaused(!paused)}>
          {paused ? `▶ ${t('records.resume')}` : `❚❚ ${t('records.pause')}`}
        </button>
        {paused && <span className="run-tab__hint">{t('records.paused')}</span>}
      </div>
      {rows.length === 0 ? (
        <p className="run-tab__empty">{t('records.empty')}</p>
      ) : (
        <table className="run-table run-records" aria-label={t('records.title')}>
          <thead>
            <tr>
              <th scope="col">{t('records.at')}</th>
              <th scope="col">{t('records.partitionKey')}</th>
              <th scope="col">{t('records.shard')}</th>
              <th scope="col">{t('records.sequence')}</th>
              <th scope="col">{t('records.arrival')}</th>
              <th scope="col">{t('records.size')}</th>
              <th scope="col">{t('records.data')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: peeked records may repeat key and time; position is their identity
              <tr key={i}>
                <td className="num">{fmtClock(r.atMs)}</td>
                <td>{r.partitionKey}</td>
                <td>{r.shardId ?? '–'}</td>
                <td className="mono">{r.sequenceNumber ?? '–'}</td>
                <td className="num">
                  {r.approximateArrivalMs !== undefined ? fmtClock(r.approximateArrivalMs) : '–'}
                </td>
                <td className="num">{fmtBytes(r.bytes, l)}</td>
                <td className="mono run-records__data">{r.data}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
