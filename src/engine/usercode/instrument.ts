/**
 * Rewrites a user's Lambda handler source so it can run in the sandbox:
 * - a call to `__guard()` at the start of every loop body and every function body (the deterministic
 *   work budget that turns an endless loop or runaway recursion into "Task timed out");
 * - ES module syntax (`export const handler`, `export default`, `export { handler }`) into
 *   assignments on `__exports`, because `new Function` bodies cannot contain `export`.
 * Syntax errors come back with the 1-based line and column of the user's text.
 */
import { type Node, parse } from 'acorn';

export interface SourceProblem {
  message: string;
  /** 1-based, in the user's source. */
  line?: number;
  /** 1-based, in the user's source. */
  column?: number;
}

export type InstrumentResult = { ok: true; code: string } | { ok: false; error: SourceProblem };

interface Edit {
  start: number;
  end: number;
  text: string;
  /** Orders edits at the same offset: closings before openings, inner closings first, outer openings first. */
  rank: number;
}

type AnyNode = Node & Record<string, unknown>;

const LOOPS = new Set([
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
]);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function parseEither(source: string): { ast: AnyNode } | { error: SourceProblem } {
  const attempt = (sourceType: 'module' | 'script') => {
    try {
      return {
        ast: parse(source, { ecmaVersion: 'latest', sourceType, locations: true }) as unknown as AnyNode,
      };
    } catch (e) {
      const err = e as SyntaxError & { loc?: { line: number; column: number } };
      // acorn appends " (line:col)" to its message; keep the plain text and give the position separately.
      const message = String(err.message).replace(/\s*\(\d+:\d+\)$/, '');
      return { error: { message, line: err.loc?.line, column: err.loc ? err.loc.column + 1 : undefined } };
    }
  };
  const asModule = attempt('module');
  if ('ast' in asModule) return asModule;
  const asScript = attempt('script');
  if ('ast' in asScript) return asScript;
  return /\b(export|import)\b/.test(source) ? asModule : asScript;
}

function children(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v === 'object' && typeof v.type === 'string') out.push(v);
    } else if (value && typeof value === 'object' && typeof (value as AnyNode).type === 'string') {
      out.push(value as AnyNode);
    }
  }
  return out;
}

function declaredNames(decl: AnyNode): string[] {
  if (decl.type === 'VariableDeclaration') {
    const names: string[] = [];
    for (const d of decl.declarations as AnyNode[]) {
      const id = d.id as AnyNode;
      if (id.type === 'Identifier') names.push(id.name as string);
    }
    return names;
  }
  const id = decl.id as AnyNode | null;
  return id && id.type === 'Identifier' ? [id.name as string] : [];
}

function identName(node: AnyNode): string {
  return node.type === 'Identifier' ? (node.name as string) : String(node.value);
}

export function instrument(source: string): InstrumentResult {
  const parsed = parseEither(source);
  if ('error' in parsed) return { ok: false, error: parsed.error };
  const edits: Edit[] = [];
  const exportLines: string[] = [];
  let visit = 0;

  const open = (at: number, text: string, order: number) =>
    edits.push({ start: at, end: at, text, rank: order });
  const close = (at: number, text: string, order: number) =>
    edits.push({ start: at, end: at, text, rank: -1e9 - order });

  const walk = (node: AnyNode): SourceProblem | undefined => {
    const order = visit++;
    if (node.type === 'ImportDeclaration' || node.type === 'ImportExpression') {
      const loc = node.loc;
      return {
        message:
          'import is not available in the simulator: the handler runs on its own (no SDK or npm modules); ' +
          'write results with return values or context.putItem / context.putRecord',
        line: loc?.start.line,
        column: loc ? loc.start.column + 1 : undefined,
      };
    }
    if (node.type === 'ExportNamedDeclaration') {
      const decl = node.declaration as AnyNode | null;
      if (decl) {
        edits.push({ start: node.start, end: decl.start, text: '', rank: 0 });
        for (const name of declaredNames(decl))
          exportLines.push(`__exports[${JSON.stringify(name)}] = ${name};`);
      } else {
        edits.push({ start: node.start, end: node.end, text: '', rank: 0 });
        for (const s of node.specifiers as AnyNode[]) {
          const local = identName(s.local as AnyNode);
          exportLines.push(`__exports[${JSON.stringify(identName(s.exported as AnyNode))}] = ${local};`);
        }
      }
    } else if (node.type === 'ExportDefaultDeclaration') {
      const decl = node.declaration as AnyNode;
      edits.push({ start: node.start, end: decl.start, text: '__exports.default = ', rank: 0 });
      if (decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration')
        close(decl.end, ';', order);
    } else if (node.type === 'ExportAllDeclaration') {
      return { message: 'export * from … is not available in the simulator', line: node.loc?.start.line };
    }
    if (LOOPS.has(node.type)) {
      const body = node.body as AnyNode;
      if (body.type === 'BlockStatement') open(body.start + 1, '__guard();', order);
      else {
        open(body.start, '{__guard();', order);
        close(body.end, '}', order);
      }
    }
    if (FUNCTIONS.has(node.type)) {
      const body = node.body as AnyNode;
      if (body.type === 'BlockStatement') {
        // After any directive prologue ('use strict'), which must stay first to keep its meaning.
        let at = body.start + 1;
        for (const stmt of body.body as AnyNode[]) {
          if (stmt.type === 'ExpressionStatement' && typeof stmt.directive === 'string') at = stmt.end;
          else break;
        }
        open(at, '__guard();', order);
      } else {
        open(body.start, '(__guard(), ', order);
        close(body.end, ')', order);
      }
    }
    for (const child of children(node)) {
      const problem = walk(child);
      if (problem) return problem;
    }
    return undefined;
  };

  const problem = walk(parsed.ast);
  if (problem) return { ok: false, error: problem };

  edits.sort((a, b) => a.start - b.start || a.rank - b.rank);
  let code = '';
  let at = 0;
  for (const edit of edits) {
    code += source.slice(at, edit.start) + edit.text;
    at = Math.max(at, edit.end);
  }
  code += source.slice(at);
  return { ok: true, code: `${code}\n;${exportLines.join('\n')}` };
}
