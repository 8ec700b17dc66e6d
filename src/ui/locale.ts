/**
 * The studio's language, from one place: the store's `locale` (chosen in the toolbar, saved, first
 * taken from the browser). i18next follows it (App.tsx keeps `i18n.language` in step the moment it
 * changes); components read it here rather than from `i18n.language`, so numbers, units and texts
 * on one screen never disagree.
 */
import { unitText } from '../model/kinds/types.ts';
import { type Locale, studioStore, useStudio } from '../store/studio.ts';
import { i18n, languageLoaded, loadLanguage } from './i18n/index.ts';

export type { Locale };

/**
 * i18next follows the store: as soon as the language's texts are loaded (Japanese is its own
 * chunk, fetched the first time). A switch back while they load wins: only the store's current
 * locale is applied.
 */
function follow(locale: Locale): Promise<void> {
  const apply = () => {
    const now = studioStore.getState().locale;
    if (i18n.language !== now) void i18n.changeLanguage(now);
  };
  // Already loaded: switch at once, in step with the store (no frame with mixed languages).
  if (languageLoaded(locale)) {
    apply();
    return Promise.resolve();
  }
  return loadLanguage(locale).then(apply);
}

/** Resolves when the saved language's texts are in place (main.tsx renders after it: no English flash). */
export const languageReady: Promise<void> = follow(studioStore.getState().locale);
studioStore.subscribe((s, prev) => {
  // Texts that fail to load leave the studio in the language it shows (a later switch retries).
  if (s.locale !== prev.locale) follow(s.locale).catch(() => undefined);
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
