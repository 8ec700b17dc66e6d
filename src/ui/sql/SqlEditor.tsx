/**
 * Monaco for one Analytics node's SQL, in the `kda-sql` language: highlighting, completion from the
 * node's schema, and the problems of the last check as markers (with a quick fix where the problem
 * carries one). Monaco is bundled locally (../code/monacoSetup.ts); the wrapper has `nokey` so React
 * Flow never swallows keys typed here (React Flow calls preventDefault on Space outside .nokey).
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SqlProblem } from '../../sql/index.ts';
import { monaco } from '../code/monacoSetup.ts';
import {
  attachModel,
  LANGUAGE_ID,
  MARKER_OWNER,
  registerKdaSql,
  THEME_ID,
  toMarkers,
} from './kdaSqlLanguage.ts';
import type { SchemaStream } from './sqlSchema.ts';

type EditorInstance = Parameters<OnMount>[0];

export interface SqlEditorProps {
  nodeId: string;
  value: string;
  ariaLabel: string;
  schema: SchemaStream[];
  problems: SqlProblem[];
  onChange(value: string): void;
  height?: string;
}

declare global {
  interface Window {
    /** The last mounted SQL editor (e2e reads its value and markers). */
    __sqlEditor?: EditorInstance;
    /** The markers on the last mounted SQL editor's model (e2e asserts their messages). */
    __sqlMarkers?: () => {
      message: string;
      startLineNumber: number;
      startColumn: number;
      severity: number;
    }[];
  }
}

export default function SqlEditor({
  nodeId,
  value,
  ariaLabel,
  schema,
  problems,
  onChange,
  height = '320px',
}: SqlEditorProps) {
  const { t } = useTranslation('sql');
  const editorRef = useRef<EditorInstance | null>(null);
  // The providers read the latest schema / problems through these refs, never stale closures.
  const schemaRef = useRef(schema);
  const problemsRef = useRef(problems);
  schemaRef.current = schema;
  problemsRef.current = problems;
  const detach = useRef<(() => void) | null>(null);

  useEffect(() => () => detach.current?.(), []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(monaco, problems));
  }, [problems]);

  return (
    <div className="sql-editor nokey" style={{ height }}>
      <Editor
        loading={t('editor.loading')}
        height={height}
        language={LANGUAGE_ID}
        theme={THEME_ID}
        path={`inmemory://shardscape/${nodeId}.sql`}
        value={value}
        beforeMount={(m) => registerKdaSql(m)}
        onChange={(v) => onChange(v ?? '')}
        onMount={(editor) => {
          editorRef.current = editor;
          window.__sqlEditor = editor;
          const model = editor.getModel();
          window.__sqlMarkers = () => (model ? monaco.editor.getModelMarkers({ resource: model.uri }) : []);
          if (model) {
            detach.current?.();
            detach.current = attachModel(model, {
              schema: () => schemaRef.current,
              problems: () => problemsRef.current,
            });
            monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(monaco, problemsRef.current));
          }
        }}
        options={{
          ariaLabel,
          minimap: { enabled: false },
          automaticLayout: true,
          fontSize: 13,
          lineNumbersMinChars: 3,
          scrollBeyondLastLine: false,
          tabSize: 2,
          wordWrap: 'on',
          fixedOverflowWidgets: true,
          quickSuggestions: { other: true, comments: false, strings: false },
          lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On },
        }}
      />
    </div>
  );
}
