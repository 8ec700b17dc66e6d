/**
 * `npx shardscape export DESIGN.json --format cloudformation|cloudformation-yaml|terraform|flink-sql|agent|kdg|link [--out DIR]`
 *
 * Without --out the format's main document goes to stdout (the template; main.tf; every Analytics
 * node's Flink SQL; agent.json; the KDG templates as JSON; the link). With --out every file of the
 * format is written to DIR (CloudFormation: the template plus lambda/<name>/index.js for each
 * function, so a handler over the inline limit can be zipped and uploaded). Exit 1 with the
 * problems on stderr when the design is invalid; exit 2 for bad options.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { agentConfig } from '../export/agent.ts';
import {
  cloudFormationJson,
  cloudFormationYaml,
  deployProblems,
  toCloudFormation,
} from '../export/cloudformation/index.ts';
import { consumerSource, toCommonJs } from '../export/cloudformation/lambda-code.ts';
import { FLINK_MAIN_PY, flinkSqlText, toFlinkSql } from '../export/flink/index.ts';
import { kdgTemplates } from '../export/kdg.ts';
import { designLink } from '../export/link.ts';
import { toTerraform } from '../export/terraform/index.ts';
import type { PipelineDoc } from '../model/types.ts';
import { validateDocument } from '../model/validate.ts';
import { readDesign } from './read-design.ts';

export const FORMATS = [
  'cloudformation',
  'cloudformation-yaml',
  'terraform',
  'flink-sql',
  'agent',
  'kdg',
  'link',
] as const;
export type ExportFormat = (typeof FORMATS)[number];

const USAGE = `usage: shardscape export DESIGN.json --format ${FORMATS.join('|')} [--out DIR] [--prefix dev] [--base URL]`;

/**
 * One format's files: the first is the main document (printed without --out). A `stdoutOnly` file
 * is that printed document but not one of the files --out writes.
 */
type Files = { path: string; text: string; stdoutOnly?: boolean }[];

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

function lambdaSources(doc: PipelineDoc): Files {
  return doc.nodes.flatMap((n) =>
    n.kind === 'lambda'
      ? [
          {
            path: `lambda/${n.name}/index.js`,
            text:
              n.config.use === 'firehoseTransform'
                ? toCommonJs(n.config.code)
                : consumerSource(n.config.code, {}),
          },
        ]
      : [],
  );
}

export const WRITERS: Record<
  ExportFormat,
  ((doc: PipelineDoc, o: { prefix: string; base: string }) => Files | string) | null
> = {
  cloudformation: (doc) => [{ path: 'template.json', text: cloudFormationJson(doc) }, ...lambdaSources(doc)],
  'cloudformation-yaml': (doc) => [
    { path: 'template.yaml', text: cloudFormationYaml(doc) },
    ...lambdaSources(doc),
  ],
  terraform: (doc) => {
    const f = toTerraform(doc);
    return [
      { path: 'main.tf', text: f['main.tf'] },
      { path: 'variables.tf', text: f['variables.tf'] },
      { path: 'outputs.tf', text: f['outputs.tf'] },
    ];
  },
  'flink-sql': (doc, o) => {
    const scripts = toFlinkSql(doc, { prefix: o.prefix });
    if (scripts.length === 0)
      return 'the design has no Analytics node: there is no SQL to export as Flink SQL';
    const refs = doc.nodes.flatMap((n) =>
      n.kind === 'analytics' && n.config.reference?.tableName
        ? [
            {
              path: `reference/${n.name}-${n.config.reference.tableName}.jsonl`,
              text: n.config.reference.rowsJsonl,
            },
          ]
        : [],
    );
    return [
      { path: 'flink.sql', text: flinkSqlText(scripts), stdoutOnly: true },
      ...scripts.map((s) => ({ path: s.fileName, text: s.sql })),
      { path: 'main.py', text: FLINK_MAIN_PY },
      ...refs,
    ];
  },
  agent: (doc, o) => {
    const cfg = agentConfig(doc, o.prefix);
    return cfg.flows.length > 0
      ? [{ path: 'agent.json', text: json(cfg) }]
      : 'the design has no Kinesis Agent producer';
  },
  kdg: (doc, o) => {
    const all = kdgTemplates(doc, o.prefix);
    if (all.length === 0) return 'the design has no producer with a record template';
    return [
      { path: 'kdg.json', text: json({ templates: all }) },
      ...all.map((t) => ({ path: `kdg/${t.producer}.txt`, text: `${t.template}\n` })),
    ];
  },
  link: (doc, o) => {
    const r = designLink(doc, o.base);
    return r.ok
      ? [{ path: 'link.txt', text: `${r.url}\n` }]
      : `the design is too large for a link (${r.chars} characters): share the JSON file instead`;
  },
};

export async function main(args: string[]): Promise<number> {
  let file: string | undefined;
  let format: string | undefined;
  let out: string | undefined;
  let prefix = 'dev';
  let base = 'http://127.0.0.1:5173/';
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => inline ?? args[++i];
    if (name === '--format') format = value();
    else if (name === '--out') out = value();
    else if (name === '--prefix') prefix = value() ?? prefix;
    else if (name === '--base') base = value() ?? base;
    else if (name.startsWith('-')) return fail(`unknown option ${name}\n${USAGE}`, 2);
    else if (!file) file = name;
    else return fail(`unexpected argument ${name}\n${USAGE}`, 2);
  }
  if (!file || !format) return fail(USAGE, 2);
  if (!(FORMATS as readonly string[]).includes(format))
    return fail(`unknown format "${format}"\n${USAGE}`, 2);
  const doc = readDesign(file);
  if (!doc) return 1;
  const errors = validateDocument(doc).filter((d) => d.severity === 'error');
  const names = deployProblems(doc);
  if (
    errors.length > 0 ||
    (names.length > 0 && (format.startsWith('cloudformation') || format === 'terraform'))
  ) {
    for (const d of [...errors, ...names]) process.stderr.write(`${file}: ${d.message}\n`);
    return 1;
  }
  const writer = WRITERS[format as ExportFormat];
  if (!writer) return fail(`${format}: this format is not available yet`, 2);
  const files = writer(doc, { prefix, base });
  if (typeof files === 'string') return fail(`${file}: ${files}`, 1);
  if (format.startsWith('cloudformation')) {
    for (const note of toCloudFormation(doc).notCarried)
      process.stderr.write(`not in the template: ${note}\n`);
  }
  if (format === 'flink-sql') {
    for (const s of toFlinkSql(doc, { prefix }))
      for (const n of s.notExported)
        process.stderr.write(`${s.node}: not exported (kept as a comment): ${n}\n`);
  }
  if (!out) {
    process.stdout.write(files[0].text);
    return 0;
  }
  for (const f of files) {
    if (f.stdoutOnly) continue;
    const path = join(out, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
    process.stderr.write(`wrote ${path}\n`);
  }
  return 0;
}

function fail(message: string, code: number): number {
  process.stderr.write(`${message}\n`);
  return code;
}
