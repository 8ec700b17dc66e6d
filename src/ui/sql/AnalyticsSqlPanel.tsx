/**
 * The Analytics node's inspector: the SQL editor (Monaco, `kda-sql`) with templates and live
 * problems from SQL-CORE's checkSql (debounced while typing, with one-click fixes), then the input
 * schema with "Discover schema", the reference table and the outputs.
 * The STUDIO shell renders this lazily for analytics nodes (NodeInspector.tsx).
 */
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsConfig } from '../../model/types.ts';
import type { SqlProblem } from '../../sql/index.ts';
import { useStudio } from '../../store/studio.ts';
import { OutputsEditor, ReferenceEditor } from './ReferenceOutputs.tsx';
import { SchemaEditor } from './SchemaEditor.tsx';
import { SqlProblems } from './SqlProblems.tsx';
import { type CheckSql, loadCheckSql, safeCheck } from './sqlCheck.ts';
import { inputsOf, schemaOf } from './sqlSchema.ts';
import { TEMPLATE_IDS, type TemplateId, templateSql } from './sqlTemplates.ts';
import './sql.css';

const SqlEditor = lazy(() => import('./SqlEditor.tsx'));

/** Wall-clock ms to wait after the last keystroke before checking (UI pacing, not sim time). */
const CHECK_DELAY_MS = 250;

export interface AnalyticsSqlPanelProps {
  nodeId: string;
  config: AnalyticsConfig;
  onChange(config: AnalyticsConfig, group?: string): void;
}

function useSqlCheck(config: AnalyticsConfig) {
  const [check, setCheck] = useState<CheckSql | null | undefined>(undefined);
  const [problems, setProblems] = useState<SqlProblem[]>([]);
  const [checking, setChecking] = useState(true);
  useEffect(() => {
    let live = true;
    loadCheckSql()
      .then((c) => {
        if (live) setCheck(() => c);
      })
      .catch(() => {
        if (live) setCheck(null);
      });
    return () => {
      live = false;
    };
  }, []);
  const inputs = useMemo(() => inputsOf(config), [config]);
  const inputsKey = JSON.stringify(inputs);
  // biome-ignore lint/correctness/useExhaustiveDependencies: inputsKey stands for inputs' content
  useEffect(() => {
    if (!check) return;
    setChecking(true);
    const timer = setTimeout(() => {
      setProblems(safeCheck(check, config.sql, inputs));
      setChecking(false);
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [check, config.sql, inputsKey]);
  const state: 'checking' | 'done' | 'unavailable' =
    check === null ? 'unavailable' : checking ? 'checking' : 'done';
  return { problems: check ? problems : [], state };
}

export function AnalyticsSqlPanel({ nodeId, config, onChange }: AnalyticsSqlPanelProps) {
  const { t } = useTranslation('sql');
  const id = useId();
  const doc = useStudio((s) => s.doc);
  const name = doc.nodes.find((n) => n.id === nodeId)?.name ?? nodeId;
  // Edits build on the newest config even when several land before the next render.
  const latest = useRef(config);
  latest.current = config;
  const update = (patch: Partial<AnalyticsConfig>, group: string) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    onChange(next, group);
  };
  const [template, setTemplate] = useState<TemplateId>('tumbling');
  const { problems, state } = useSqlCheck(config);
  const schema = useMemo(() => schemaOf(config), [config]);
  const oneStep = useRef(0);
  const newStep = (what: string) => `${what}:${nodeId}:${++oneStep.current}:${Date.now()}`;

  return (
    <div className="sql-panel">
      <section className="inspector__section sql-code" aria-labelledby={`${id}-code`}>
        <h3 id={`${id}-code`} className="sql-panel__title">
          {t('editor.label')}
        </h3>
        <fieldset className="sql-templates">
          <legend className="sr-only">{t('editor.templates')}</legend>
          <label htmlFor={`${id}-tpl`}>{t('editor.templatePick')}</label>
          <select
            id={`${id}-tpl`}
            value={template}
            onChange={(e) => setTemplate(e.target.value as TemplateId)}
          >
            {TEMPLATE_IDS.map((tid) => (
              <option key={tid} value={tid}>
                {t(`template.${tid}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            title={t('editor.insertHint')}
            onClick={() => update({ sql: templateSql(template, latest.current) }, newStep('template'))}
          >
            {t('editor.insert')}
          </button>
        </fieldset>
        <Suspense fallback={<p className="field__help">{t('editor.loading')}</p>}>
          {/* Keyed by node: another Analytics node gets its own model, schema hooks and undo stack. */}
          <SqlEditor
            key={nodeId}
            nodeId={nodeId}
            value={config.sql}
            ariaLabel={t('editor.ariaLabel', { name })}
            schema={schema}
            problems={problems}
            onChange={(sql) => {
              if (sql !== latest.current.sql) update({ sql }, `sql:${nodeId}`);
            }}
          />
        </Suspense>
        <SqlProblems
          problems={problems}
          state={state}
          onFix={(text) => update({ sql: text }, newStep('fix'))}
          onReveal={(line, column) => {
            const ed = window.__sqlEditor;
            if (!ed) return;
            ed.revealLineInCenter(line);
            ed.setPosition({ lineNumber: line, column });
            ed.focus();
          }}
        />
      </section>
      <SchemaEditor key={nodeId} nodeId={nodeId} doc={doc} config={config} update={update} />
      <ReferenceEditor nodeId={nodeId} config={config} update={update} />
      <OutputsEditor nodeId={nodeId} config={config} update={update} doc={doc} />
    </div>
  );
}

export default AnalyticsSqlPanel;
