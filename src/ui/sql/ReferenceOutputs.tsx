/**
 * The reference table (KDA's S3 reference data source, here inline JSON lines) and the outputs list
 * (≤ 3: which in-application stream goes to which connected node, as JSON or CSV).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsConfig, PipelineDoc } from '../../model/types.ts';
import { discoverSchema } from '../../sql/index.ts';
import { ColumnsTable } from './ColumnsTable.tsx';
import { downstreamTargets, streamsCreatedBy } from './sqlSchema.ts';

export const MAX_OUTPUTS = 3;

interface Props {
  nodeId: string;
  config: AnalyticsConfig;
  update(patch: Partial<AnalyticsConfig>, group: string): void;
}

export function ReferenceEditor({ nodeId, config, update }: Props) {
  const { t } = useTranslation('sql');
  const id = useId();
  const ref = config.reference;
  return (
    <fieldset className="inspector__section">
      <legend>{t('reference.title')}</legend>
      {!ref ? (
        <>
          <p className="field__help">{t('reference.none')}</p>
          <button
            type="button"
            onClick={() =>
              update(
                { reference: { tableName: 'REFERENCE_DATA', columns: [], rowsJsonl: '' } },
                `ref:add:${Date.now()}`,
              )
            }
          >
            {t('reference.add')}
          </button>
        </>
      ) : (
        <>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-name`}>
              {t('reference.name')}
            </label>
            <input
              id={`${id}-name`}
              type="text"
              value={ref.tableName}
              spellCheck={false}
              onChange={(e) =>
                update({ reference: { ...ref, tableName: e.target.value } }, `${nodeId}:ref:name`)
              }
            />
          </div>
          <ColumnsTable
            idPrefix={`${nodeId}-ref`}
            columns={ref.columns}
            csv={false}
            caption={t('reference.columns')}
            onChange={(columns, group) => update({ reference: { ...ref, columns } }, group)}
          />
          <div className="field">
            <label className="field__label" htmlFor={`${id}-rows`}>
              {t('reference.rows')}
            </label>
            <textarea
              id={`${id}-rows`}
              rows={4}
              spellCheck={false}
              value={ref.rowsJsonl}
              aria-describedby={`${id}-rows-help`}
              onChange={(e) =>
                update({ reference: { ...ref, rowsJsonl: e.target.value } }, `${nodeId}:ref:rows`)
              }
            />
            <p id={`${id}-rows-help`} className="field__help">
              {t('reference.rowsHelp')}
            </p>
          </div>
          <div className="sql-actions">
            <button
              type="button"
              disabled={ref.rowsJsonl.trim() === ''}
              onClick={() => {
                try {
                  const columns = discoverSchema(ref.rowsJsonl.split(/\r?\n/), 'JSON');
                  update({ reference: { ...ref, columns } }, `ref:discover:${Date.now()}`);
                } catch {
                  // Unreadable rows: the textarea stays as typed; the validator reports the rows.
                }
              }}
            >
              {t('reference.discover')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => update({ reference: null }, `ref:remove:${Date.now()}`)}
            >
              {t('reference.remove')}
            </button>
          </div>
        </>
      )}
    </fieldset>
  );
}

export function OutputsEditor({ nodeId, config, update, doc }: Props & { doc: PipelineDoc }) {
  const { t } = useTranslation('sql');
  const streams = streamsCreatedBy(config.sql).map((s) => s.name);
  const targets = downstreamTargets(doc, nodeId);
  const outputs = config.outputs;
  const set = (i: number, patch: Partial<AnalyticsConfig['outputs'][number]>) =>
    update({ outputs: outputs.map((o, j) => (j === i ? { ...o, ...patch } : o)) }, `out:${i}:${Date.now()}`);
  return (
    <fieldset className="inspector__section">
      <legend>{t('outputs.title')}</legend>
      <p className="field__help">{t('outputs.help')}</p>
      {outputs.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: outputs are positional
        <div key={i} className="sql-output">
          <select
            aria-label={t('outputs.streamOf', { n: i + 1 })}
            value={o.inAppStream}
            onChange={(e) => set(i, { inAppStream: e.target.value })}
          >
            {!streams.includes(o.inAppStream) && (
              <option value={o.inAppStream}>{o.inAppStream || t('outputs.choose')}</option>
            )}
            {streams.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <span aria-hidden="true">→</span>
          <select
            aria-label={t('outputs.targetOf', { n: i + 1 })}
            value={o.edgeTarget}
            onChange={(e) => set(i, { edgeTarget: e.target.value })}
          >
            {!targets.some((x) => x.id === o.edgeTarget) && (
              <option value={o.edgeTarget}>{o.edgeTarget || t('outputs.choose')}</option>
            )}
            {targets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
          <select
            aria-label={t('outputs.formatOf', { n: i + 1 })}
            value={o.format}
            onChange={(e) => set(i, { format: e.target.value as 'JSON' | 'CSV' })}
          >
            <option value="JSON">JSON</option>
            <option value="CSV">CSV</option>
          </select>
          <button
            type="button"
            className="danger"
            aria-label={t('outputs.remove', { n: i + 1 })}
            onClick={() => update({ outputs: outputs.filter((_, j) => j !== i) }, `out:remove:${Date.now()}`)}
          >
            ✕
          </button>
          {!streams.includes(o.inAppStream) && (
            <p className="problem problem--warning sql-output__warn">
              ▲ {t('outputs.unknownStream', { name: o.inAppStream || '""' })}
            </p>
          )}
          {!targets.some((x) => x.id === o.edgeTarget) && (
            <p className="problem problem--warning sql-output__warn">▲ {t('outputs.unknownTarget')}</p>
          )}
        </div>
      ))}
      {targets.length === 0 ? (
        <p className="field__help">{t('outputs.noTargets')}</p>
      ) : outputs.length >= MAX_OUTPUTS ? (
        <p className="field__help">{t('outputs.max')}</p>
      ) : (
        <button
          type="button"
          onClick={() =>
            update(
              {
                outputs: [
                  ...outputs,
                  {
                    inAppStream: streams.find((s) => s === 'DESTINATION_SQL_STREAM') ?? streams[0] ?? '',
                    edgeTarget:
                      (targets.find((x) => !outputs.some((o) => o.edgeTarget === x.id)) ?? targets[0])?.id ??
                      '',
                    format: 'JSON',
                  },
                ],
              },
              `out:add:${Date.now()}`,
            )
          }
        >
          {t('outputs.add')}
        </button>
      )}
    </fieldset>
  );
}
