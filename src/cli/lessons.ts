/**
 * `npx shardscape lessons [--json] [--lang ja]`                    list the lessons
 * `npx shardscape lessons start ID --out FILE`                     write the starting design
 * `npx shardscape lessons solution ID --out FILE`                  write a design that solves it
 * `npx shardscape lessons check ID DESIGN.json [--json] [--lang ja]`  grade a design headless
 *
 * ID is a built-in lesson's id or a lesson file (`my-lesson.lesson.json`, as the studio downloads).
 * `check` runs the design for the lesson's simulated duration (not the design's own) and exits 0
 * only when every check passes; 1 when one fails or the design cannot run; 2 for bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DesignError, runHeadless } from '../engine/index.ts';
import { serializeDocument } from '../export/document.ts';
import {
  evaluateReport,
  LESSONS,
  type Lesson,
  lessonById,
  parseLesson,
  solutionDesign,
  startingDesign,
} from '../lessons/index.ts';
import { readDesign } from './read-design.ts';

type Lang = 'en' | 'ja';

interface Parsed {
  positional: string[];
  json: boolean;
  lang: Lang;
  out?: string;
}

const USAGE = `usage:
  shardscape lessons [--json] [--lang ja]
  shardscape lessons start ID --out FILE
  shardscape lessons solution ID --out FILE
  shardscape lessons check ID DESIGN.json [--json] [--lang ja]`;

function parse(args: string[]): Parsed | string {
  const out: Parsed = { positional: [], json: false, lang: 'en' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a];
    const value = () => inline ?? args[++i];
    if (name === '--json') out.json = true;
    else if (name === '--lang') {
      const v = value();
      if (v !== 'en' && v !== 'ja') return '--lang expects en or ja';
      out.lang = v;
    } else if (name === '--out') {
      const v = value();
      if (!v) return '--out expects a file name';
      out.out = v;
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else out.positional.push(a);
  }
  return out;
}

/** A built-in lesson by id, or a lesson file (an instructor's own, from "Make this a lesson"). */
function find(id: string | undefined, lang: Lang): Lesson | string {
  if (!id) return USAGE;
  const l = lessonById(id);
  if (l) return l;
  if (id.endsWith('.json')) {
    let text: string;
    try {
      text = readFileSync(id, 'utf8');
    } catch (e) {
      return `Cannot read ${id}: ${(e as Error).message}`;
    }
    const r = parseLesson(text);
    return r.ok ? r.lesson : `${id}: ${r.message}`;
  }
  const ids = LESSONS.map((x) => x.id).join(', ');
  return lang === 'ja' ? `レッスン「${id}」はありません (${ids})` : `no lesson "${id}" (lessons: ${ids})`;
}

function fail(message: string, code = 1): number {
  process.stderr.write(`${message}\n`);
  return code;
}

export async function main(args: string[]): Promise<number> {
  const p = parse(args);
  if (typeof p === 'string') return fail(`${p}\n${USAGE}`, 2);
  const [sub, id, file] = p.positional;
  if (sub === undefined) {
    if (p.json) {
      const list = LESSONS.map((l) => ({ id: l.id, title: l.title.en, titleJa: l.title.ja }));
      process.stdout.write(`${JSON.stringify(list)}\n`);
    } else {
      const width = Math.max(...LESSONS.map((l) => l.id.length));
      for (const l of LESSONS) process.stdout.write(`${l.id.padEnd(width)}  ${l.title[p.lang]}\n`);
    }
    return 0;
  }
  if (sub === 'start' || sub === 'solution') {
    const l = find(id, p.lang);
    if (typeof l === 'string') return fail(l, l === USAGE ? 2 : 1);
    if (!p.out) return fail(`--out FILE is required\n${USAGE}`, 2);
    const doc = sub === 'start' ? startingDesign(l) : solutionDesign(l);
    writeFileSync(p.out, serializeDocument(doc));
    return 0;
  }
  if (sub === 'check') {
    const l = find(id, p.lang);
    if (typeof l === 'string') return fail(l, l === USAGE ? 2 : 1);
    if (!file) return fail(USAGE, 2);
    return check(l, file, p);
  }
  return fail(`unknown subcommand ${sub}\n${USAGE}`, 2);
}

async function check(lesson: Lesson, file: string, p: Parsed): Promise<number> {
  const design = readDesign(file);
  if (!design) return 1;
  let report: Awaited<ReturnType<typeof runHeadless>>;
  try {
    report = await runHeadless(design, { durationSec: lesson.runSec });
  } catch (e) {
    if (!(e instanceof DesignError)) throw e;
    const lines = e.problems.map((x) => `  - ${x.message}${x.nodeId ? ` (node ${x.nodeId})` : ''}`);
    if (p.json) {
      const checks = lesson.checks.map((c) => ({ id: c.id, passed: false, detail: 'the design has errors' }));
      process.stdout.write(`${JSON.stringify({ lesson: lesson.id, passed: false, checks })}\n`);
    }
    return fail(`${file}: the design has ${e.problems.length} problem(s):\n${lines.join('\n')}`);
  }
  const results = evaluateReport(lesson.checks, report);
  const passed = results.every((r) => r.passed);
  if (p.json) {
    const checks = results.map((r) => ({ id: r.id, passed: r.passed, detail: r.detail[p.lang] }));
    process.stdout.write(`${JSON.stringify({ lesson: lesson.id, passed, checks })}\n`);
  } else {
    const ja = p.lang === 'ja';
    process.stdout.write(`${lesson.title[p.lang]} — ${file}\n`);
    results.forEach((r, i) => {
      const mark = r.passed ? (ja ? '合格' : 'PASS') : ja ? '不合格' : 'FAIL';
      process.stdout.write(`  ${mark}  ${lesson.checks[i].text[p.lang]}: ${r.detail[p.lang]}\n`);
    });
    const total = results.filter((r) => r.passed).length;
    process.stdout.write(
      ja ? `${results.length} 件中 ${total} 件合格\n` : `${total} of ${results.length} checks passed\n`,
    );
  }
  return passed ? 0 : 1;
}
