/** The studio shell: toolbar, palette, canvas, inspector, bottom panel, dialogs. */
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { lazy, Suspense, useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { designsStore, useDesigns } from '../../store/designs.ts';
import { loadBottomTab, loadLocale, saveBottomTab, saveLocale } from '../../store/prefs.ts';
import { studioStore } from '../../store/studio.ts';
import { FlowCanvas } from '../canvas/FlowCanvas.tsx';
import { Dialogs } from '../dialogs/Dialogs.tsx';
import { i18n } from '../i18n/index.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import { LazyLessonsPanel } from '../lessons/LessonsToggle.tsx';
import { Palette } from '../palette/Palette.tsx';
import { BottomPanel } from './BottomPanel.tsx';
import { Layout } from './Layout.tsx';
import { FirstHint, Notice } from './Notice.tsx';
import { openLinkInUrl } from './open-link.ts';
import { Toolbar } from './Toolbar.tsx';
import '../locale.ts';
import { useShortcuts } from './useShortcuts.ts';
import './studio.css';

// Presenter view's clock and chart load the first time presenter view is switched on.
const PresenterStrip = lazy(() => import('../run/PresenterStrip.tsx'));

declare global {
  interface Window {
    /** The studio store, for end-to-end tests and devtools. */
    __studio?: typeof studioStore;
  }
}
window.__studio = studioStore;

// Language: the saved choice, else the browser's (ja → 日本語), else English.
const initialLocale = loadLocale() ?? (navigator.language.startsWith('ja') ? 'ja' : 'en');
studioStore.getState().setLocale(initialLocale);
// The store's locale is the one source (ui/locale.ts, which i18next follows); the page's lang and
// the saved choice follow it too.
const followLocale = (locale: 'en' | 'ja') => {
  document.documentElement.lang = locale;
  saveLocale(locale);
};
followLocale(initialLocale);
studioStore.subscribe((s, prev) => {
  if (s.locale !== prev.locale) followLocale(s.locale);
});
// The open bottom tab persists too (a tab that no longer exists falls back to Problems).
studioStore.getState().setBottomTab(loadBottomTab() ?? 'problems');
studioStore.subscribe((s, prev) => {
  if (s.bottomTab !== prev.bottomTab) saveBottomTab(s.bottomTab);
});

function Shell() {
  const { t } = useTranslation('studio');
  const ready = useDesigns((s) => s.ready);
  useShortcuts();
  useEffect(() => {
    // A share link opens as a new design once the saved ones are loaded.
    void designsStore
      .getState()
      .init()
      .then(() => openLinkInUrl());
    const flush = () => void designsStore.getState().flush();
    const onHash = () => void openLinkInUrl();
    window.addEventListener('pagehide', flush);
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
  return (
    <div className="app">
      <Toolbar />
      <main className="app__main" aria-busy={!ready}>
        <Layout
          palette={<Palette />}
          canvas={
            <>
              {ready ? <FlowCanvas /> : <p className="loading">{t('loading')}</p>}
              <FirstHint />
              <Notice />
            </>
          }
          inspector={<Inspector />}
          bottom={<BottomPanel />}
          presenter={
            <Suspense fallback={null}>
              <PresenterStrip />
            </Suspense>
          }
        />
        <LazyLessonsPanel />
      </main>
      <Dialogs />
    </div>
  );
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <ReactFlowProvider>
        <Shell />
      </ReactFlowProvider>
    </I18nextProvider>
  );
}
