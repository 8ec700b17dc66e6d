/**
 * The studio's language, from one place: the store's `locale` (chosen in the toolbar, saved, first
 * taken from the browser). i18next follows it (App.tsx keeps `i18n.language` in step the moment it
 * changes); components read it here rather than from `i18n.language`, so numbers, units and texts
 * on one screen never disagree.
 */
import { unitText } from '../model/kinds/types.ts';
import { type Locale, studioStore, useStudio } from '../store/studio.ts';
import { i18n } from './i18n/index.ts';

export type { Locale };

// i18next follows the store the moment the locale changes (before any component re-renders).
if (i18n.language !== studioStore.getState().locale) void i18n.changeLanguage(studioStore.getState().locale);
studioStore.subscribe((s, prev) => {
  if (s.locale !== prev.locale) void i18n.changeLanguage(s.locale);
});

/** The studio's language, for components (re-renders when it changes). */
export function useLocale(): Locale {
  return useStudio((s) => s.locale);
}

/** The studio's language outside React (commands, notices). */
export function currentLocale(): Locale {
  return studioStore.getState().locale;
}

/** A unit as the studio prints it in a locale: `rec/s` → `件/秒` in Japanese (one table: model/kinds/types.ts). */
export function unitLabel(unit: string, locale: Locale): string {
  return unitText(unit, locale);
}
