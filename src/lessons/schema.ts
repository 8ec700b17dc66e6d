/**
 * A lesson file, validated by zod: bilingual title and text, a starting design (a template id plus
 * changes), steps with hints, the checks that grade a run, and a solution (more changes).
 * Pure: no DOM, no Node. Lesson files are JSON (an instructor can import and download them).
 */
import { z } from 'zod';
import { DocumentSchema, TimelineEventSchema } from '../export/schema.ts';
import { NODE_KIND_LIST, type NodeKind } from '../model/types.ts';

export const LESSON_FORMAT = 'shardscape.lesson' as const;

const text = z.object({ en: z.string().min(1), ja: z.string().min(1) });
export type LessonText = z.infer<typeof text>;

/**
 * Changes in a lesson are small and readable: `patch` deep-merges into a node's config (tagged
 * objects such as `rate` or `partitionKey` and arrays are replaced whole), `add` creates a node with
 * its kind's defaults, `connect` wires two nodes the way the studio would. They expand to the
 * model's Change list (src/model/changes.ts) and are applied with applyChanges.
 */
export const LessonChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('patch'), node: z.string(), config: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('rename'), node: z.string(), name: z.string().min(1) }),
  z.object({
    type: z.literal('add'),
    node: z.object({
      id: z.string().min(1),
      kind: z.enum(NODE_KIND_LIST as [NodeKind, ...NodeKind[]]),
      name: z.string().min(1),
      at: z.tuple([z.number(), z.number()]),
      config: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
  z.object({ type: z.literal('remove'), node: z.string() }),
  z.object({ type: z.literal('connect'), source: z.string(), target: z.string() }),
  z.object({ type: z.literal('disconnect'), source: z.string(), target: z.string() }),
  z.object({
    type: z.literal('settings'),
    settings: z.object({ durationSec: z.number().positive().optional(), seed: z.number().int().optional() }),
  }),
  z.object({ type: z.literal('timeline'), event: TimelineEventSchema }),
  z.object({ type: z.literal('untimeline'), id: z.string() }),
]);
export type LessonChange = z.infer<typeof LessonChangeSchema>;

/** What a check measures; src/lessons/measures.ts says how each is read from a report or a frame. */
export const MEASURES = [
  'throttledRecords',
  'droppedRecords',
  'iteratorAgeMs',
  'openShards',
  'reshards',
  'avgObjectBytes',
  'objects',
  'delivered',
  'sqlRowsOut',
  'transformedRecords',
  'failedRecords',
  'costPerMonthUsd',
  'counter',
] as const;
export type Measure = (typeof MEASURES)[number];

export const OPS = ['<', '<=', '==', '>=', '>', 'between'] as const;
export type Op = (typeof OPS)[number];

/**
 * A check: `measure` of `node` compared with `value` (with `between`: value ≤ x ≤ `max`), over
 * simulated seconds [`fromSec`, end of run]. `afterSec`: the check cannot pass before the run has
 * reached this simulated second ("throttles 0 records over 60 s" passes at 60 s, not at 1 s).
 */
export const CheckSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by -'),
    text: text,
    node: z.string().optional(),
    measure: z.enum(MEASURES),
    /** For `counter`: the counter's name, e.g. `sentToOnFailure`. */
    counter: z.string().optional(),
    op: z.enum(OPS),
    value: z.number(),
    max: z.number().optional(),
    fromSec: z.number().min(0).default(0),
    afterSec: z.number().min(0).default(0),
  })
  .refine((c) => c.op !== 'between' || (c.max !== undefined && c.max >= c.value), {
    message: '`between` needs a `max` at least `value`',
  })
  .refine((c) => c.measure !== 'counter' || !!c.counter, { message: '`counter` needs a counter name' })
  .refine((c) => c.measure === 'costPerMonthUsd' || !!c.node, { message: 'this measure needs a `node`' });
export type Check = z.infer<typeof CheckSchema>;
export type CheckInput = z.input<typeof CheckSchema>;

export const LessonSchema = z.object({
  format: z.literal(LESSON_FORMAT),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by -'),
  title: text,
  text: text,
  /** Simulated seconds a graded run lasts (`lessons check`, and the starting design's duration). */
  runSec: z.number().positive().max(3600),
  /** A template id, or a whole design (a lesson made from the studio's current design), plus changes. */
  start: z
    .object({
      template: z.string().optional(),
      design: DocumentSchema.optional(),
      changes: z.array(LessonChangeSchema).default([]),
    })
    .refine((s) => (s.template === undefined) !== (s.design === undefined), {
      message: 'a lesson starts from a `template` or a `design` (one of the two)',
    }),
  steps: z.array(z.object({ text: text, hint: text.optional() })).min(1),
  checks: z.array(CheckSchema).min(1),
  solution: z.object({ text: text, changes: z.array(LessonChangeSchema) }),
});
export type Lesson = z.infer<typeof LessonSchema>;
export type LessonInput = z.input<typeof LessonSchema>;

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; message: string };

/** Parse a lesson file's text; a bad file gets one readable message naming the path. */
export function parseLesson(textIn: string): LessonParse {
  let raw: unknown;
  try {
    raw = JSON.parse(textIn);
  } catch (e) {
    return { ok: false, message: `Not JSON: ${(e as Error).message}` };
  }
  const r = LessonSchema.safeParse(raw);
  if (r.success) return { ok: true, lesson: r.data };
  const issue = r.error.issues[0];
  const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, message: `Not a lesson file: ${issue.message}${where}` };
}
