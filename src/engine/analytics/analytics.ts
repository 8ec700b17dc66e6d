/**
 * The Analytics (KDA for SQL) node runtime. Until the SQL engine is wired (sql-app.ts), it passes
 * records through unchanged.
 */
import type { PipelineNodeOf } from '../../model/types.ts';
import type { EngineContext, NodeRuntime, NodeWiring } from '../runtime.ts';
import { createPassThroughRuntime } from '../stubs.ts';

export function createAnalyticsRuntime(
  node: PipelineNodeOf<'analytics'>,
  ctx: EngineContext,
  wiring: NodeWiring,
): NodeRuntime {
  return createPassThroughRuntime(node, ctx, wiring);
}
