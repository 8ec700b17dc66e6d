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
});
