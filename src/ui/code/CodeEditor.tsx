/**
 * A lazily loaded Monaco editor for code fields (Lambda handlers in JavaScript, SQL). Import it with
 * React.lazy: Monaco (~1 MB gzip) stays out of the first load. The wrapper carries `nokey` so React
 * Flow's keyboard handling (Space = pan, Delete, …) never eats keys typed into the editor.
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useTranslation } from 'react-i18next';
import './monacoSetup.ts';

export interface CodeEditorProps {
  value: string;
  language: 'javascript' | 'sql' | 'yaml' | 'plaintext';
  ariaLabel: string;
  /** A preview (exports): selectable and copyable, not editable. */
  readOnly?: boolean;
  onChange(value: string): void;
  /** CSS height, default 260 px. */
  height?: string;
}

declare global {
  interface Window {
    /** The last mounted editor (tests read its value; `.view-lines` text uses NBSP for spaces). */
    __editor?: Parameters<OnMount>[0];
  }
}

export default function CodeEditor({
  value,
  language,
  ariaLabel,
  onChange,
  height = '260px',
  readOnly = false,
}: CodeEditorProps) {
  const { t } = useTranslation('inspector');
  return (
    <div className="code-editor nokey" style={{ height }}>
      <Editor
        loading={t('loading')}
        height={height}
        language={language}
        value={value}
        onChange={(v) => onChange(v ?? '')}
        onMount={(editor) => {
          window.__editor = editor;
        }}
        options={{
          ariaLabel,
          readOnly,
          minimap: { enabled: false },
          automaticLayout: true,
          fontSize: 14,
          lineNumbersMinChars: 3,
          scrollBeyondLastLine: false,
          tabSize: 2,
          wordWrap: 'on',
        }}
      />
    </div>
  );
}
