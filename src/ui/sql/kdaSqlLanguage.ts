/**
 * The `kda-sql` Monaco language: a Monarch tokenizer for the Kinesis Data Analytics dialect
 * (keywords, functions, types, "quoted identifiers", INTERVAL literals, comments), completion of
 * keywords, functions with signatures, stream and column names, and a quick fix for problems that
 * carry one. Registered once; each editor tells the providers its schema and fixes through
 * `attachModel`, keyed by the model URI.
 */
import type { SqlProblem } from '../../sql/index.ts';
import { monaco } from '../code/monacoSetup.ts';
import type { SchemaStream } from './sqlSchema.ts';
import { FUNCTIONS, KEYWORDS, NILADIC, TYPES } from './sqlVocabulary.ts';

export const LANGUAGE_ID = 'kda-sql';
export const THEME_ID = 'shardscape-sql';
export const MARKER_OWNER = 'kda-sql-check';

type Monaco = typeof monaco;
type Model = import('monaco-editor/editor/editor.api').editor.ITextModel;

interface ModelState {
  schema(): SchemaStream[];
  problems(): SqlProblem[];
}

const models = new Map<string, ModelState>();

/** Tells the completion and quick-fix providers where this editor's schema and problems live. */
export function attachModel(model: Model, state: ModelState): () => void {
  const key = model.uri.toString();
  models.set(key, state);
  return () => {
    if (models.get(key) === state) models.delete(key);
  };
}

let registered = false;

export function registerKdaSql(m: Monaco = monaco): void {
  if (registered) return;
  registered = true;
  const functions = FUNCTIONS.map((f) => f.name);
  m.languages.register({ id: LANGUAGE_ID, aliases: ['Kinesis Analytics SQL', 'kda-sql'] });
  m.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '--', blockComment: ['/*', '*/'] },
    brackets: [['(', ')']],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: "'", close: "'", notIn: ['string', 'comment'] },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '(', close: ')' },
      { open: "'", close: "'" },
      { open: '"', close: '"' },
    ],
    wordPattern: /(-?\d*\.\d\w*)|([^`~!@#%^&*()\-=+[{\]}\\|;:'",.<>/?\s]+)/g,
  });
  m.languages.setMonarchTokensProvider(LANGUAGE_ID, {
    ignoreCase: true,
    defaultToken: '',
    tokenPostfix: '.kda',
    keywords: KEYWORDS,
    functions,
    types: TYPES,
    operators: ['=', '<>', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '||'],
    tokenizer: {
      root: [
        { include: '@whitespace' },
        // INTERVAL '1' MINUTE, INTERVAL '2 3:04' DAY TO MINUTE: one literal, coloured as such.
        [
          /INTERVAL\s*'[^']*'\s*(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)S?(\s*\(\d+\))?(\s+TO\s+(MONTH|HOUR|MINUTE|SECOND))?/i,
          'number.interval',
        ],
        [/"/, { token: 'identifier.quote', next: '@quoted' }],
        [/'/, { token: 'string', next: '@string' }],
        [/\d*\.\d+([eE][-+]?\d+)?/, 'number.float'],
        [/\d+/, 'number'],
        [/[;,.]/, 'delimiter'],
        [/[()]/, '@brackets'],
        [/[<>=!|+\-*/]+/, 'operator'],
        [
          /[A-Za-z_][\w$]*/,
          {
            cases: {
              ROWTIME: 'variable.predefined',
              '@types': 'type',
              '@functions': 'predefined',
              '@keywords': 'keyword',
              '@default': 'identifier',
            },
          },
        ],
      ],
      whitespace: [
        [/\s+/, 'white'],
        [/--.*$/, 'comment'],
        [/\/\*/, { token: 'comment', next: '@comment' }],
      ],
      comment: [
        [/[^*/]+/, 'comment'],
        [/\*\//, { token: 'comment', next: '@pop' }],
        [/[*/]/, 'comment'],
      ],
      string: [
        [/[^']+/, 'string'],
        [/''/, 'string.escape'],
        [/'/, { token: 'string', next: '@pop' }],
      ],
      quoted: [
        [/[^"]+/, 'identifier.quote'],
        [/""/, 'identifier.quote'],
        [/"/, { token: 'identifier.quote', next: '@pop' }],
      ],
    },
  });
  m.editor.defineTheme(THEME_ID, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'keyword.kda', foreground: '1d4ed8', fontStyle: 'bold' },
      { token: 'predefined.kda', foreground: '7c3aed' },
      { token: 'type.kda', foreground: '0f766e' },
      { token: 'string.kda', foreground: 'b45309' },
      { token: 'number.kda', foreground: '166534' },
      { token: 'number.float.kda', foreground: '166534' },
      { token: 'number.interval.kda', foreground: 'be185d', fontStyle: 'bold' },
      { token: 'identifier.quote.kda', foreground: '0e7490' },
      { token: 'variable.predefined.kda', foreground: 'be185d' },
      { token: 'comment.kda', foreground: '6b7280', fontStyle: 'italic' },
    ],
    colors: {},
  });

  m.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: ['.', '"'],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const inQuote = /"[^"]*$/.test(before) && (before.match(/"/g)?.length ?? 0) % 2 === 1;
      const K = m.languages.CompletionItemKind;
      const schema = models.get(model.uri.toString())?.schema() ?? [];
      const quote = (name: string) => (inQuote ? name : `"${name.replace(/"/g, '""')}"`);
      const suggestions: import('monaco-editor/editor/editor.api').languages.CompletionItem[] = [];
      // After `stream.`: only that stream's columns.
      const dotted = /("?)([\w$]+)\1\.\s*$/.exec(before);
      if (dotted) {
        const s = schema.find((x) => x.name.toUpperCase() === (dotted[2] as string).toUpperCase());
        for (const c of s?.columns ?? []) {
          suggestions.push({
            label: c,
            kind: K.Field,
            insertText: c === 'ROWTIME' ? c : quote(c),
            detail: s?.name,
            range,
          });
        }
        return { suggestions };
      }
      for (const s of schema) {
        suggestions.push({
          label: s.name,
          kind: K.Module,
          insertText: quote(s.name),
          detail: `${s.origin === 'input' ? 'source stream' : s.origin === 'reference' ? 'reference table' : 'in-application stream'} · ${s.columns.length} columns`,
          sortText: `0${s.name}`,
          range,
        });
        for (const c of s.columns) {
          if (c === 'ROWTIME' || c === 'APPROXIMATE_ARRIVAL_TIME') continue;
          suggestions.push({
            label: c,
            kind: K.Field,
            insertText: quote(c),
            detail: `column of ${s.name}`,
            sortText: `1${c}`,
            range,
          });
        }
      }
      if (!inQuote) {
        for (const k of KEYWORDS)
          suggestions.push({ label: k, kind: K.Keyword, insertText: k, sortText: `2${k}`, range });
        for (const t of TYPES)
          suggestions.push({ label: t, kind: K.TypeParameter, insertText: t, sortText: `3${t}`, range });
        for (const f of FUNCTIONS) {
          suggestions.push({
            label: f.name,
            kind: K.Function,
            detail: f.signature,
            documentation: `${f.kind} function`,
            insertText: NILADIC.has(f.name) ? f.name : `${f.name}($0)`,
            insertTextRules: m.languages.CompletionItemInsertTextRule.InsertAsSnippet,
            sortText: `2${f.name}`,
            range,
          });
        }
      }
      return { suggestions };
    },
  });

  m.languages.registerCodeActionProvider(LANGUAGE_ID, {
    provideCodeActions(model, _range, context) {
      const state = models.get(model.uri.toString());
      if (!state) return { actions: [], dispose() {} };
      const actions = state
        .problems()
        .filter((p) => p.fix)
        .filter((p) =>
          context.markers.some((mk) => mk.message === p.message && mk.startLineNumber === p.line),
        )
        .map((p) => ({
          title: (p.fix as { title: string }).title,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: context.markers.filter((mk) => mk.message === p.message),
          edit: {
            edits: [
              {
                resource: model.uri,
                textEdit: { range: model.getFullModelRange(), text: (p.fix as { text: string }).text },
                versionId: model.getVersionId(),
              },
            ],
          },
        }));
      return { actions, dispose() {} };
    },
  });
}

/** SqlProblem (1-based, end inclusive) → Monaco marker (end exclusive). */
export function toMarkers(m: Monaco, problems: SqlProblem[]) {
  return problems.map((p) => ({
    severity: p.severity === 'error' ? m.MarkerSeverity.Error : m.MarkerSeverity.Warning,
    message: p.message,
    startLineNumber: p.line,
    startColumn: p.column,
    endLineNumber: p.endLine,
    endColumn: Math.max(p.endColumn + (p.endLine === p.line && p.endColumn < p.column ? 0 : 1), p.column + 1),
  }));
}
