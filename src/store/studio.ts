/**
 * The studio store: the open design, its diagnostics, the selection and the bits of UI state the
 * shell shares (locale, bottom tab, focus requests). A zustand *vanilla* store so node tests can
 * drive it without React; `useStudio(selector)` is the thin React binding.
 *
 * Only `doc` is undoable and exported. Selection, tabs, locale and run state are session state:
 * never recorded in history, never saved in the document.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { deployProblems } from '../export/cloudformation/names.ts';
import { applyChanges, type Change } from '../model/changes.ts';
import { emptyDocument } from '../model/factory.ts';
import { emptyHistory, type History, record, redo, undo } from '../model/history.ts';
import type { Diagnostic, PipelineDoc } from '../model/types.ts';
import { validateDocument } from '../model/validate.ts';

export type Locale = 'en' | 'ja';

export interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

export interface DispatchOptions {
  /** Changes with the same group within 1,000 ms (wall clock) merge into one undo step. */
  group?: string;
  /** false = apply without an undo step (e.g. a live edit echo). Default true. */
  history?: boolean;
}

export interface StudioState {
  doc: PipelineDoc;
  diagnostics: Diagnostic[];
  selection: Selection;
  locale: Locale;
  bottomTab: string;
  /** Bumped by focusNode; the canvas centres `nodeId` whenever `seq` changes. */
  focusRequest: { nodeId: string; seq: number } | null;
  canUndo: boolean;
  canRedo: boolean;
  dispatch(changes: Change[], opts?: DispatchOptions): void;
  undo(): void;
  redo(): void;
  select(sel: { nodeIds?: string[]; edgeIds?: string[] }): void;
  setBottomTab(id: string): void;
  focusNode(id: string): void;
  setLocale(locale: Locale): void;
  /** Replace the open design without an undo step (open from the list, import, template). */
  loadDocument(doc: PipelineDoc): void;
}

export interface StudioStoreOptions {
  doc?: PipelineDoc;
  locale?: Locale;
  /** Wall-clock ms source for undo grouping; injectable for tests. */
  now?: () => number;
}

/** Moves never change what validation finds, so a drag (60 moves/s on 300 nodes) skips re-validation. */
function onlyMoves(changes: Change[]): boolean {
  return changes.every((c) => c.type === 'node/move');
}

/**
 * The design's problems include each Analytics node's SQL, checked by the SQL engine (src/sql). That
 * module (parser, checker, function library) is not in the first load: the store loads it the first
 * time a design has an Analytics node and re-validates then. Until it is there (a few ms after the
 * first paint) SQL errors are not listed; Run still refuses them, because the engine checks the same.
 */
type SqlDesign = { analyticsProblems(doc: PipelineDoc): Diagnostic[] };
let sqlModule: SqlDesign | null = null;
let sqlLoading: Promise<SqlDesign> | null = null;

/** Loads the SQL engine once; resolves when `safeValidate` includes SQL problems. */
export function loadSqlChecker(): Promise<SqlDesign> {
  sqlLoading ??= import('../sql/index.ts').then((m) => {
    sqlModule = m;
    return m;
  });
  return sqlLoading;
}

/**
 * The exported template's properties checked against CloudFormation's provider schemas
 * (src/export/cfn-schema, generated at build time from AWS's validator). Like the SQL checker it
 * loads after the first paint, the first time a design has nodes, and adds Problems-tab warnings.
 */
type SchemaCheck = { schemaProblems(doc: PipelineDoc): Diagnostic[] };
let schemaModule: SchemaCheck | null = null;
let schemaLoading: Promise<SchemaCheck> | null = null;

export function loadSchemaChecker(): Promise<SchemaCheck> {
  schemaLoading ??= import('../export/cfn-schema/design-check.ts').then((m) => {
    schemaModule = m;
    return m;
  });
  return schemaLoading;
}

/**
 * The schema check exports the whole design (about 80 ms at 300 nodes), so it runs once edits pause
 * (SCHEMA_PAUSE_MS of wall time), not on every keystroke; meanwhile the last findings stay listed.
 */
const SCHEMA_PAUSE_MS = 250;

function schemaCheck(doc: PipelineDoc): Diagnostic[] {
  if (!schemaModule || doc.nodes.length === 0) return [];
  try {
    return schemaModule.schemaProblems(doc);
  } catch (err) {
    return [{ severity: 'warning', code: 'validator-crash', message: `Schema check failed: ${String(err)}` }];
  }
}

/** Schema warnings for nodes that still exist and have no errors of their own (a value out of range is said once). */
function schemaWarnings(doc: PipelineDoc, model: Diagnostic[], found: Diagnostic[]): Diagnostic[] {
  const broken = new Set(model.filter((d) => d.severity === 'error').map((d) => d.nodeId));
  const ids = new Set(doc.nodes.map((n) => n.id));
  return found.filter((d) => !d.nodeId || (ids.has(d.nodeId) && !broken.has(d.nodeId)));
}

function hasSql(doc: PipelineDoc): boolean {
  return doc.nodes.some((n) => n.kind === 'analytics');
}

function safeValidate(doc: PipelineDoc, schemaFound: Diagnostic[] = []): Diagnostic[] {
  try {
    // Names CloudFormation would refuse are warnings here, before anyone exports.
    const model = [...validateDocument(doc), ...deployProblems(doc)];
    const all = [...model, ...schemaWarnings(doc, model, schemaFound)];
    return sqlModule && hasSql(doc) ? [...all, ...sqlModule.analyticsProblems(doc)] : all;
  } catch (err) {
    // A validator bug must not take the editor down: show it as a problem instead.
    return [{ severity: 'error', code: 'validator-crash', message: `Validation failed: ${String(err)}` }];
  }
}

/** Drop selected ids that no longer exist (after delete, undo of an add, or a load). */
function pruneSelection(doc: PipelineDoc, sel: Selection): Selection {
  const nodeIds = sel.nodeIds.filter((id) => doc.nodes.some((n) => n.id === id));
  const edgeIds = sel.edgeIds.filter((id) => doc.edges.some((e) => e.id === id));
  if (nodeIds.length === sel.nodeIds.length && edgeIds.length === sel.edgeIds.length) return sel;
  return { nodeIds, edgeIds };
}

export function createStudioStore(options: StudioStoreOptions = {}): StoreApi<StudioState> {
  const now = options.now ?? (() => Date.now());
  const initial = options.doc ?? emptyDocument('Untitled pipeline');
  // History lives outside the reactive state: components never render from it.
  let history: History = emptyHistory();
  let focusSeq = 0;

  return createStore<StudioState>()((set, get) => {
    // The last schema findings (see SCHEMA_PAUSE_MS) and the pending re-check.
    let schemaFound: Diagnostic[] = [];
    let schemaTimer: ReturnType<typeof setTimeout> | null = null;
    // Two tasks: the export and schema check (~20 ms at 300 nodes), then the re-validation and the
    // re-render it brings, so neither lengthens the other (issue 15: no task over 100 ms).
    const recheckSchema = (doc: PipelineDoc) => {
      if (get().doc !== doc) return;
      schemaFound = schemaCheck(doc);
      setTimeout(() => {
        if (get().doc === doc) set({ diagnostics: safeValidate(doc, schemaFound) });
      }, 0);
    };
    // Validates now; when the SQL engine or the schema check is still loading, again once it is there.
    const validate = (doc: PipelineDoc): Diagnostic[] => {
      if (!schemaModule && doc.nodes.length > 0) {
        void loadSchemaChecker().then(() => recheckSchema(doc));
      } else if (schemaModule) {
        if (schemaTimer) clearTimeout(schemaTimer);
        schemaTimer = setTimeout(() => recheckSchema(doc), SCHEMA_PAUSE_MS);
      }
      if (!sqlModule && hasSql(doc)) {
        void loadSqlChecker().then(() => {
          if (get().doc === doc) set({ diagnostics: safeValidate(doc, schemaFound) });
        });
      }
      return safeValidate(doc, schemaFound);
    };
    const afterDocChange = (doc: PipelineDoc, revalidate: boolean) => {
      const { selection, diagnostics } = get();
      set({
        doc,
        diagnostics: revalidate ? validate(doc) : diagnostics,
        selection: pruneSelection(doc, selection),
        canUndo: history.past.length > 0,
        canRedo: history.future.length > 0,
      });
    };

    return {
      doc: initial,
      diagnostics: validate(initial),
      selection: { nodeIds: [], edgeIds: [] },
      locale: options.locale ?? 'en',
      bottomTab: 'problems',
      focusRequest: null,
      canUndo: false,
      canRedo: false,

      dispatch(changes, opts = {}) {
        if (changes.length === 0) return;
        const before = get().doc;
        const after = applyChanges(before, changes);
        if (after === before) return;
        if (opts.history !== false) history = record(history, before, { group: opts.group, atMs: now() });
        afterDocChange(after, !onlyMoves(changes));
      },

      undo() {
        const result = undo(history, get().doc);
        if (!result) return;
        history = result.history;
        afterDocChange(result.doc, true);
      },

      redo() {
        const result = redo(history, get().doc);
        if (!result) return;
        history = result.history;
        afterDocChange(result.doc, true);
      },

      select(sel) {
        const current = get().selection;
        set({
          selection: pruneSelection(get().doc, {
            nodeIds: sel.nodeIds ?? current.nodeIds,
            edgeIds: sel.edgeIds ?? current.edgeIds,
          }),
        });
      },

      setBottomTab(id) {
        set({ bottomTab: id });
      },

      focusNode(id) {
        if (!get().doc.nodes.some((n) => n.id === id)) return;
        focusSeq += 1;
        set({ selection: { nodeIds: [id], edgeIds: [] }, focusRequest: { nodeId: id, seq: focusSeq } });
      },

      setLocale(locale) {
        set({ locale });
      },

      loadDocument(doc) {
        history = emptyHistory();
        set({
          doc,
          diagnostics: validate(doc),
          selection: { nodeIds: [], edgeIds: [] },
          canUndo: false,
          canRedo: false,
        });
      },
    };
  });
}

/** The app's single store (also `window.__studio` for tests and devtools). */
export const studioStore = createStudioStore();

export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(studioStore, selector);
}
