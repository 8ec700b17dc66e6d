/**
 * Names CloudFormation (and the services behind it) would refuse, checked before export so the
 * Problems tab says so while the user can still fix them. Deployed names are
 * `<EnvironmentPrefix>-<node name>`; the prefix is at most 8 characters (the template's parameter
 * enforces it), so each rule leaves room for it. Buckets also carry `-<12-digit account id>`.
 */
import { makeDiagnostic } from '../../model/messages.ts';
import type { Diagnostic, NodeKind, PipelineDoc, PipelineNode } from '../../model/types.ts';

/** Longest prefix the template accepts, plus its hyphen. */
export const PREFIX_ROOM = 9;

interface NameRule {
  pattern: RegExp;
  max: number;
  /** What the service allows, said for the user. */
  rule: string;
}

/** The name each kind deploys under, and what is allowed; null = the kind deploys no named resource. */
export const NAME_RULES: Record<NodeKind, NameRule | null> = {
  producer: null,
  stream: { pattern: /^[a-zA-Z0-9_.-]+$/, max: 128 - PREFIX_ROOM, rule: 'letters, digits, _ . -' },
  lambda: { pattern: /^[a-zA-Z0-9_-]+$/, max: 64 - PREFIX_ROOM, rule: 'letters, digits, _ -' },
  analytics: { pattern: /^[a-zA-Z0-9_.-]+$/, max: 128 - PREFIX_ROOM, rule: 'letters, digits, _ . -' },
  firehose: { pattern: /^[a-zA-Z0-9_.-]+$/, max: 64 - PREFIX_ROOM, rule: 'letters, digits, _ . -' },
  s3: {
    pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    max: 63 - PREFIX_ROOM - 13,
    rule: 'lower-case letters, digits, . -',
  },
  redshift: {
    pattern: /^[a-z][a-z0-9-]*[a-z0-9]$/,
    max: 63 - PREFIX_ROOM,
    rule: 'lower-case letters, digits, -',
  },
  opensearch: { pattern: /^[a-z][a-z0-9-]*$/, max: 28 - PREFIX_ROOM, rule: 'lower-case letters, digits, -' },
  dynamodb: { pattern: /^[a-zA-Z0-9_.-]+$/, max: 255 - PREFIX_ROOM, rule: 'letters, digits, _ . -' },
  consumerApp: { pattern: /^[a-zA-Z0-9_.-]+$/, max: 128 - PREFIX_ROOM, rule: 'letters, digits, _ . -' },
};

/** The part of a node's deployed name the design sets (bucket, cluster and domain names live in config). */
export function deployName(n: PipelineNode): string {
  switch (n.kind) {
    case 's3':
      return n.config.bucket || n.name;
    case 'redshift':
      return n.config.clusterId || n.name;
    case 'opensearch':
      return n.config.domain || n.name;
    case 'dynamodb':
      return n.config.table || n.name;
    case 'consumerApp':
      return n.config.applicationName || n.name;
    default:
      return n.name;
  }
}

/** Warnings for names that would not deploy, and values CloudFormation accepts but AWS refuses. */
export function deployProblems(doc: PipelineDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const n of doc.nodes) {
    const rule = NAME_RULES[n.kind];
    if (!rule) continue;
    const name = deployName(n);
    if (!rule.pattern.test(name) || name.length > rule.max) {
      out.push(
        makeDiagnostic('warning', 'export-name', { name, rule: rule.rule, max: rule.max }, { nodeId: n.id }),
      );
    }
    const key = `${n.kind}:${name.toLowerCase()}`;
    if (seen.has(key)) {
      out.push(makeDiagnostic('warning', 'export-duplicate-name', { name }, { nodeId: n.id }));
    }
    seen.set(key, n.id);
  }
  return out;
}
