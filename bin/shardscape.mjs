#!/usr/bin/env node
// `npx shardscape <command> …`: the headless runners. Commands live in src/cli/<command>.ts and
// run from source through tsx (no build step), so the CLI always matches the studio's engine.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const COMMANDS = {
  run: 'Run a design file: shardscape run DESIGN.json [--duration 15m] [--seed N] [--price-book 2017|current] [--json]',
  export:
    'Export a design as deployable config: shardscape export DESIGN.json --format cloudformation|cloudformation-yaml|terraform|flink-sql|agent|kdg|link [--out DIR]',
  import:
    'Import a CloudFormation template as a design: shardscape import TEMPLATE.yaml|TEMPLATE.json [--out DESIGN.json]',
  lessons:
    'Workshop lessons: shardscape lessons [--json] | start ID --out FILE | solution ID --out FILE | check ID DESIGN.json [--json] [--lang ja]',
  plan: 'Size a stream: shardscape plan DESIGN.json --stream ID --shards A..B [--duration D] [--headroom 0.8] [--json] | --vary NODE.FIELD=A..B[:STEP]',
  sql: "Run Analytics SQL: shardscape sql --query FILE.sql --input NAME=FILE.jsonl [--reference NAME=FILE.jsonl] [--schema NAME='COL TYPE, …'] [--no-flush]",
};

const [command, ...args] = process.argv.slice(2);
if (!command || command === '--help' || command === '-h' || !(command in COMMANDS)) {
  console.error('usage: shardscape <command> [options]\n');
  for (const [name, help] of Object.entries(COMMANDS)) console.error(`  ${name.padEnd(7)} ${help}`);
  process.exit(command && command !== '--help' && command !== '-h' ? 2 : 0);
}
register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mod = await import(pathToFileURL(join(root, 'src', 'cli', `${command}.ts`)).href);
const code = await mod.main(args);
process.exitCode = typeof code === 'number' ? code : 0;
