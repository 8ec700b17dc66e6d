/** A consumer application's (KCL) config. */
import { z } from 'zod/mini';

export const consumerAppConfig = z.object({
  applicationName: z.string(),
  /** Records each worker processes per second. */
  processingRecordsPerSec: z.number(),
  workers: z.int(),
  initialPosition: z.enum(['LATEST', 'TRIM_HORIZON']),
  /** KCL 2.x idleTimeBetweenReadsInMillis. */
  pollIntervalMs: z.int(),
  /** Checkpoint every N records. */
  checkpointEveryRecords: z.int(),
});
