#!/usr/bin/env node
// Writes src/export/cfn-schema/schema.json: the CloudFormation resource-provider schemas bundled in
// @aws/cloudformation-validate (the validator the tests run), cut down to the resource types the
// exporter writes and to what the studio's in-browser check reads (property names, types, min/max,
// lengths, enums, patterns, required). The schemas sit zstd-compressed inside the validator's WASM;
// fzstd (pure JS) unpacks them. `node scripts/cfn-schema.mjs` regenerates the file; a unit test
// fails when the committed file differs from what this script would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decompress } from 'fzstd';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(root, 'src', 'export', 'cfn-schema', 'schema.json');

/** Every type the CloudFormation export writes (the test checks the examples use no other). */
export const TYPES = [
  'AWS::Kinesis::Stream',
  'AWS::Kinesis::StreamConsumer',
  'AWS::Lambda::Function',
  'AWS::Lambda::EventSourceMapping',
  'AWS::IAM::Role',
  'AWS::IAM::ManagedPolicy',
  'AWS::KinesisFirehose::DeliveryStream',
  'AWS::S3::Bucket',
  'AWS::DynamoDB::Table',
  'AWS::Redshift::Cluster',
  'AWS::OpenSearchService::Domain',
  'AWS::KinesisAnalyticsV2::Application',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
];

/** All provider schemas, keyed by type: the zstd frame of the WASM whose JSON has `type_name`s. */
function bundledSchemas() {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(
    join(dirname(require.resolve('@aws/cloudformation-validate')), 'bindings_wasm_bg.wasm'),
  );
  const magic = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
  for (let at = wasm.indexOf(magic); at >= 0; at = wasm.indexOf(magic, at + 1)) {
    // The JSON spans consecutive frames: unpack until the data stops being zstd, or until the first
    // chunk shows this is another table (each table starts with its name).
    const chunks = [];
    const d = new Decompress((chunk) => {
      if (
        chunks.length === 0 &&
        !/^\{"[A-Za-z0-9]+::[^"]*":\{"type_name"/.test(Buffer.from(chunk.subarray(0, 200)).toString('utf8'))
      )
        throw new Error('another table');
      chunks.push(chunk);
    });
    try {
      d.push(wasm.subarray(at), true);
    } catch {
      // the end of the compressed run, or another table
    }
    if (chunks.length === 0) continue;
    try {
      const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (json['AWS::Kinesis::Stream']?.type_name) return json;
    } catch {
      // not the schemas
    }
  }
  throw new Error('no resource-provider schemas found in @aws/cloudformation-validate');
}

/** One property or definition, with only what the checker reads (short keys keep the file small). */
function compact(s) {
  if (!s || typeof s !== 'object') return {};
  const o = {};
  if (s.ref_name) o.ref = s.ref_name;
  if (s.type) o.t = s.type;
  for (const [from, to] of [
    ['minimum', 'min'],
    ['maximum', 'max'],
    ['min_length', 'minL'],
    ['max_length', 'maxL'],
    ['min_items', 'minI'],
    ['max_items', 'maxI'],
    ['pattern', 'pat'],
    ['enum', 'enum'],
  ])
    if (s[from] !== undefined) o[to] = s[from];
  if (s.items) o.items = compact(s.items);
  if (s.properties) o.p = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, compact(v)]));
  if (s.required?.length) o.req = s.required;
  if (s.additional_properties === false && s.properties) o.closed = true;
  return o;
}

export function buildSchema() {
  const all = bundledSchemas();
  const out = {};
  for (const type of TYPES) {
    const s = all[type];
    if (!s) throw new Error(`${type} is not in the bundled schemas`);
    const readOnly = new Set((s.read_only_properties ?? []).map((p) => p.replace(/^\/properties\//, '')));
    const props = Object.fromEntries(
      Object.entries(s.properties ?? {})
        .filter(([k]) => !readOnly.has(k))
        .map(([k, v]) => [k, compact(v)]),
    );
    const defs = Object.fromEntries(Object.entries(s.definitions ?? {}).map(([k, v]) => [k, compact(v)]));
    out[type] = {
      p: props,
      ...(s.required?.length ? { req: s.required } : {}),
      ...(s.additional_properties === false ? { closed: true } : {}),
      d: defs,
    };
  }
  return `${JSON.stringify({ source: '@aws/cloudformation-validate', types: out })}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = buildSchema();
  // --print: to stdout, for the test that fails when the committed file is stale.
  if (process.argv.includes('--print')) {
    process.stdout.write(text);
    process.exit(0);
  }
  writeFileSync(OUT, text);
  console.log(`${OUT}: ${TYPES.length} resource types, ${(text.length / 1024).toFixed(1)} KiB`);
}
