/**
 * Monaco, bundled locally (never from a CDN): the editor API, its UI features (codicons, find, …),
 * and only the JavaScript, SQL and YAML (CloudFormation export preview) tokenizers. No TypeScript/JSON language services, so the only
 * worker is the editor worker (the full set emits a 6.9 MB TypeScript worker and 15 MB of dist).
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/sql/register';
import 'monaco-editor/languages/definitions/yaml/register';

self.MonacoEnvironment = {
  getWorker(_workerId: string, _label: string): Worker {
    return new EditorWorker();
  },
};

// @monaco-editor/react would otherwise fetch Monaco from a CDN; the studio works offline.
loader.config({ monaco });

export { monaco };
