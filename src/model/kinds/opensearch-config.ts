/** An OpenSearch domain's config. */
import { z } from 'zod/mini';

export const opensearchConfig = z.object({
  domain: z.string(),
  engine: z.enum(['OpenSearch', 'Elasticsearch']),
  instanceType: z.string(),
  instances: z.int(),
});
