/**
 * An OpenSearch domain: documents per index, written by Firehose bulk requests (the AWS documentation
 * §4.7.4). Keeps the latest MAX_DOCS documents for display and counts every document per index.
 */

import type { PipelineNodeOf } from '../../model/types.ts';
import type { DestinationContents } from '../api.ts';
import { balance, type Conservation, type EngineContext, type NodeRuntime } from '../runtime.ts';
import { DestinationRuntime, keepLatest } from './base.ts';

export const MAX_DOCS = 500;

export class OpenSearchRuntime extends DestinationRuntime {
  readonly kind = 'opensearch' as const;
  private readonly indices = new Map<string, number>();
  private readonly docs: { index: string; id: string; source: unknown }[] = [];
  totals = { docs: 0, bulkRequests: 0, failedBulkRequests: 0 };
  private readonly hDocs: number;

  constructor(node: PipelineNodeOf<'opensearch'>, ctx: EngineContext) {
    super(node.id, ctx);
    this.hDocs = ctx.metrics.register(node.id, 'IndexedDocuments');
  }

  /**
   * One bulk request: `perIndex` counts every document by index; `sample` are documents known by
   * content. False while the domain is in an outage (the request fails as a whole).
   */
  bulk(
    perIndex: Map<string, number>,
    sample: { index: string; id: string; source: unknown }[],
    bytes: number,
  ): boolean {
    let n = 0;
    for (const v of perIndex.values()) n += v;
    if (this.down) {
      this.totals.failedBulkRequests++;
      this.perSec.refused += n;
      return false;
    }
    for (const [index, count] of perIndex) this.indices.set(index, (this.indices.get(index) ?? 0) + count);
    for (const d of sample) this.docs.push(d);
    keepLatest(this.docs, MAX_DOCS);
    this.totals.docs += n;
    this.totals.bulkRequests++;
    this.perSec.in += n;
    this.perSec.inBytes += bytes;
    this.ctx.metrics.add(this.hDocs, n);
    const last = sample[sample.length - 1];
    if (last) {
      this.peeks.push({
        atMs: this.ctx.clock.nowMs,
        partitionKey: last.index,
        bytes: Math.round(bytes / Math.max(1, n)),
        data: JSON.stringify(last.source),
      });
    }
    return true;
  }

  destination(): DestinationContents {
    return {
      kind: 'opensearch',
      indices: [...this.indices]
        .map(([name, docs]) => ({ name, docs }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
      documents: this.docs.slice(),
      totalDocs: this.totals.docs,
    };
  }

  counters(): Record<string, number> {
    return { ...this.totals };
  }

  conservation(): Conservation {
    return balance('documentsIndexed', this.totals.docs, { stored: this.totals.docs });
  }
}

export function createOpenSearchRuntime(node: PipelineNodeOf<'opensearch'>, ctx: EngineContext): NodeRuntime {
  return new OpenSearchRuntime(node, ctx);
}
