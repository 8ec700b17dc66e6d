import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../../model/types.ts';
import { toCloudFormation } from '../cloudformation/index.ts';
import { snake, TYPES } from './convert.ts';
import { toTerraform } from './index.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, doc: JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as PipelineDoc }));

type Parsed = Record<string, Record<string, Record<string, Record<string, unknown>[]>>>;
const one = (x: unknown) => (Array.isArray(x) ? x[0] : x) as Record<string, unknown>;

describe('Terraform export', () => {
  it.each(examples)(
    '$file: main.tf, variables.tf and outputs.tf parse as HCL, one resource per CloudFormation resource',
    async ({ file, doc }) => {
      const files = toTerraform(doc);
      const main = (await parse(`${file}.main.tf`, files['main.tf'])) as Parsed;
      const vars = (await parse('variables.tf', files['variables.tf'])) as Parsed;
      const outs = (await parse('outputs.tf', files['outputs.tf'])) as Parsed;
      const template = toCloudFormation(doc).template;
      for (const [id, r] of Object.entries(template.Resources)) {
        expect(main.resource[TYPES[r.Type].tf]?.[snake(id)], `${r.Type} ${id}`).toBeDefined();
      }
      expect(Object.keys(vars.variable).sort()).toEqual(Object.keys(template.Parameters).map(snake).sort());
      expect(Object.keys(outs.output)).toHaveLength(Object.keys(template.Outputs).length);
    },
  );

  it.each(examples)(
    '$file: shards, retention, batch sizes, parallelization, buffers and compression equal the CloudFormation export',
    async ({ file, doc }) => {
      const main = (await parse(`${file}.main.tf`, toTerraform(doc)['main.tf'])) as Parsed;
      const template = toCloudFormation(doc).template;
      for (const [id, r] of Object.entries(template.Resources)) {
        const p = r.Properties as Record<string, unknown>;
        const tf = one(main.resource[TYPES[r.Type].tf][snake(id)]);
        if (r.Type === 'AWS::Kinesis::Stream') {
          expect(tf.shard_count).toBe(p.ShardCount);
          expect(tf.retention_period).toBe(p.RetentionPeriodHours);
        }
        if (r.Type === 'AWS::Lambda::EventSourceMapping') {
          expect(tf.batch_size).toBe(p.BatchSize);
          expect(tf.parallelization_factor).toBe(p.ParallelizationFactor);
          expect(tf.maximum_retry_attempts).toBe(p.MaximumRetryAttempts);
          expect(tf.maximum_batching_window_in_seconds).toBe(p.MaximumBatchingWindowInSeconds);
        }
        if (r.Type === 'AWS::KinesisFirehose::DeliveryStream') {
          const s3 = p.ExtendedS3DestinationConfiguration as
            | { BufferingHints: { SizeInMBs: number; IntervalInSeconds: number }; CompressionFormat: string }
            | undefined;
          if (s3) {
            const c = one(tf.extended_s3_configuration);
            expect(c.buffering_size).toBe(s3.BufferingHints.SizeInMBs);
            expect(c.buffering_interval).toBe(s3.BufferingHints.IntervalInSeconds);
            expect(c.compression_format).toBe(s3.CompressionFormat);
          }
        }
        if (r.Type === 'AWS::Lambda::Function') {
          expect(tf.memory_size).toBe(p.MemorySize);
          expect(tf.timeout).toBe(p.Timeout);
        }
      }
    },
  );

  it('every CloudFormation type the exporter emits has a Terraform mapping', () => {
    const types = new Set(
      examples.flatMap(({ doc }) =>
        Object.values(toCloudFormation(doc).template.Resources).map((r) => r.Type),
      ),
    );
    for (const t of types) expect(TYPES[t], t).toBeDefined();
  });
});
