/**
 * The form for one connection. Stream → consumer edges choose how they read: shared polling
 * (2 MiB/s per shard split between every polling consumer) or an enhanced fan-out consumer with
 * its own 2 MiB/s per shard. Firehose → S3 edges choose delivery or backup.
 */
import { useTranslation } from 'react-i18next';
import type { EdgeConfig } from '../../model/types.ts';
import { diagnosticText } from '../../model/validate.ts';
import { studioStore, useStudio } from '../../store/studio.ts';
import { describeEdge, nodeAriaLabel } from '../canvas/toFlow.ts';

export function EdgeInspector({ edgeId }: { edgeId: string }) {
  const { t } = useTranslation('inspector');
  const { t: tc } = useTranslation('canvas');
  const doc = useStudio((s) => s.doc);
  const locale = useStudio((s) => s.locale);
  const diagnostics = useStudio((s) => s.diagnostics);
  const edge = doc.edges.find((e) => e.id === edgeId);
  if (!edge) return null;
  const source = doc.nodes.find((n) => n.id === edge.source);
  const target = doc.nodes.find((n) => n.id === edge.target);
  if (!source || !target) return null;
  const { role, efoName } = describeEdge(doc, edge);
  const problems = diagnostics.filter((d) => d.edgeId === edgeId);

  const update = (config: EdgeConfig) =>
    studioStore
      .getState()
      .dispatch([{ type: 'edge/config', id: edgeId, config }], { group: `edge:${edgeId}` });

  const efoNames = source.kind === 'stream' ? source.config.efoConsumers : [];
  const readsStream = source.kind === 'stream';
  const firehoseToS3 = source.kind === 'firehose' && target.kind === 's3';

  return (
    <section aria-label={t('edge.title')}>
      <h2>{t('edge.title')}</h2>
      <p className="inspector__route">
        {nodeAriaLabel(source, locale)} → {nodeAriaLabel(target, locale)}
      </p>
      <p className="inspector__hint">
        {t('edge.configures')}:{' '}
        <strong>{role === 'efo' ? tc('edge.efo', { name: efoName }) : tc(`edge.${role}`)}</strong>
      </p>
      {problems.map((p) => (
        <p key={`${p.code}-${p.message}`} className={`problem problem--${p.severity}`}>
          {p.severity === 'error' ? '✖ ' : '▲ '}
          {diagnosticText(p, locale)}
        </p>
      ))}
      {readsStream && (
        <div className="field">
          <label className="field__label" htmlFor="edge-read-mode">
            {t('edge.readMode')}
          </label>
          <select
            id="edge-read-mode"
            value={edge.config.readMode ?? 'polling'}
            aria-describedby="edge-read-help"
            onChange={(e) =>
              update(
                e.target.value === 'efo'
                  ? {
                      ...edge.config,
                      readMode: 'efo',
                      efoConsumerName: edge.config.efoConsumerName ?? efoNames[0] ?? '',
                    }
                  : { ...edge.config, readMode: 'polling', efoConsumerName: undefined },
              )
            }
          >
            <option value="polling">{t('edge.polling')}</option>
            <option value="efo">{t('edge.efo')}</option>
          </select>
          <p className="field__help" id="edge-read-help">
            {t('edge.readHelp')}
          </p>
        </div>
      )}
      {readsStream && edge.config.readMode === 'efo' && (
        <div className="field">
          <label className="field__label" htmlFor="edge-efo-name">
            {t('edge.consumerName')}
          </label>
          {efoNames.length > 0 ? (
            <select
              id="edge-efo-name"
              value={edge.config.efoConsumerName ?? ''}
              onChange={(e) => update({ ...edge.config, efoConsumerName: e.target.value })}
            >
              {!efoNames.includes(edge.config.efoConsumerName ?? '') && <option value="">—</option>}
              {efoNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="edge-efo-name"
              value={edge.config.efoConsumerName ?? ''}
              onChange={(e) => update({ ...edge.config, efoConsumerName: e.target.value })}
            />
          )}
          <p className="field__help">{t('edge.consumerHelp', { stream: source.name })}</p>
        </div>
      )}
      {firehoseToS3 && (
        <div className="field">
          <label className="field__label" htmlFor="edge-role">
            {t('edge.role')}
          </label>
          <select
            id="edge-role"
            value={edge.config.role ?? 'delivery'}
            onChange={(e) => update({ ...edge.config, role: e.target.value as 'delivery' | 'backup' })}
          >
            <option value="delivery">{t('edge.roleDelivery')}</option>
            <option value="backup">{t('edge.roleBackup')}</option>
          </select>
        </div>
      )}
      <div className="inspector__actions">
        <button
          type="button"
          className="danger"
          onClick={() => {
            studioStore.getState().dispatch([{ type: 'edge/remove', id: edgeId }]);
          }}
        >
          {t('edge.delete')}
        </button>
      </div>
    </section>
  );
}
