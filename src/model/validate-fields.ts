/** Field-level validation of one node's config: types, ranges and option sets from its kind's fields. */
import { getAt } from './config.ts';
import { type ConfigProblem, type FieldContext, type FieldDef, KINDS, REQUIRED_TEXT } from './kinds/index.ts';
import { makeDiagnostic } from './messages.ts';
import type { ConfigByKind, Diagnostic, NodeKind } from './types.ts';

export function isVisible(field: FieldDef, config: unknown, ctx?: FieldContext): boolean {
  return field.visible ? field.visible(config, ctx) : true;
}

function checkField(
  kind: NodeKind,
  field: FieldDef,
  value: unknown,
  where: { nodeId?: string },
  nodeName: string,
): Diagnostic | null {
  const label = field.label.en;
  const labelJa = field.label.ja;
  const at = { ...where, field: field.path };
  const base = { label, labelJa, unit: field.unit ?? '' };
  switch (field.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return makeDiagnostic('error', 'not-a-number', { ...base, value: String(value) }, at);
      if (field.type === 'integer' && !Number.isInteger(value))
        return makeDiagnostic('error', 'not-integer', { ...base, value }, at);
      if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))
        return makeDiagnostic(
          'error',
          'range',
          { ...base, value, min: field.min ?? -Infinity, max: field.max ?? Infinity },
          at,
        );
      return null;
    }
    case 'select': {
      if (field.dynamicOptions || !field.options) return null;
      if (!field.options.some((o) => o.value === value))
        return makeDiagnostic('error', 'invalid-option', { ...base, value: String(value) }, at);
      return null;
    }
    case 'code':
      if (typeof value !== 'string' || value.trim() === '')
        return makeDiagnostic('error', 'empty-code', { ...base, name: nodeName }, at);
      return null;
    case 'text':
    case 'textarea':
      if (REQUIRED_TEXT.has(`${kind}.${field.path}`) && (typeof value !== 'string' || value.trim() === ''))
        return makeDiagnostic('error', 'empty-value', base, at);
      return null;
    default:
      return null;
  }
}

/**
 * Every problem in one node's config on its own: each visible field's type and range, plus the rules
 * that tie one field to another in the same config. `ctx` (the design) makes destination-dependent
 * fields and limits apply; without it they are all checked.
 */
export function validateFields<K extends NodeKind>(
  kind: K,
  config: ConfigByKind[K],
  ctx?: FieldContext,
  nodeName = '',
): Diagnostic[] {
  const where = ctx ? { nodeId: ctx.nodeId } : {};
  const out: Diagnostic[] = [];
  for (const field of KINDS[kind].fields) {
    if (!isVisible(field, config, ctx)) continue;
    const d = checkField(kind, field, getAt(config, field.path), where, nodeName);
    if (d) out.push(d);
  }
  out.push(...crossFieldRules(kind, config, ctx, where));
  return out;
}

/** The kind's own rules that tie one field to another (KindDef.checks). */
function crossFieldRules(
  kind: NodeKind,
  config: ConfigByKind[NodeKind],
  ctx: FieldContext | undefined,
  where: { nodeId?: string },
): Diagnostic[] {
  const checks = KINDS[kind].checks as ((c: unknown, ctx?: FieldContext) => ConfigProblem[]) | undefined;
  return (checks?.(config, ctx) ?? []).map((p) =>
    makeDiagnostic('error', p.code, p.params, { ...where, field: p.field }),
  );
}
