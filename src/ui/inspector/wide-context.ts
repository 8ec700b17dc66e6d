/**
 * What the wide editor shows beside a kind's code: the Lambda's input and output. Analytics nodes
 * have their schema, reference table and outputs beside the SQL already (AnalyticsSqlPanel); the
 * other kinds have no code, or (a consumer app) nothing yet. A new kind fails to compile here.
 */
import type { ComponentType } from 'react';
import type { NodeKind, PipelineNode } from '../../model/types.ts';
import { LambdaContext } from './LambdaContext.tsx';
import './wide.css';

export const WIDE_CONTEXT: Record<NodeKind, ComponentType<{ node: PipelineNode }> | null> = {
  producer: null,
  stream: null,
  lambda: LambdaContext,
  analytics: null,
  firehose: null,
  s3: null,
  redshift: null,
  opensearch: null,
  dynamodb: null,
  consumerApp: null,
};
