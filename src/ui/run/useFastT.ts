/**
 * A drop-in for `useTranslation(ns)` in the components that re-render with every live frame
 * (card overlays, edge labels, shard strips). Why: measured at max speed on the default template,
 * react-i18next's hook and i18next's `t` (key resolution, fallbacks, interpolation) took about 15 %
 * of the main thread's script time, some 40 ms every wall second, in the tasks that draw a frame.
 *
 * Here the hook only reads the language (useSyncExternalStore on i18next's languageChanged), and
 * `t` fills a cached template's `{{name}}` placeholders. Anything a plain template cannot express
 * (plurals via `count`, nesting, formats, a missing key or value) goes to i18next itself, so the
 * text is always the one `i18n.t` gives (src/ui/run/useFastT.test.ts checks every key of `run`).
 */
import { useSyncExternalStore } from 'react';
import { i18n } from '../i18n/index.ts';

type Values = Record<string, unknown>;

export interface FastT {
  t: (key: string, values?: Values) => string;
  i18n: typeof i18n;
}

const PLACEHOLDER = /\{\{\s*([\w]+)\s*\}\}/g;
/** Templates by `lang\u0000ns\u0000key`; null = leave this key to i18next. */
const templates = new Map<string, string | null>();
const apis = new Map<string, FastT>();

function template(lang: string, ns: string, key: string): string | null {
  const id = `${lang}\u0000${ns}\u0000${key}`;
  let tpl = templates.get(id);
  if (tpl === undefined) {
    const res = i18n.getResource(lang, ns, key) as unknown;
    // Only plain strings whose placeholders are bare names (no `$t(`, no `{{x, format}}`).
    tpl =
      typeof res === 'string' && !res.includes('$t(') && !/\{\{[^}]*[,.:-][^}]*\}\}/.test(res) ? res : null;
    templates.set(id, tpl);
  }
  return tpl;
}

export function fastT(lang: string, ns: string, key: string, values?: Values): string {
  const tpl = values && 'count' in values ? null : template(lang, ns, key);
  if (tpl !== null) {
    let missing = false;
    const out = tpl.replace(PLACEHOLDER, (_, name: string) => {
      const v = values?.[name];
      if (v === undefined || v === null) missing = true;
      return String(v);
    });
    if (!missing) return out;
  }
  return i18n.t(key, { ns, lng: lang, ...values }) as string;
}

function subscribe(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}
const language = () => i18n.language;

export function useFastT(ns: string): FastT {
  const lang = useSyncExternalStore(subscribe, language, language);
  const id = `${lang}\u0000${ns}`;
  let api = apis.get(id);
  if (!api) {
    api = { t: (key, values) => fastT(lang, ns, key, values), i18n };
    apis.set(id, api);
  }
  return api;
}
