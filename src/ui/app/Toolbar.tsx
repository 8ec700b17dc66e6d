/**
 * The toolbar, two rows: (1) design ▾ and save state, undo/redo, templates, import/export,
 * auto-layout, fit, shortcuts, language; (2) the run controls and the panel switches.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { studioStore, useStudio } from '../../store/studio.ts';
import { uiStore, useUi } from '../../store/ui.ts';
import { canvasBridge } from '../canvas/bridge.ts';
import { LessonsToggle } from '../lessons/LessonsToggle.tsx';
import { RunControls } from '../run/index.tsx';
import { layoutAll, togglePresenter } from './commands.ts';
import { DesignMenu } from './DesignMenu.tsx';
import { exportCurrent, importFile } from './files.ts';

function PanelSwitches() {
  const { t } = useTranslation('studio');
  const layout = useUi((s) => s.layout);
  const set = uiStore.getState().setLayout;
  return (
    <div className="toolbar__group toolbar__panels">
      <LessonsToggle />
      <button
        type="button"
        aria-pressed={layout.presenter}
        title={t('layout.presenterHint')}
        onClick={togglePresenter}
      >
        {t('layout.presenter')}
      </button>
      {!layout.presenter && (
        <button type="button" onClick={() => set({ paletteOpen: !layout.paletteOpen })}>
          {layout.paletteOpen ? t('layout.hidePalette') : t('layout.showPalette')}
        </button>
      )}
      {!layout.presenter && (
        <button type="button" onClick={() => set({ bottomOpen: !layout.bottomOpen })}>
          {layout.bottomOpen ? t('layout.hideBottom') : t('layout.showBottom')}
        </button>
      )}
      {!layout.presenter && (
        <button type="button" onClick={() => set({ inspectorOpen: !layout.inspectorOpen })}>
          {layout.inspectorOpen ? t('layout.hideInspector') : t('layout.showInspector')}
        </button>
      )}
    </div>
  );
}

export function Toolbar() {
  const { t } = useTranslation('studio');
  const canUndo = useStudio((s) => s.canUndo);
  const canRedo = useStudio((s) => s.canRedo);
  const locale = useStudio((s) => s.locale);
  const fileInput = useRef<HTMLInputElement>(null);
  const store = studioStore.getState();

  return (
    <header className="toolbar">
      <div className="toolbar__row">
        <span className="brand" aria-hidden="true">
          Shardscape
        </span>
        <DesignMenu />
        <div className="toolbar__group">
          <button type="button" onClick={store.undo} disabled={!canUndo} title="Ctrl/⌘ + Z">
            {t('undo')}
          </button>
          <button type="button" onClick={store.redo} disabled={!canRedo} title="Ctrl/⌘ + Y">
            {t('redo')}
          </button>
        </div>
        <span className="toolbar__spacer" />
        <div className="toolbar__group">
          <button type="button" onClick={() => uiStore.getState().openDialog('templates')}>
            {t('templates')}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json,.yaml,.yml,.template"
            hidden
            aria-label={t('importFile')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ''; // picking the same file again must fire change again
              if (file) void importFile(file);
            }}
          />
          <button type="button" onClick={() => void exportCurrent()}>
            {t('export')}
          </button>
          <button type="button" onClick={() => uiStore.getState().openDialog('export')}>
            {t('exportAs')}
          </button>
        </div>
        <div className="toolbar__group">
          <button type="button" onClick={() => void layoutAll()} title="L">
            {t('autoLayout')}
          </button>
          <button type="button" onClick={() => canvasBridge.current.fitView()} title="F">
            {t('fit')}
          </button>
          <button
            type="button"
            aria-label={t('shortcuts')}
            title={t('shortcuts')}
            onClick={() => uiStore.getState().openDialog('shortcuts')}
          >
            ?
          </button>
        </div>
        <div className="toolbar__group lang">
          <button
            type="button"
            aria-pressed={locale === 'en'}
            lang="en"
            onClick={() => store.setLocale('en')}
          >
            EN
          </button>
          <button
            type="button"
            aria-pressed={locale === 'ja'}
            lang="ja"
            onClick={() => store.setLocale('ja')}
          >
            日本語
          </button>
        </div>
      </div>
      <div className="toolbar__row toolbar__row--run">
        <div className="toolbar__run">
          <RunControls />
        </div>
        <span className="toolbar__spacer" />
        <PanelSwitches />
      </div>
    </header>
  );
}
