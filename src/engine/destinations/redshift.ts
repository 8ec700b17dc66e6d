/**
 * A Redshift cluster's table, filled by Firehose COPY commands (AWS docs: Destinations). Keeps
 * the latest MAX_ROWS rows for display and counts every row.
 */

import type { PipelineNodeOf } from '../../model/types.ts';
import type { DestinationContents } from '../api.ts';
import { balance, type Conservation, type EngineContext, type NodeRuntime } from '../runtime.ts';
import { DestinationRuntime, keepLatest } from './base.ts';

export const MAX_ROWS = 1000;

export class RedshiftRuntime extends DestinationRuntime {
  readonly kind = 'redshift' as const;
  private table = '';
  private columns: string[] = [];
  private readonly rows: unknown[][] = [];
  totals = { rows: 0, copies: 0, failedCopies: 0 };
  private readonly hRows: number;

  constructor(node: PipelineNodeOf<'redshift'>, ctx: EngineContext) {
    super(node.id, ctx);
    this.hRows = ctx.metrics.register(node.id, 'RowsLoaded');
  }

  /**
   * One COPY of `rowCount` rows (of which `sample` are the rows known by content). False while the
   * cluster is in an outage (the COPY fails; Firehose retries within its retry duration).
   */
  copy(table: string, columns: string[], sample: unknown[][], rowCount: number, bytes: number): boolean {
    if (this.down) {
      this.totals.failedCopies++;
      this.perSec.refused += rowCount;
      return false;
    }
    this.table = table;
    if (columns.length > 0) this.columns = columns;
    for (const r of sample) this.rows.push(r);
    keepLatest(this.rows, MAX_ROWS);
    this.totals.rows += rowCount;
    this.totals.copies++;
    this.perSec.in += rowCount;
    this.perSec.inBytes += bytes;
    this.ctx.metrics.add(this.hRows, rowCount);
    if (sample.length > 0) {
      this.peeks.push({
        atMs: this.ctx.clock.nowMs,
        partitionKey: table,
        bytes: Math.round(bytes / Math.max(1, rowCount)),
        data: JSON.stringify(sample[sample.length - 1]),
      });
    }
    return true;
  }

  destination(): DestinationContents {
    return {
      kind: 'redshift',
      table: this.table,
      columns: this.columns.slice(),
      rows: this.rows.slice(),
      totalRows: this.totals.rows,
      copies: this.totals.copies,
    };
  }

  counters(): Record<string, number> {
    return { ...this.totals };
  }

  conservation(): Conservation {
    return balance('rowsCopied', this.totals.rows, { stored: this.totals.rows });
  }
}

export function createRedshiftRuntime(node: PipelineNodeOf<'redshift'>, ctx: EngineContext): NodeRuntime {
  return new RedshiftRuntime(node, ctx);
}
