/**
 * AWS's offline CloudFormation validator (`@aws/cloudformation-validate`, Node-only: it reads its
 * WASM with fs), for the CLI and the tests. Never imported by the studio.
 */
import { RegoEngine } from '@aws/cloudformation-validate';

export interface LintFinding {
  severity: string;
  ruleId: string;
  message: string;
  where: string;
}

let engine: InstanceType<typeof RegoEngine> | null = null;

/** Findings at WARN and above; FATAL and ERROR mean CloudFormation would refuse the template. */
export function lintTemplate(template: unknown, name = 'template.json'): LintFinding[] {
  engine ??= new RegoEngine();
  const file = { path: name, readBytes: () => Buffer.from(JSON.stringify(template)) };
  const report = engine.validateStandard(file as never, { severityLevel: 'WARN' } as never) as {
    diagnostics: {
      severity: string;
      ruleId: string;
      message: string;
      entity?: { logicalId?: string };
      propertyPath?: string;
    }[];
  };
  return report.diagnostics.map((d) => ({
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    where: [d.entity?.logicalId, d.propertyPath].filter(Boolean).join(' '),
  }));
}

export const refusals = (findings: LintFinding[]) =>
  findings.filter((f) => f.severity === 'FATAL' || f.severity === 'ERROR');
