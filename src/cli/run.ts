/**
 * `npx shardscape run DESIGN.json [--duration 15m] [--seed N] [--price-book 2017|current] [--json] [--lang ja]`
 *
 * Runs a design file headless. Without --json: a readable summary (per node key figures,
 * throttling, cost, conservation) and a progress bar on stderr when it is a terminal. With --json:
 * exactly one JSON report on stdout (`--lang` changes only the readable summary's language). Exit 1 (problems on stderr) for an unreadable file, an invalid
 * design or bad options.
 */
import type { RunReport } from '../engine/api.ts';
import { parseDurationSec } from '../engine/clock.ts';
import { DesignError, runHeadless } from '../engine/index.ts';
import { readDesign } from './read-design.ts';
import { formatSummary } from './run-summary.ts';
import { formatSummaryJa } from './run-summary-ja.ts';

interface RunArgs {
  file: string;
  durationSec?: number;
  seed?: number;
  priceBook?: '2017' | 'current';
  json: boolean;
  lang: 'en' | 'ja';
}

export function parseRunArgs(args: string[]): RunArgs | string {
  let file: string | undefined;
  const out: RunArgs = { file: '', json: false, lang: 'en' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      i++;
      return args[i];
    };
    const name = a.split('=')[0];
    if (name === '--json') out.json = true;
    else if (name === '--duration') {
      const v = parseDurationSec(value() ?? '');
      if (!(v > 0)) return `--duration expects a duration like 90s, 15m or 1h (got "${args[i]}")`;
      out.durationSec = v;
    } else if (name === '--seed') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) return '--seed expects a non-negative integer';
      out.seed = v;
    } else if (name === '--price-book') {
      const v = value();
      if (v !== '2017' && v !== 'current') return '--price-book expects 2017 or current';
      out.priceBook = v;
    } else if (name === '--lang') {
      const v = value();
      if (v !== 'en' && v !== 'ja') return '--lang expects en or ja';
      out.lang = v;
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else if (file === undefined) file = a;
    else return `unexpected argument ${a}`;
  }
  if (!file)
    return 'usage: shardscape run DESIGN.json [--duration 15m] [--seed N] [--price-book 2017|current] [--json] [--lang ja]';
  out.file = file;
  return out;
}

export async function main(args: string[]): Promise<number> {
  const parsed = parseRunArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return 1;
  }
  const design = readDesign(parsed.file);
  if (!design) return 1;
  const tty = !parsed.json && process.stderr.isTTY === true;
  let report: RunReport;
  try {
    report = await runHeadless(design, {
      seed: parsed.seed,
      durationSec: parsed.durationSec,
      priceBook: parsed.priceBook,
      progressEverySec: 10,
      onProgress: tty ? (f) => process.stderr.write(`\r${progressBar(f)}`) : undefined,
    });
  } catch (e) {
    if (e instanceof DesignError) {
      process.stderr.write(`${parsed.file}: the design has ${e.problems.length} problem(s):\n`);
      for (const p of e.problems) {
        const where = [p.nodeId && `node ${p.nodeId}`, p.edgeId && `edge ${p.edgeId}`, p.field]
          .filter(Boolean)
          .join(', ');
        process.stderr.write(`  - ${p.message}${where ? ` (${where})` : ''} [${p.code}]\n`);
      }
      return 1;
    }
    throw e;
  }
  if (tty) process.stderr.write('\r\x1b[2K');
  if (parsed.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else process.stdout.write(parsed.lang === 'ja' ? formatSummaryJa(report) : formatSummary(report));
  return 0;
}

function progressBar(f: number): string {
  const width = 30;
  const done = Math.round(Math.min(1, f) * width);
  return `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${Math.round(f * 100)}%`;
}
