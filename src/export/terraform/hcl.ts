/**
 * A small HCL writer. Values are JSON-like; `Block` marks a nested block (`name { … }`, repeated
 * for an array of blocks) as opposed to a map attribute (`name = { … }`); `Expr` is a Terraform
 * expression written as is (`aws_kinesis_stream.clicks.arn`, `jsonencode(…)`).
 */
export class Expr {
  constructor(readonly text: string) {}
}
export class Block {
  constructor(readonly body: Record<string, HclValue>) {}
}
export type HclValue =
  | string
  | number
  | boolean
  | null
  | Expr
  | Block
  | HclValue[]
  | { [key: string]: HclValue };

const isBlockList = (v: HclValue): v is Block[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof Block);

/** A string literal; `${…}` interpolations inside are kept (they are Terraform's, written by us). */
export function str(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/%\{/g, '%%{')}"`;
}

/** A string with no interpolation: `${` is escaped as `$${`. */
export function literal(s: string): string {
  return str(s).replace(/\$\{/g, '$${');
}

export function value(v: HclValue, indent = ''): string {
  if (v instanceof Expr) return v.text;
  if (v === null) return 'null';
  if (typeof v === 'string') return literal(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => value(x, indent)).join(', ')}]`;
  if (v instanceof Block) throw new Error('a block is not a value');
  const inner = `${indent}  `;
  const entries = Object.entries(v).map(
    ([k, x]) => `${inner}${/^[A-Za-z_][\w-]*$/.test(k) ? k : str(k)} = ${value(x, inner)}`,
  );
  return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n${indent}}`;
}

export function body(b: Record<string, HclValue>, indent = '  '): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(b)) {
    if (v === undefined) continue;
    if (v instanceof Block) lines.push(`${indent}${k} {\n${body(v.body, `${indent}  `)}\n${indent}}`);
    else if (isBlockList(v))
      for (const x of v) lines.push(`${indent}${k} {\n${body(x.body, `${indent}  `)}\n${indent}}`);
    else lines.push(`${indent}${k} = ${value(v, indent)}`);
  }
  return lines.join('\n');
}

export function resource(type: string, name: string, b: Record<string, HclValue>): string {
  return `resource "${type}" "${name}" {\n${body(b)}\n}\n`;
}
