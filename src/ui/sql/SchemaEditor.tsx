/**
 * The input schema of an Analytics node: record format, stream prefix, the columns table, and
 * "Discover schema" on sample records. Samples are rendered from the upstream producer's Kinesis
 * Data Generator template when one feeds this node (same renderer and seed as the simulator), and
 * can be pasted or edited by hand.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compileTemplate, TemplateRenderer } from '../../engine/api.ts';
import type { AnalyticsConfig, PipelineDoc } from '../../model/types.ts';
import { discoverSchema } from '../../sql/index.ts';
import { ColumnsTable } from './ColumnsTable.tsx';
import { sourceStreamName, upstreamProducers } from './sqlSchema.ts';

const SAMPLE_COUNT = 8;

/** Renders `count` records of a KDG template, one second of simulated time apart. */
export function renderSamples(
  template: string,
  seed: number,
  startIso: string,
  count = SAMPLE_COUNT,
): string[] {
  const compiled = compileTemplate(template);
  const renderer = new TemplateRenderer(seed);
  // The renderer shares one faker across producers: begin() reseeds it from this renderer's seed.
  renderer.begin();
  const start = Date.parse(startIso);
  const t0 = Number.isNaN(start) ? Date.UTC(2024, 0, 1) : start;
  // A multi-line JSON template is one record: flatten it so each sample is one line.
  return Array.from({ length: count }, (_, i) =>
    renderer.render(compiled, t0 + i * 1000).replace(/\s*\n\s*/g, ' '),
  );
}

export interface SchemaEditorProps {
  nodeId: string;
  doc: PipelineDoc;
  config: AnalyticsConfig;
  update(patch: Partial<AnalyticsConfig>, group: string): void;
}

export function SchemaEditor({ nodeId, doc, config, update }: SchemaEditorProps) {
  const { t } = useTranslation('sql');
  const id = useId();
  const producer = useMemo(() => upstreamProducers(doc, nodeId)[0], [doc, nodeId]);
  const [samples, setSamples] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const rendered = useMemo(
    () =>
      producer ? renderSamples(producer.template, doc.settings.seed, doc.settings.startTime).join('\n') : '',
    [producer, doc.settings.seed, doc.settings.startTime],
  );
  const sampleText = samples ?? rendered;
  const csv = config.inputFormat === 'CSV';

  const discover = () => {
    try {
      const cols = discoverSchema(sampleText.split(/\r?\n/), config.inputFormat);
      update({ columns: cols }, `discover:${Date.now()}`);
      setStatus({ ok: true, text: t('schema.discovered', { count: cols.length }) });
    } catch (e) {
      setStatus({ ok: false, text: t('schema.discoverFailed', { message: (e as Error).message }) });
    }
  };

  return (
    <fieldset className="inspector__section sql-schema">
      <legend>{t('schema.title')}</legend>
      <p className="field__help">{t('schema.stream', { name: sourceStreamName(config) })}</p>
      <div className="sql-row">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-format`}>
            {t('schema.format')}
          </label>
          <select
            id={`${id}-format`}
            value={config.inputFormat}
            onChange={(e) =>
              update({ inputFormat: e.target.value as 'JSON' | 'CSV' }, `format:${Date.now()}`)
            }
          >
            <option value="JSON">JSON</option>
            <option value="CSV">CSV</option>
          </select>
        </div>
        {csv ? (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-delim`}>
              {t('schema.delimiter')}
            </label>
            <input
              id={`${id}-delim`}
              type="text"
              value={config.csvColumnDelimiter}
              onChange={(e) => update({ csvColumnDelimiter: e.target.value }, `${nodeId}:delim`)}
            />
          </div>
        ) : (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-rowpath`}>
              {t('schema.rowPath')}
            </label>
            <input
              id={`${id}-rowpath`}
              type="text"
              value={config.recordRowPath}
              spellCheck={false}
              onChange={(e) => update({ recordRowPath: e.target.value }, `${nodeId}:rowpath`)}
            />
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-prefix`}>
            {t('schema.prefix')}
          </label>
          <input
            id={`${id}-prefix`}
            type="text"
            value={config.inputNamePrefix}
            spellCheck={false}
            onChange={(e) => update({ inputNamePrefix: e.target.value }, `${nodeId}:prefix`)}
          />
        </div>
      </div>
      <ColumnsTable
        idPrefix={`${nodeId}-cols`}
        columns={config.columns}
        csv={csv}
        caption={t('schema.columns')}
        onChange={(columns, group) => update({ columns }, group)}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-samples`}>
          {t('schema.samples')}
        </label>
        <textarea
          id={`${id}-samples`}
          rows={5}
          spellCheck={false}
          value={sampleText}
          aria-describedby={`${id}-samples-help`}
          onChange={(e) => setSamples(e.target.value)}
        />
        <p id={`${id}-samples-help`} className="field__help">
          {producer ? t('schema.samplesFrom', { name: producer.name }) : t('schema.samplesNone')}
        </p>
      </div>
      <div className="sql-actions">
        <button type="button" onClick={discover} aria-describedby={`${id}-discover-help`}>
          {t('schema.discover')}
        </button>
        {producer && samples !== null && (
          <button type="button" onClick={() => setSamples(null)}>
            {t('schema.renderSamples', { name: producer.name })}
          </button>
        )}
      </div>
      <p id={`${id}-discover-help`} className="field__help">
        {t('schema.discoverHint')}
      </p>
      <p role="status" className={status && !status.ok ? 'problem problem--error' : 'field__help'}>
        {status?.text ?? ''}
      </p>
    </fieldset>
  );
}
