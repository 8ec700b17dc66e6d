/**
 * What every per-kind mapper shares while one template is built: logical ids per node, the
 * template's sections, the design's wiring, and the ARN / name of each node's main resource.
 */
import type { PipelineDoc, PipelineEdge, PipelineNode } from '../../model/types.ts';
import { getAtt, type Json, LogicalIds, ref } from './intrinsics.ts';

export interface Template {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  /** `Shardscape`: what the resources cannot carry, for an exact import (cloudformation-import/). */
  Metadata?: { [key: string]: Json };
  Parameters: Record<string, { [key: string]: Json }>;
  Resources: Record<string, { Type: string; Properties?: { [key: string]: Json }; DependsOn?: string[] }>;
  Outputs: Record<string, { Description: string; Value: Json }>;
}

export interface Link {
  edge: PipelineEdge;
  node: PipelineNode;
}

export class BuildContext {
  readonly template: Template;
  private readonly ids = new LogicalIds();
  private readonly byNode = new Map<string, string>();
  /** Lines of the Description that say how to feed each stream (producers are not AWS resources). */
  readonly feeds: string[] = [];
  /** Values no CloudFormation property can carry, per node (for the README and the CLI's stderr). */
  readonly notCarried: string[] = [];
  /** EFO consumer resources by `<stream node id>:<consumer name>`. */
  readonly efo = new Map<string, string>();

  constructor(readonly doc: PipelineDoc) {
    this.template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: '',
      Parameters: {},
      Resources: {},
      Outputs: {},
    };
    for (const n of doc.nodes) this.byNode.set(n.id, this.ids.take(n.name));
  }

  /** The logical id of a node's main resource (`Clicks` for the stream named clicks). */
  id(node: PipelineNode): string {
    return this.byNode.get(node.id) as string;
  }

  /** A fresh logical id for a node's secondary resource (`ClicksRole`, `ClicksMapping`…). */
  extra(node: PipelineNode, suffix: string): string {
    return this.ids.take(`${this.id(node)} ${suffix}`);
  }

  add(id: string, Type: string, Properties: { [key: string]: Json }, DependsOn?: string[]): void {
    this.template.Resources[id] = DependsOn ? { Type, Properties, DependsOn } : { Type, Properties };
  }

  param(id: string, spec: { [key: string]: Json }): string {
    this.template.Parameters[id] ??= spec;
    return id;
  }

  output(id: string, Description: string, Value: Json): void {
    this.template.Outputs[this.ids.take(id)] = { Description, Value };
  }

  incoming(node: PipelineNode): Link[] {
    return this.links(node, 'in');
  }

  outgoing(node: PipelineNode): Link[] {
    return this.links(node, 'out');
  }

  private links(node: PipelineNode, dir: 'in' | 'out'): Link[] {
    const out: Link[] = [];
    for (const edge of this.doc.edges) {
      const mine = dir === 'in' ? edge.target : edge.source;
      const other = dir === 'in' ? edge.source : edge.target;
      if (mine !== node.id) continue;
      const n = this.doc.nodes.find((x) => x.id === other);
      if (n) out.push({ edge, node: n });
    }
    return out;
  }

  node(id: string): PipelineNode | undefined {
    return this.doc.nodes.find((n) => n.id === id);
  }

  /** ARN of a node's main resource (stream, function, delivery stream, bucket, table, domain…). */
  arn(node: PipelineNode): Json {
    return getAtt(this.id(node), 'Arn');
  }

  /** The deployed name of a node's main resource (`Ref` gives the name for these types). */
  name(node: PipelineNode): Json {
    return ref(this.id(node));
  }
}
