import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTemplate, refusals } from '../../cli/cfn-lint.ts';
import type { PipelineDoc } from '../../model/types.ts';
import { type Template, toCloudFormation } from '../cloudformation/index.ts';
import { parseDocument } from '../document.ts';
import { checkTemplate, type SchemaFile } from './checker.ts';
import { schemaProblems } from './design-check.ts';
import schemaJson from './schema.json';

const schema = schemaJson as SchemaFile;
const ROOT = join(import.meta.dirname, '..', '..', '..');
const examples = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .map((file) => {
    const r = parseDocument(readFileSync(join(ROOT, 'examples', file), 'utf8'));
    if (!r.ok) throw new Error(file);
    return { file, doc: r.doc };
  });
const example = (f: string) => examples.find((e) => e.file === f)?.doc as PipelineDoc;

type Props = Record<string, unknown>;
/** One change to a copy of the hot-key + sushi templates, and the property both checkers must name. */
const BREAKAGES: { name: string; type: string; break(p: Props): void; property: string }[] = [
  {
    name: 'ShardCount 0',
    type: 'AWS::Kinesis::Stream',
    break: (p) => (p.ShardCount = 0),
    property: 'ShardCount',
  },
  {
    name: 'BatchSize 20,000',
    type: 'AWS::Lambda::EventSourceMapping',
    break: (p) => (p.BatchSize = 20000),
    property: 'BatchSize',
  },
  {
    name: 'ParallelizationFactor misspelt',
    type: 'AWS::Lambda::EventSourceMapping',
    break: (p) => {
      p.ParallelisationFactor = p.ParallelizationFactor;
      delete p.ParallelizationFactor;
    },
    property: 'ParallelisationFactor',
  },
  {
    name: 'RetentionPeriodHours 9,000',
    type: 'AWS::Kinesis::Stream',
    break: (p) => (p.RetentionPeriodHours = 9000),
    property: 'RetentionPeriodHours',
  },
  {
    name: 'StreamMode FAST',
    type: 'AWS::Kinesis::Stream',
    break: (p) => (p.StreamModeDetails = { StreamMode: 'FAST' }),
    property: 'StreamMode',
  },
  {
    name: 'buffer 500 MiB',
    type: 'AWS::KinesisFirehose::DeliveryStream',
    break: (p) => (((p.ExtendedS3DestinationConfiguration as Props).BufferingHints as Props).SizeInMBs = 500),
    property: 'SizeInMBs',
  },
  {
    name: 'MemorySize as text',
    type: 'AWS::Lambda::Function',
    break: (p) => (p.MemorySize = 'lots'),
    property: 'MemorySize',
  },
];

describe('the in-browser CloudFormation schema check', () => {
  it('schema.json is what scripts/cfn-schema.mjs generates from the pinned validator (not stale)', () => {
    const fresh = execFileSync('node', [join(ROOT, 'scripts', 'cfn-schema.mjs'), '--print'], {
      encoding: 'utf8',
      maxBuffer: 10e6,
    });
    expect(readFileSync(join(import.meta.dirname, 'schema.json'), 'utf8')).toBe(fresh);
    // Small enough to load on demand: the studio never puts it in the first load.
    expect(fresh.length).toBeLessThan(120_000);
  }, 60_000);

  it.each(examples)(
    '$file: covers every resource type of the export, and agrees with the WASM validator (nothing to refuse)',
    ({ doc }) => {
      const { template } = toCloudFormation(doc);
      for (const r of Object.values(template.Resources)) expect(Object.keys(schema.types)).toContain(r.Type);
      expect(checkTemplate(template, schema)).toEqual([]);
      expect(refusals(lintTemplate(template))).toEqual([]);
    },
    120_000, // the first call starts the WASM engine (20 s and more on a loaded machine)
  );

  it.each(BREAKAGES)(
    '$name: both the schema check and the WASM validator flag it',
    ({ type, break: breakIt, property }) => {
      const { template } = toCloudFormation(example('sushi-iot.json'));
      const broken = structuredClone(template) as Template;
      const [id, res] = Object.entries(broken.Resources).find(([, r]) => r.Type === type) as [
        string,
        { Properties: Props },
      ];
      breakIt(res.Properties);
      const ours = checkTemplate(broken, schema).filter((f) => f.logicalId === id);
      expect(ours.map((f) => f.path).join(' ')).toContain(property);
      // The validator refuses most of these (FATAL/ERROR) and warns about a wrong enum value (W3030).
      const theirs = lintTemplate(broken).filter((f) => f.severity !== 'INFO' && f.where.includes(id));
      expect(theirs.map((f) => `${f.where} ${f.message}`).join(' ')).toContain(property);
    },
  );

  it('says what a misspelt property was meant to be', () => {
    const { template } = toCloudFormation(example('hot-key.json'));
    const broken = structuredClone(template) as Template;
    for (const r of Object.values(broken.Resources))
      if (r.Type === 'AWS::Kinesis::Stream') {
        const p = r.Properties as Props;
        p.ShardCont = p.ShardCount;
        delete p.ShardCount;
      }
    expect(checkTemplate(broken, schema)).toEqual([
      expect.objectContaining({ path: 'Properties.ShardCont', rule: 'unknown', expected: 'ShardCount' }),
    ]);
  });

  it('puts a finding on the node it comes from, as a Problems-tab warning in English and Japanese', () => {
    const doc = structuredClone(example('sushi-iot.json'));
    const fh = doc.nodes.find((n) => n.kind === 'firehose');
    if (fh?.kind !== 'firehose') throw new Error('firehose');
    fh.config.bufferSizeMiB = 500; // CloudFormation's limit is 128 MiB
    const found = schemaProblems(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', code: 'export-schema', nodeId: fh.id });
    expect(found[0].message).toContain('SizeInMBs = 500: expected ≤ 128');
    expect(schemaProblems(example('clickstream.json'))).toEqual([]);
  });
});
