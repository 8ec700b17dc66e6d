/** UI preferences kept in localStorage: panel sizes and collapsed state, and the language. */
export interface LayoutPrefs {
  /** Panel sizes in CSS px. */
  paletteWidth: number;
  inspectorWidth: number;
  bottomHeight: number;
  paletteOpen: boolean;
  inspectorOpen: boolean;
  bottomOpen: boolean;
  /** Presenter mode: palette and inspector hidden, larger type, no minimap (for a projector). */
  presenter: boolean;
}

export const DEFAULT_LAYOUT: LayoutPrefs = {
  // Narrow side panels leave the canvas room, so a fitted template renders larger; 290 px of
  // bottom panel shows a whole Metrics chart (axes and legend) without scrolling.
  paletteWidth: 176,
  inspectorWidth: 290,
  bottomHeight: 290,
  paletteOpen: true,
  inspectorOpen: true,
  bottomOpen: true,
  presenter: false,
};

const LAYOUT_KEY = 'shardscape.layout';
const LOCALE_KEY = 'shardscape.locale';

export function loadLayout(): LayoutPrefs {
  if (typeof localStorage === 'undefined') return { ...DEFAULT_LAYOUT };
  try {
    const raw = JSON.parse(localStorage.getItem(LAYOUT_KEY) ?? '{}') as Partial<LayoutPrefs>;
    const out = { ...DEFAULT_LAYOUT };
    for (const key of Object.keys(DEFAULT_LAYOUT) as (keyof LayoutPrefs)[]) {
      if (typeof raw[key] === typeof DEFAULT_LAYOUT[key]) (out as Record<string, unknown>)[key] = raw[key];
    }
    return out;
  } catch {
    return { ...DEFAULT_LAYOUT };
  }
}

export function saveLayout(layout: LayoutPrefs): void {
  localStorage.setItem(LAYOUT_KEY, JSON.stringify(layout));
}

export function loadLocale(): 'en' | 'ja' | null {
  const v = localStorage.getItem(LOCALE_KEY);
  return v === 'en' || v === 'ja' ? v : null;
}

export function saveLocale(locale: 'en' | 'ja'): void {
  localStorage.setItem(LOCALE_KEY, locale);
}

const TAB_KEY = 'shardscape.bottomTab';

export function loadBottomTab(): string | null {
  return localStorage.getItem(TAB_KEY);
}

export function saveBottomTab(id: string): void {
  localStorage.setItem(TAB_KEY, id);
}
