import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudFormationYaml } from '../export/cloudformation/index.ts';
import { parseDocument } from '../export/document.ts';

const bin = new URL('../../bin/shardscape.mjs', import.meta.url).pathname;
const example = new URL('../../examples/sushi-iot.json', import.meta.url).pathname;
const unknown = new URL('../export/cloudformation-import/fixtures/unknown.yaml', import.meta.url).pathname;

describe('shardscape import', () => {
  it('turns an exported YAML template back into the same design file, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfn-import-'));
    const original = readFileSync(example, 'utf8');
    const r = parseDocument(original);
    if (!r.ok) throw new Error('example');
    writeFileSync(join(dir, 't.yaml'), cloudFormationYaml(r.doc));
    const run = spawnSync('node', [bin, 'import', join(dir, 't.yaml'), '--out', join(dir, 'd.json')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('6 nodes, 5 edges (exact');
    expect(readFileSync(join(dir, 'd.json'), 'utf8')).toBe(original);
  });

  it('prints the design and lists on stderr what it could not map; a design file is refused with exit 1', () => {
    const run = spawnSync('node', [bin, 'import', unknown], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).nodes).toHaveLength(3);
    expect(run.stderr).toContain('Box (AWS::EC2::Instance): Shardscape has no node for this resource type');
    const bad = spawnSync('node', [bin, 'import', example], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('not a CloudFormation template');
  });
});
