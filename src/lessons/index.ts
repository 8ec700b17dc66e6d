/** The built-in lessons, in teaching order (they follow the 2017 talk), validated on load. */

import { outageDlq } from './catalog/outage.ts';
import { analyticsSql, firehoseBuffer, lambdaLag, transformDelivery } from './catalog/processing.ts';
import { firstStream, hotKey, peakSizing, reshardLive } from './catalog/streams.ts';
import { type Lesson, LessonSchema } from './schema.ts';

export const LESSONS: readonly Lesson[] = [
  firstStream,
  hotKey,
  reshardLive,
  lambdaLag,
  firehoseBuffer,
  analyticsSql,
  transformDelivery,
  outageDlq,
  peakSizing,
].map((l) => LessonSchema.parse(l));

export function lessonById(id: string, extra: readonly Lesson[] = []): Lesson | undefined {
  return LESSONS.find((l) => l.id === id) ?? extra.find((l) => l.id === id);
}

export { applyLessonChanges, solutionDesign, startingDesign } from './build.ts';
export type { CheckResult, CheckStatus } from './evaluate.ts';
export { decide, evaluateReport, LiveTracker } from './evaluate.ts';
export type { Check, Lesson, LessonChange, LessonText, Op } from './schema.ts';
export { LESSON_FORMAT, LessonSchema, OPS, parseLesson } from './schema.ts';
