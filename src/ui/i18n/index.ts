/**
 * i18next set-up. Every sibling `<namespace>.ts` exports `en` and `ja` objects with the same keys;
 * the namespace is the file name (`studio.ts` → `useTranslation('studio')`). Files written by other
 * helpers (run.ts, sql.ts, …) are picked up automatically by the glob.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

type Messages = Record<string, unknown>;
type NamespaceModule = { en?: Messages; ja?: Messages };

const modules = import.meta.glob<NamespaceModule>(['./*.ts', '!./index.ts', '!./*.test.ts'], { eager: true });

export const NAMESPACES: string[] = [];
const resources: { en: Record<string, Messages>; ja: Record<string, Messages> } = { en: {}, ja: {} };
for (const [path, mod] of Object.entries(modules)) {
  const ns = path.replace(/^\.\//, '').replace(/\.ts$/, '');
  NAMESPACES.push(ns);
  resources.en[ns] = mod.en ?? {};
  resources.ja[ns] = mod.ja ?? mod.en ?? {};
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
