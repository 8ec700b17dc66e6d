/**
 * The right-hand panel: the selected node's form, the selected edge's read mode, a summary of a
 * multi-selection, or (nothing selected) the design's own name, description and run settings.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitText } from '../../model/kinds/index.ts';
import type { RunSettings } from '../../model/types.ts';
import { studioStore, useStudio } from '../../store/studio.ts';
import { deleteSelection, duplicateSelection } from '../app/commands.ts';
import { EdgeInspector } from './EdgeInspector.tsx';
import { NodeInspector } from './NodeInspector.tsx';

function DesignSettings() {
  const { t } = useTranslation('inspector');
  const doc = useStudio((s) => s.doc);
  const locale = useStudio((s) => s.locale);
  const [name, setName] = useState<string | null>(null);
  const dispatch = studioStore.getState().dispatch;
  const setSettings = (settings: Partial<RunSettings>, group: string) =>
    dispatch([{ type: 'doc/settings', settings }], { group });
  return (
    <section className="inspector__design" aria-label={t('design.title')}>
      <h2>{t('design.title')}</h2>
      <p className="inspector__hint">{t('design.hint')}</p>
      <div className="field">
        <label className="field__label" htmlFor="design-name">
          {t('design.name')}
        </label>
        <input
          id="design-name"
          value={name ?? doc.name}
          onChange={(e) => {
            setName(e.target.value);
            if (e.target.value.trim())
              dispatch([{ type: 'doc/rename', name: e.target.value.trim() }], { group: 'doc-name' });
          }}
          onBlur={() => setName(null)}
        />
      </div>
      <fieldset className="inspector__section">
        <legend>{t('design.run')}</legend>
        <div className="field">
          <label className="field__label" htmlFor="design-seed">
            {t('design.seed')}
          </label>
          <input
            id="design-seed"
            type="number"
            step={1}
            value={doc.settings.seed}
            onChange={(e) => {
              const seed = Math.round(Number(e.target.value));
              if (e.target.value !== '' && Number.isFinite(seed)) setSettings({ seed }, 'seed');
            }}
          />
          <p className="field__help">{t('design.seedHelp')}</p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="design-duration">
            {t('design.duration')}
          </label>
          <div className="field__number">
            <input
              id="design-duration"
              type="number"
              min={1}
              step={1}
              value={doc.settings.durationSec}
              onChange={(e) => {
                const durationSec = Math.round(Number(e.target.value));
                if (e.target.value !== '' && Number.isFinite(durationSec))
                  setSettings({ durationSec }, 'duration');
              }}
            />
            <span className="field__unit">{unitText('s', locale)}</span>
          </div>
          <p className="field__help">{t('design.durationHelp')}</p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="design-prices">
            {t('design.priceBook')}
          </label>
          <select
            id="design-prices"
            value={doc.settings.priceBook}
            onChange={(e) => setSettings({ priceBook: e.target.value as RunSettings['priceBook'] }, 'prices')}
          >
            <option value="current">{t('design.pricesCurrent')}</option>
            <option value="2017">{t('design.prices2017')}</option>
          </select>
        </div>
      </fieldset>
      <dl className="inspector__stats">
        <dt>{t('design.nodes')}</dt>
        <dd>{doc.nodes.length}</dd>
        <dt>{t('design.edges')}</dt>
        <dd>{doc.edges.length}</dd>
      </dl>
    </section>
  );
}

export function Inspector() {
  const { t } = useTranslation('inspector');
  const selection = useStudio((s) => s.selection);
  const total = selection.nodeIds.length + selection.edgeIds.length;
  let body: React.ReactNode;
  if (total === 0) body = <DesignSettings />;
  else if (selection.nodeIds.length === 1 && selection.edgeIds.length === 0)
    body = <NodeInspector nodeId={selection.nodeIds[0]} />;
  else if (selection.edgeIds.length === 1 && selection.nodeIds.length === 0)
    body = <EdgeInspector edgeId={selection.edgeIds[0]} />;
  else
    body = (
      <section aria-label={t('multi.title')}>
        <h2>{t('multi.title')}</h2>
        <p>{t('multi.count', { nodes: selection.nodeIds.length, edges: selection.edgeIds.length })}</p>
        <div className="inspector__actions">
          <button type="button" onClick={duplicateSelection} disabled={!selection.nodeIds.length}>
            {t('multi.duplicate')}
          </button>
          <button type="button" className="danger" onClick={deleteSelection}>
            {t('multi.delete')}
          </button>
        </div>
      </section>
    );
  return (
    <aside className="inspector" aria-label={t('title')}>
      {body}
    </aside>
  );
}
