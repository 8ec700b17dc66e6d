/** An S3 bucket's config. */
import { z } from 'zod/mini';

export const s3Config = z.object({ bucket: z.string() });
