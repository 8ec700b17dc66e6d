/**
 * Timeline tab: what happened in the run (reshards, faults beginning and ending), the events
 * scheduled in the design, and a form to add a fault.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS } from '../../model/kinds/index.ts';
import type { TimelineEvent } from '../../model/types.ts';
import { type SimState, useThrottledSim } from '../../store/simStore.ts';
import { studioStore, useStudio } from '../../store/studio.ts';
import { addFault, faultStartSec } from './faults.ts';
import { fmtClock } from './format.ts';

const markersOf = (s: SimState) => (s.status !== 'idle' ? s.frame?.markers : undefined);

type FaultType = TimelineEvent['type'];
/** The kinds each fault may target: those whose definition accepts it. */
const FAULT_KINDS = EVENT_KINDS;

export function describeEvent(
  e: TimelineEvent,
  t: (k: string, v?: Record<string, unknown>) => string,
): string {
  switch (e.type) {
    case 'destinationOutage':
      return t('fault.describeOutage');
    case 'lambdaErrorRate':
      return t('fault.describeErrors', { pct: Math.round(e.errorRate * 100) });
    case 'producerSurge':
      return t('fault.describeSurge', { multiplier: e.multiplier });
    case 'hotKey':
      return t('fault.describeHotKey', { key: e.key, pct: Math.round(e.share * 100) });
  }
}

function AddFault() {
  const { t } = useTranslation('run');
  const nodes = useStudio((s) => s.doc.nodes);
  const [type, setType] = useState<FaultType>('destinationOutage');
  const candidates = nodes.filter((n) => FAULT_KINDS[type].includes(n.kind));
  const [nodeId, setNodeId] = useState('');
  const [duration, setDuration] = useState(60);
  const [param, setParam] = useState(50); // error rate %, surge multiplier or hot share %
  const [key, setKey] = useState('hot-key-1');
  const target = candidates.find((n) => n.id === nodeId) ?? candidates[0];

  const submit = () => {
    if (!target) return;
    const fromSec = faultStartSec();
    const when = { nodeId: target.id, fromSec, toSec: fromSec + duration };
    if (type === 'destinationOutage') addFault({ type, ...when });
    else if (type === 'lambdaErrorRate') addFault({ type, ...when, errorRate: param / 100 });
    else if (type === 'producerSurge') addFault({ type, ...when, multiplier: param });
    else addFault({ type, ...when, key, share: param / 100 });
  };

  return (
    <form
      className="run-fault"
      aria-label={t('timeline.addTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{t('timeline.addTitle')}</h3>
      <label>
        {t('timeline.type')}
        <select
          value={type}
          onChange={(e) => {
            const next = e.target.value as FaultType;
            setType(next);
            setParam(next === 'producerSurge' ? 2 : next === 'hotKey' ? 80 : 50);
          }}
        >
          {(Object.keys(FAULT_KINDS) as FaultType[]).map((k) => (
            <option key={k} value={k}>
              {t(`fault.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('timeline.node')}
        <select value={target?.id ?? ''} onChange={(e) => setNodeId(e.target.value)}>
          {candidates.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('timeline.duration')}
        <input
          type="number"
          min={1}
          value={duration}
          onChange={(e) => setDuration(Math.max(1, Number(e.target.value)))}
        />
      </label>
      {type !== 'destinationOutage' && (
        <label>
          {type === 'lambdaErrorRate'
            ? t('timeline.errorRate')
            : type === 'producerSurge'
              ? t('timeline.multiplier')
              : t('timeline.share')}
          <input
            type="number"
            min={type === 'producerSurge' ? 1 : 0}
            max={type === 'producerSurge' ? 100 : 100}
            step={type === 'producerSurge' ? 0.5 : 1}
            value={param}
            onChange={(e) => setParam(Number(e.target.value))}
          />
        </label>
      )}
      {type === 'hotKey' && (
        <label>
          {t('timeline.key')}
          <input value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
      )}
      <button type="submit" disabled={!target}>
        {t('timeline.add')}
      </button>
    </form>
  );
}

export function TimelineTab() {
  const { t } = useTranslation('run');
  const markers = useThrottledSim(markersOf) ?? [];
  const events = useStudio((s) => s.doc.timeline);
  const nodes = useStudio((s) => s.doc.nodes);
  const nameOf = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  return (
    <div className="run-tab run-timeline">
      <section>
        <h3>{t('timeline.markers')}</h3>
        {markers.length === 0 ? (
          <p className="run-tab__empty">{t('timeline.noMarkers')}</p>
        ) : (
          <table className="run-table" aria-label={t('timeline.markers')}>
            <thead>
              <tr>
                <th scope="col">{t('timeline.at')}</th>
                <th scope="col">{t('timeline.node')}</th>
                <th scope="col">{t('timeline.event')}</th>
              </tr>
            </thead>
            <tbody>
              {markers.map((m) => (
                <tr key={`${m.atMs}-${m.nodeId}-${m.type}-${m.label}`}>
                  <td className="num">{fmtClock(m.atMs)}</td>
                  <td>{nameOf(m.nodeId)}</td>
                  <td>{m.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h3>{t('timeline.scheduled')}</h3>
        {events.length === 0 ? (
          <p className="run-tab__empty">{t('timeline.noEvents')}</p>
        ) : (
          <table className="run-table" aria-label={t('timeline.scheduled')}>
            <thead>
              <tr>
                <th scope="col">{t('timeline.from')}</th>
                <th scope="col">{t('timeline.to')}</th>
                <th scope="col">{t('timeline.node')}</th>
                <th scope="col">{t('timeline.event')}</th>
                <th scope="col">
                  <span className="sr-only">{t('timeline.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="num">{e.fromSec}</td>
                  <td className="num">{e.toSec}</td>
                  <td>{nameOf(e.nodeId)}</td>
                  <td>
                    {t(`fault.${e.type}`)}: {describeEvent(e, t)}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('timeline.removeEvent', {
                        event: t(`fault.${e.type}`),
                        node: nameOf(e.nodeId),
                      })}
                      onClick={() => studioStore.getState().dispatch([{ type: 'timeline/remove', id: e.id }])}
                    >
                      {t('timeline.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <AddFault />
    </div>
  );
}
