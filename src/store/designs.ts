/**
 * The design list and autosave. The open design's document lives in the studio store; this store
 * knows which saved design it is, lists the others, and writes changes to IndexedDB after a short
 * pause (debounced) so a drag or a typing burst is one write, not sixty.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { emptyDocument, newId } from '../model/factory.ts';
import type { PipelineDoc } from '../model/types.ts';
import * as db from './persistence.ts';
import { studioStore } from './studio.ts';
import { TEMPLATES } from './templates.ts';

/** Wall ms of quiet before the open design is written to IndexedDB. */
export const AUTOSAVE_DELAY_MS = 400;
/** The design a first-time visitor lands on. */
export const FIRST_TEMPLATE = 'clickstream';

export type SaveState = 'saved' | 'saving' | 'error';

export interface DesignsState {
  ready: boolean;
  currentId: string | null;
  list: db.DesignSummary[];
  saveState: SaveState;
  /** True on the very first start (no saved designs): the shell shows the "Press Run" hint. */
  firstVisit: boolean;
  init(): Promise<void>;
  open(id: string): Promise<void>;
  /** Adds a design (a template copy, an import, an empty one) and opens it. */
  add(doc: PipelineDoc): Promise<string>;
  fromTemplate(templateId: string): Promise<string>;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): Promise<string>;
  remove(id: string): Promise<void>;
  flush(): Promise<void>;
  dismissHint(): void;
}

/** A template as a new design, named and described in the studio's language. */
function templateDoc(id: string): PipelineDoc {
  const template = TEMPLATES.find((tpl) => tpl.id === id) ?? TEMPLATES[0];
  const locale = studioStore.getState().locale;
  if (!template) return emptyDocument(locale === 'ja' ? '無題のパイプライン' : 'Untitled pipeline');
  return {
    ...structuredClone(template.doc),
    name: template.title[locale],
    description: template.description[locale],
  };
}

export const designsStore = createStore<DesignsState>()((set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: PipelineDoc | null = null;
  /** True while a stored document is being loaded: loading is not an edit and needs no save. */
  let loading = false;
  const load = (doc: PipelineDoc) => {
    loading = true;
    studioStore.getState().loadDocument(doc);
    loading = false;
  };

  const refreshList = async () => set({ list: await db.listDesigns() });

  const writeNow = async () => {
    const id = get().currentId;
    const doc = pending;
    pending = null;
    timer = null;
    if (!id || !doc) return;
    try {
      await db.saveDesign(id, doc);
      set({ saveState: pending ? 'saving' : 'saved' });
      await refreshList();
    } catch {
      set({ saveState: 'error' });
    }
  };

  let initOnce: Promise<void> | null = null;
  const initialise = async () => {
    const list = await db.listDesigns();
    const lastId = await db.getCurrentId();
    const chosen = list.find((d) => d.id === lastId) ?? list[0];
    if (chosen) {
      const record = await db.loadDesign(chosen.id);
      if (record) {
        set({ list, currentId: chosen.id });
        load(record.doc);
      }
    } else {
      set({ firstVisit: true });
      await get().fromTemplate(FIRST_TEMPLATE);
    }
    // Autosave: every document change of the open design, debounced.
    studioStore.subscribe((state, prev) => {
      if (loading || state.doc === prev.doc || !get().currentId) return;
      pending = state.doc;
      set({ saveState: 'saving' });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void writeNow(), AUTOSAVE_DELAY_MS);
    });
    set({ ready: true });
  };

  const show = async (id: string, doc: PipelineDoc) => {
    await get().flush();
    set({ currentId: id });
    load(doc);
    await db.setCurrentId(id);
  };

  return {
    ready: false,
    currentId: null,
    list: [],
    saveState: 'saved',
    firstVisit: false,

    init() {
      // Once per page, even when React's StrictMode runs the mount effect twice in development
      // (two concurrent first starts would each create a template design).
      initOnce ??= initialise();
      return initOnce;
    },

    async open(id) {
      const record = await db.loadDesign(id);
      if (record) await show(id, record.doc);
    },

    async add(doc) {
      const id = newId('design');
      await db.saveDesign(id, doc);
      await show(id, doc);
      await refreshList();
      return id;
    },

    fromTemplate(templateId) {
      return get().add(templateDoc(templateId));
    },

    async rename(id, name) {
      if (id === get().currentId) {
        studioStore.getState().dispatch([{ type: 'doc/rename', name }]);
        await get().flush();
        return;
      }
      const record = await db.loadDesign(id);
      if (!record) return;
      await db.saveDesign(id, { ...record.doc, name });
      await refreshList();
    },

    async duplicate(id) {
      await get().flush();
      const record = await db.loadDesign(id);
      if (!record) return id;
      const taken = new Set(get().list.map((d) => d.name));
      let name = `${record.doc.name} (copy)`;
      for (let i = 2; taken.has(name); i += 1) name = `${record.doc.name} (copy ${i})`;
      return get().add({ ...structuredClone(record.doc), name });
    },

    async remove(id) {
      await db.deleteDesign(id);
      await refreshList();
      if (id !== get().currentId) return;
      pending = null;
      if (timer) clearTimeout(timer);
      timer = null;
      const next = get().list[0];
      if (next) await get().open(next.id);
      else await get().fromTemplate(FIRST_TEMPLATE);
    },

    async flush() {
      if (timer) clearTimeout(timer);
      if (pending) await writeNow();
    },

    dismissHint() {
      set({ firstVisit: false });
    },
  };
});

export function useDesigns<T>(selector: (state: DesignsState) => T): T {
  return useStore(designsStore, selector);
}
