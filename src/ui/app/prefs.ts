/** UI preferences kept in localStorage: panel sizes and collapsed state, and the language. */
export interface LayoutPrefs {
  /** Panel sizes in CSS px. */
  paletteWidth: number;
  inspectorWidth: number;
  bottomHeight: number;
  paletteOpen: boolean;
  inspectorOpen: boolean;
  bottomOpen: boolean;
}

export const DEFAULT_LAYOUT: LayoutPrefs = {
  paletteWidth: 200,
  inspectorWidth: 320,
  bottomHeight: 180,
  paletteOpen: true,
  inspectorOpen: true,
  bottomOpen: true,
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
