/** A data stream's config, with its scheduled reshards. */
import { z } from 'zod/mini';

export const reshardAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('updateShardCount'), targetShardCount: z.int() }),
  /** Split the shard with this index (in the shard list at that time) at its hash-range midpoint. */
  z.object({ type: z.literal('split'), shardIndex: z.int() }),
  /** Merge the adjacent open shards at `shardIndex` and `shardIndex + 1`. */
  z.object({ type: z.literal('merge'), shardIndex: z.int() }),
]);
export const scheduledReshard = z.object({ atSec: z.number(), action: reshardAction });

export const streamConfig = z.object({
  capacityMode: z.enum(['provisioned', 'onDemand']),
  /** Provisioned only: 1 – 10,000 (per stream quota of UpdateShardCount). */
  shardCount: z.int(),
  /** 24 – 8,760 hours. */
  retentionHours: z.int(),
  encryption: z.enum(['NONE', 'KMS']),
  /** MaxRecordSizeInKiB, 1,024 – 10,240. */
  maxRecordSizeKiB: z.int(),
  /** Names of registered enhanced fan-out consumers (max 20). Edges reference them by name. */
  efoConsumers: z.array(z.string()),
  reshards: z.array(scheduledReshard),
});
