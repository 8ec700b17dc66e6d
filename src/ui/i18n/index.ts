/**
 * i18next set-up. Every sibling `<namespace>.ts` exports the English `en` object and `ja/<namespace>.ts`
 * the Japanese `ja` with the same keys (`typeof en`); the namespace is the file name (`studio.ts` →
 * `useTranslation('studio')`). New files are picked up by the globs. English is bundled with the
 * app; Japanese loads on demand (`loadLanguage`), see ja/index.ts.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

type Messages = Record<string, unknown>;
type NamespaceModule = { en?: Messages };

const modules = import.meta.glob<NamespaceModule>(['./*.ts', '!./index.ts', '!./*.test.ts'], { eager: true });

export const NAMESPACES: string[] = [];
const resources: { en: Record<string, Messages> } = { en: {} };
for (const [path, mod] of Object.entries(modules)) {
  const ns = path.replace(/^\.\//, '').replace(/\.ts$/, '');
  NAMESPACES.push(ns);
  resources.en[ns] = mod.en ?? {};
}

let japanese: Promise<void> | undefined;

/** Whether a language's texts are already there (English always; Japanese once loaded). */
export function languageLoaded(lng: string): boolean {
  return lng !== 'ja' || i18n.hasResourceBundle('ja', 'studio');
}

/**
 * Makes a language's texts available (Japanese is fetched once, as its own chunk); resolves when
 * `i18n.changeLanguage(lng)` would show them. English is always there.
 */
export function loadLanguage(lng: string): Promise<void> {
  if (lng !== 'ja') return Promise.resolve();
  japanese ??= import('./ja/index.ts').then(
    ({ bundles }) => {
      for (const [ns, bundle] of Object.entries(bundles))
        i18n.addResourceBundle('ja', ns, bundle, true, true);
    },
    (err: unknown) => {
      japanese = undefined; // a failed fetch (offline, a redeploy) is tried again at the next switch
      throw err;
    },
  );
  return japanese;
}

/** Keys looked up but missing in both languages, as "namespace:key". */
export const MISSING_KEYS: string[] = [];
if (typeof window !== 'undefined') window.__i18nMissing = MISSING_KEYS;

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'studio',
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
  returnNull: false,
  // A key found in neither language is recorded, so the Japanese walk (e2e) can fail on it;
  // i18next then shows the key itself.
  saveMissing: true,
  missingKeyHandler: (_lngs, ns, key) => {
    const id = `${ns}:${key}`;
    if (!MISSING_KEYS.includes(id)) MISSING_KEYS.push(id);
  },
});

declare global {
  interface Window {
    /** i18next keys looked up but found in no language (read by the Japanese walk e2e). */
    __i18nMissing?: string[];
  }
}
