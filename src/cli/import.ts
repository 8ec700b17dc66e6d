/**
 * `npx shardscape import TEMPLATE.(yaml|json) [--out DESIGN.json]`
 *
 * Reads a CloudFormation template (JSON or YAML, short-form tags such as `!Ref` allowed) and writes
 * the design it describes: to stdout, or to DESIGN.json with --out. What has no Shardscape node is
 * listed on stderr (logical id, type, why). Exit 1 when the file is not a template; 2 for bad options.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { importCloudFormation } from '../export/cloudformation-import/index.ts';
import { serializeDocument } from '../export/document.ts';

const USAGE = 'usage: shardscape import TEMPLATE.yaml|TEMPLATE.json [--out DESIGN.json]';

export async function main(args: string[]): Promise<number> {
  let file: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') out = args[++i];
    else if (args[i].startsWith('--') || file) {
      console.error(`unknown option ${args[i]}\n${USAGE}`);
      return 2;
    } else file = args[i];
  }
  if (!file || (out !== undefined && !out)) {
    console.error(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`${file}: ${(err as Error).message}`);
    return 1;
  }
  const r = importCloudFormation(text, file);
  if (!r.ok) {
    console.error(`${file}: ${r.message}`);
    return 1;
  }
  const json = serializeDocument(r.doc);
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  const summary = `${file}: ${r.doc.nodes.length} nodes, ${r.doc.edges.length} edges${r.exact ? ' (exact: the template carries Shardscape metadata)' : ''}`;
  console.error(out ? `${summary} → ${out}` : summary);
  if (r.unmapped.length > 0) {
    console.error(`Not mapped (${r.unmapped.length}):`);
    for (const u of r.unmapped) console.error(`  ${u.logicalId} (${u.type}): ${u.reason}`);
  }
  return 0;
}
