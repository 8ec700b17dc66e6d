/** A DynamoDB table's config. */
import { z } from 'zod/mini';

export const dynamodbConfig = z.object({
  table: z.string(),
  partitionKey: z.string(),
  sortKey: z.string(),
  capacityMode: z.enum(['onDemand', 'provisioned']),
  writeCapacityUnits: z.int(),
});
