/**
 * Beside a Lambda's code in the wide editor: what the handler receives (the event's shape and the
 * latest records coming in) and where its result goes (the nodes it sends to, its latest output
 * and console lines). Records are peeked from the running engine twice a wall second.
 */
import { useTranslation } from 'react-i18next';
import type { PeekRecord } from '../../engine/api.ts';
import type { FirehoseConfig, LambdaConfig, PipelineNode } from '../../model/types.ts';
import { useStudio } from '../../store/studio.ts';
import { useEnginePoll, useRunExists } from '../run/hooks.ts';

const LIMIT = 3;

/** The event as the handler gets it (AWS's shapes, trimmed to the fields handlers read). */
const EVENT_SHAPE: Record<LambdaConfig['use'], string> = {
  consumer: `{ Records: [{
    kinesis: { partitionKey, sequenceNumber,
               data /* base64 */, approximateArrivalTimestamp },
    eventSourceARN, eventID
}] }`,
  firehoseTransform: `{ records: [{ recordId, approximateArrivalTimestamp,
              data /* base64 */ }] }
→ return { records: [{ recordId,
    result: 'Ok' | 'Dropped' | 'ProcessingFailed',
    data /* base64 */ }] }`,
};

function Records({ records }: { records: PeekRecord[] | undefined }) {
  const { t } = useTranslation('inspector');
  const exists = useRunExists();
  if (!exists) return <p className="field__help">{t('wide.runToSee')}</p>;
  return (
    <ol className="lambda-context__records">
      {(records ?? []).slice(-LIMIT).map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: peeked records may repeat; position is their identity
        <li key={i}>
          <pre>{r.data}</pre>
        </li>
      ))}
    </ol>
  );
}

export function LambdaContext({ node }: { node: PipelineNode }) {
  const { t } = useTranslation('inspector');
  const doc = useStudio((s) => s.doc);
  const config = node.config as LambdaConfig;
  const nameOf = (id: string) => doc.nodes.find((n) => n.id === id)?.name ?? id;
  const incoming = doc.edges.find((e) => e.target === node.id);
  const firehose = doc.nodes.find(
    (n) => n.kind === 'firehose' && (n.config as FirehoseConfig).transformLambdaId === node.id,
  );
  const targets = doc.edges.filter((e) => e.source === node.id).map((e) => nameOf(e.target));
  const inKey = incoming ? `edge:${incoming.id}` : firehose ? `node:${firehose.id}` : '';
  const recordsIn = useEnginePoll(
    `in:${inKey}`,
    (e) =>
      incoming
        ? e.peek({ edgeId: incoming.id }, LIMIT)
        : firehose
          ? e.peek({ nodeId: firehose.id }, LIMIT)
          : Promise.resolve([]),
    { intervalMs: 500, enabled: inKey !== '' },
  );
  const recordsOut = useEnginePoll(`out:${node.id}`, (e) => e.peek({ nodeId: node.id }, LIMIT), {
    intervalMs: 500,
  });
  return (
    <section className="lambda-context" aria-label={t('wide.context')}>
      <h3>{t('wide.input')}</h3>
      <p>
        {incoming
          ? t('wide.fromEdge', { name: nameOf(incoming.source) })
          : firehose
            ? t('wide.transformOf', { name: firehose.name })
            : t('wide.noInput')}
      </p>
      <h4>{t('wide.eventShape')}</h4>
      <pre className="lambda-context__shape">{EVENT_SHAPE[config.use]}</pre>
      {inKey && (
        <>
          <h4>{t('wide.latestIn')}</h4>
          <Records records={recordsIn} />
        </>
      )}
      <h3>{t('wide.output')}</h3>
      <p>
        {firehose
          ? t('wide.transformOutput', { name: firehose.name })
          : targets.length > 0
            ? t('wide.toNodes', { names: targets.join(', ') })
            : t('wide.noOutput')}
      </p>
      <h4>{t('wide.latestOut')}</h4>
      <Records records={recordsOut} />
    </section>
  );
}
