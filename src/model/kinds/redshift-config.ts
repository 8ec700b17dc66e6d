/** A Redshift cluster's config. */
import { z } from 'zod/mini';

export const redshiftConfig = z.object({
  clusterId: z.string(),
  database: z.string(),
  nodeType: z.enum(['dc2.large', 'ra3.xlplus', 'ra3.4xlarge']),
  nodes: z.int(),
});
