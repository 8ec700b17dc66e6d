/**
 * A DynamoDB table written by a Lambda function: each record is a JSON item (from the handler's
 * `return { items }` or `context.putItem(item)`), put by its key (partition key + optional sort key),
 * overwriting an item with the same key. Provisioned tables allow `writeCapacityUnits` writes of
 * ≤ 1 KB per second (one tick's share per tick); more is throttled back to the function. Items
 * without content (modelled outputs of unsampled records) are counted as writes only.
 */

import type { DynamoDbConfig, PipelineNodeOf } from '../../model/types.ts';
import type { DestinationContents } from '../api.ts';
import { TICKS_PER_SEC } from '../clock.ts';
import type { RecordBatch } from '../records.ts';
import {
  ACCEPTED,
  balance,
  type Conservation,
  type EngineContext,
  FAILED,
  type NodeRuntime,
  THROTTLED,
} from '../runtime.ts';
import { DestinationRuntime } from './base.ts';

/** Distinct items kept by key (beyond this, new keys are counted but not stored). */
export const MAX_ITEMS = 10_000;

export class DynamoDbRuntime extends DestinationRuntime {
  readonly kind = 'dynamodb' as const;
  private readonly config: DynamoDbConfig;
  private readonly items = new Map<string, Record<string, unknown>>();
  private wcuLeft = 0;
  totals = { writes: 0, itemsWithContent: 0, writesWithoutKey: 0, overflowKeys: 0, throttled: 0, refused: 0 };
  private readonly hWcu: number;
  private readonly hThrottle: number;

  constructor(node: PipelineNodeOf<'dynamodb'>, ctx: EngineContext) {
    super(node.id, ctx);
    this.config = node.config;
    this.hWcu = ctx.metrics.register(node.id, 'ConsumedWriteCapacityUnits');
    this.hThrottle = ctx.metrics.register(node.id, 'WriteThrottleEvents');
  }

  beginTick(): void {
    this.wcuLeft = this.config.writeCapacityUnits / TICKS_PER_SEC;
  }

  accept(batch: RecordBatch, start: number, end: number, _fromId: string, status: Uint8Array | null): number {
    let ok = 0;
    for (let i = start; i < end; i++) {
      if (this.down) {
        if (status) status[i - start] = FAILED;
        this.totals.refused++;
        this.perSec.refused++;
        continue;
      }
      // 1 WCU per started KB of item.
      const wcu = Math.max(1, Math.ceil(batch.bytes[i] / 1024));
      if (this.config.capacityMode === 'provisioned' && this.wcuLeft < wcu) {
        if (status) status[i - start] = THROTTLED;
        this.totals.throttled++;
        this.perSec.refused++;
        this.ctx.metrics.add(this.hThrottle, 1);
        continue;
      }
      this.wcuLeft -= wcu;
      this.ctx.metrics.add(this.hWcu, wcu);
      if (status) status[i - start] = ACCEPTED;
      ok++;
      this.totals.writes++;
      this.perSec.in++;
      this.perSec.inBytes += batch.bytes[i];
      this.put(this.ctx.payloads.get(batch.payload[i]));
    }
    return ok;
  }

  private put(text: string | undefined): void {
    if (text === undefined) return;
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch {
      return;
    }
    if (!item || typeof item !== 'object' || Array.isArray(item)) return;
    const it = item as Record<string, unknown>;
    const pk = it[this.config.partitionKey];
    if (pk === undefined) {
      this.totals.writesWithoutKey++;
      return;
    }
    const sk = this.config.sortKey ? it[this.config.sortKey] : undefined;
    const key = JSON.stringify(sk === undefined ? [pk] : [pk, sk]);
    this.totals.itemsWithContent++;
    if (!this.items.has(key) && this.items.size >= MAX_ITEMS) {
      this.totals.overflowKeys++;
      return;
    }
    this.items.set(key, it);
    this.peeks.push({ atMs: this.ctx.clock.nowMs, partitionKey: String(pk), bytes: text.length, data: text });
  }

  destination(): DestinationContents {
    return {
      kind: 'dynamodb',
      table: this.config.table,
      items: [...this.items.values()].slice(-500),
      totalItems: this.items.size,
    };
  }

  counters(): Record<string, number> {
    return { ...this.totals, distinctItems: this.items.size };
  }

  conservation(): Conservation {
    return balance(
      'writes',
      this.totals.writes,
      { applied: this.totals.writes },
      'Puts overwrite items with the same key.',
    );
  }
}

export function createDynamoDbRuntime(node: PipelineNodeOf<'dynamodb'>, ctx: EngineContext): NodeRuntime {
  return new DynamoDbRuntime(node, ctx);
}
