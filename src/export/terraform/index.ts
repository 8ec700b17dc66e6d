/**
 * The design as Terraform for the hashicorp/aws provider v6: main.tf (providers, data sources and
 * every resource), variables.tf (the CloudFormation parameters), outputs.tf. Built from the
 * CloudFormation export, so both carry the same resources and values.
 */
import type { PipelineDoc } from '../../model/types.ts';
import { toCloudFormation } from '../cloudformation/index.ts';
import { Cx, snake, TYPES } from './convert.ts';
import { body, literal, resource, value } from './hcl.ts';

export interface TerraformFiles {
  'main.tf': string;
  'variables.tf': string;
  'outputs.tf': string;
}

const HEADER = `terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.4"
    }
  }
}

provider "aws" {}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}
`;

export function toTerraform(doc: PipelineDoc): TerraformFiles {
  const template = toCloudFormation(doc, { metadata: false }).template;
  const cx = new Cx(template);
  const parts: string[] = [`# ${doc.name}: exported by Shardscape (Terraform, hashicorp/aws v6).\n`, HEADER];
  for (const [id, r] of Object.entries(template.Resources)) {
    const m = TYPES[r.Type];
    if (!m) throw new Error(`no Terraform mapping for ${r.Type}`);
    parts.push(resource(m.tf, snake(id), m.body(r.Properties ?? {}, id, cx)));
  }
  parts.push(...cx.extra);

  const vars = Object.entries(template.Parameters).map(([id, p]) => {
    const lines = [`variable "${snake(id)}" {`, '  type = string'];
    if (typeof p.Description === 'string') lines.push(`  description = ${literal(p.Description)}`);
    if (p.Default !== undefined) lines.push(`  default = ${literal(String(p.Default))}`);
    if (p.NoEcho) lines.push('  sensitive = true');
    if (typeof p.AllowedPattern === 'string')
      lines.push(
        `  validation {\n    condition     = can(regex(${literal(p.AllowedPattern)}, var.${snake(id)}))\n    error_message = ${literal(`Must match ${p.AllowedPattern}.`)}\n  }`,
      );
    lines.push('}');
    return `${lines.join('\n')}\n`;
  });

  const outputs = Object.entries(template.Outputs).map(
    ([id, o]) =>
      `output "${snake(id)}" {\n${body({ description: o.Description, value: cx.v(o.Value) })}\n}\n`,
  );
  return {
    'main.tf': parts.join('\n'),
    'variables.tf': vars.join('\n'),
    'outputs.tf': outputs.join('\n'),
  };
}

export { value };
