/**
 * CloudFormation building blocks: intrinsic functions as plain JSON values (the long form, which
 * is valid in both the JSON and the YAML template), logical ids and deployable names.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export const ref = (id: string): Json => ({ Ref: id });
export const getAtt = (id: string, attr: string): Json => ({ 'Fn::GetAtt': [id, attr] });
export const sub = (text: string): Json => ({ 'Fn::Sub': text });

/** The parameter every resource name starts with, so one template deploys as dev, test and prod. */
export const PREFIX_PARAM = 'EnvironmentPrefix';

/** `${EnvironmentPrefix}-clicks`: the deployed name of a node (streams, functions, tables…). */
export const prefixed = (name: string): Json => sub(`\${${PREFIX_PARAM}}-${name}`);

/** `clickstream-ingest` → `ClickstreamIngest` (letters and digits only, as CloudFormation wants). */
export function pascal(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const id = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(id) ? id : `N${id}`;
}

/** Hands out unique logical ids: the same base twice gets `…2`, `…3`. */
export class LogicalIds {
  private readonly used = new Set<string>();
  take(base: string): string {
    const clean = pascal(base).slice(0, 200) || 'Resource';
    let id = clean;
    for (let i = 2; this.used.has(id); i++) id = `${clean}${i}`;
    this.used.add(id);
    return id;
  }
}

/** An IAM trust policy for one AWS service principal. */
export function assumeRole(service: string): Json {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  };
}

export interface Statement {
  Action: string[];
  Resource: Json;
}

/** One inline policy from statements (Effect Allow each). */
export function policy(name: string, statements: Statement[]): Json {
  return {
    PolicyName: name,
    PolicyDocument: {
      Version: '2012-10-17',
      Statement: statements.map((s) => ({ Effect: 'Allow', Action: s.Action, Resource: s.Resource })),
    },
  };
}

/** CloudWatch Logs for a service's own log group: every role gets this. */
export const LOGS: Statement = {
  Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own ${} syntax for Fn::Sub
  Resource: sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:*'),
};
