/** The form for one node: its name, then every visible field of its kind, grouped by section. */
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAt, setField } from '../../model/config.ts';
import { type FieldDef, KINDS } from '../../model/kinds/index.ts';
import type { PipelineNode } from '../../model/types.ts';
import { diagnosticText } from '../../model/validate.ts';
import { studioStore, useStudio } from '../../store/studio.ts';
import { KIND_COLOR, KindIcon } from '../kinds/index.tsx';
import { Field } from './fields.tsx';
import { WIDE_CONTEXT } from './wide-context.ts';

// Analytics nodes get the SQL workbench instead of the generic form; it loads (with the SQL engine
// and Monaco) the first time one is opened.
const AnalyticsSqlPanel = lazy(() =>
  import('../sql/AnalyticsSqlPanel.tsx').then((m) => ({ default: m.AnalyticsSqlPanel })),
);

function NameField({ node }: { node: PipelineNode }) {
  const { t } = useTranslation('inspector');
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="field">
      <label className="field__label" htmlFor={`name-${node.id}`}>
        {t('name')}
      </label>
      <input
        id={`name-${node.id}`}
        type="text"
        value={draft ?? node.name}
        spellCheck={false}
        onChange={(e) => {
          setDraft(e.target.value);
          const name = e.target.value.trim();
          if (name) {
            studioStore
              .getState()
              .dispatch([{ type: 'node/rename', id: node.id, name }], { group: `name:${node.id}` });
          }
        }}
        onBlur={() => setDraft(null)}
      />
    </div>
  );
}

/**
 * The form's sections; wide, the ones holding a code editor go left (large) and the rest, after the
 * node's context (`children`), go right.
 */
function SectionsLaidOut({
  wide,
  all,
  render,
  children,
}: {
  wide: boolean;
  all: { title: string; fields: FieldDef[] }[];
  render(section: { title: string; fields: FieldDef[] }): ReactNode;
  children?: ReactNode;
}) {
  if (!wide) return <>{all.map(render)}</>;
  const hasCode = (s: { fields: FieldDef[] }) => s.fields.some((f) => f.type === 'code');
  return (
    <div className="inspector__wide">
      <div className="inspector__wide-main">{all.filter(hasCode).map(render)}</div>
      <div className="inspector__wide-side">
        {children}
        {all.filter((s) => !hasCode(s)).map(render)}
      </div>
    </div>
  );
}

/** Consecutive fields sharing a section label render in one fieldset. */
function sections(fields: FieldDef[], locale: 'en' | 'ja'): { title: string; fields: FieldDef[] }[] {
  const out: { title: string; fields: FieldDef[] }[] = [];
  for (const field of fields) {
    const title = field.section?.[locale] ?? '';
    const last = out[out.length - 1];
    if (last && last.title === title) last.fields.push(field);
    else out.push({ title, fields: [field] });
  }
  return out;
}

export function NodeInspector({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('inspector');
  const node = useStudio((s) => s.doc.nodes.find((n) => n.id === nodeId));
  const doc = useStudio((s) => s.doc);
  const locale = useStudio((s) => s.locale);
  const diagnostics = useStudio((s) => s.diagnostics);
  // The code or SQL editor opened wide (a drawer over the canvas, the node's context beside it).
  const [wide, setWide] = useState<string | null>(null);
  if (!node) return null;
  const def = KINDS[node.kind];
  // Widen to FieldDef<any>: the union of per-kind field lists would make `visible` take `never`.
  const fields = def.fields as FieldDef[];
  const ctx = { doc, nodeId };
  const mine = diagnostics.filter((d) => d.nodeId === nodeId);
  const general = mine.filter((d) => !d.field || !fields.some((f) => f.path === d.field));

  const change = (path: string, value: unknown, group: string) => {
    const current = studioStore.getState().doc.nodes.find((n) => n.id === nodeId);
    if (!current) return;
    const config = setField(current.kind, current.config as never, path, value);
    if (config === current.config) return;
    studioStore.getState().dispatch([{ type: 'node/config', id: nodeId, config } as never], { group });
  };

  const visible = fields.filter((f) => !f.visible || f.visible(node.config, ctx));
  const useSqlPanel = node.kind === 'analytics';
  const hasEditor = useSqlPanel || fields.some((f) => f.type === 'code');
  const isWide = hasEditor && wide === node.id;
  const Context = isWide ? WIDE_CONTEXT[node.kind] : null;
  const renderSection = (section: { title: string; fields: FieldDef[] }) => (
    <fieldset key={`${section.title}:${section.fields[0].path}`} className="inspector__section">
      {section.title && <legend>{section.title}</legend>}
      {section.fields.map((field) => (
        <Field
          key={`${node.id}-${field.path}`}
          field={field}
          value={getAt(node.config, field.path)}
          options={field.dynamicOptions?.(ctx)}
          locale={locale}
          problems={mine.filter((d) => d.field === field.path)}
          groupKey={`${node.id}:${field.path}`}
          onChange={(value, group) => change(field.path, value, group)}
        />
      ))}
    </fieldset>
  );
  return (
    <section
      className={`inspector__node${isWide ? ' inspector__node--wide' : ''}`}
      aria-label={t('nodeSettings', { name: node.name })}
      onKeyDown={(e) => {
        // Escape outside the editor (Monaco keeps its own) brings the narrow inspector back.
        if (isWide && e.key === 'Escape' && !(e.target as Element).closest('.nokey')) setWide(null);
      }}
    >
      {hasEditor && (
        <button
          type="button"
          className="inspector__wide-toggle"
          aria-pressed={isWide}
          onClick={() => setWide(isWide ? null : node.id)}
        >
          {isWide ? `⇥ ${t('wide.close')}` : `⇤ ${t('wide.open')}`}
        </button>
      )}
      <header className="inspector__head" style={{ '--kind': KIND_COLOR[node.kind] } as React.CSSProperties}>
        <span className="card__icon">
          <KindIcon kind={node.kind} />
        </span>
        <div>
          <div className="inspector__kind">{def.label[locale]}</div>
          <p className="inspector__desc">{def.description[locale]}</p>
        </div>
      </header>
      {general.length > 0 && (
        <ul className="inspector__problems">
          {general.map((p) => (
            <li key={`${p.code}-${p.message}`} className={`problem problem--${p.severity}`}>
              <span aria-hidden="true">{p.severity === 'error' ? '✖ ' : '▲ '}</span>
              <span className="sr-only">{t(p.severity)}: </span>
              {diagnosticText(p, locale)}
            </li>
          ))}
        </ul>
      )}
      <NameField key={node.id} node={node} />
      {useSqlPanel && node.kind === 'analytics' ? (
        <Suspense fallback={<p>{t('loading')}</p>}>
          <AnalyticsSqlPanel
            nodeId={node.id}
            config={node.config}
            onChange={(config, group) =>
              studioStore
                .getState()
                .dispatch([{ type: 'node/config', id: nodeId, config }], { group: group ?? `sql:${nodeId}` })
            }
          />
        </Suspense>
      ) : (
        <SectionsLaidOut wide={isWide} all={sections(visible, locale)} render={renderSection}>
          {Context && <Context node={node} />}
        </SectionsLaidOut>
      )}
    </section>
  );
}
