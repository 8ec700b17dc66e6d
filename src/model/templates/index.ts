/**
 * Ready-made designs drawn from the use cases of the 2017 AWS Kinesis talk, plus two designs that
 * each show one classic problem (a hot partition key, a slow consumer). examples/<id>.json hold the
 * same designs as files (scripts/write-examples.ts writes them; a test fails when they drift).
 */
import { adtech } from './adtech.ts';
import type { Template } from './build.ts';
import { clickstream } from './clickstream.ts';
import { leaderboard } from './leaderboard.ts';
import { logAnalytics } from './log-analytics.ts';
import { selfieDashboard } from './selfie-dashboard.ts';
import { sushiIot } from './sushi-iot.ts';
import { hotKey, slowLambda } from './teaching.ts';

export type { Template } from './build.ts';

export const TEMPLATES: Template[] = [
  clickstream,
  sushiIot,
  adtech,
  logAnalytics,
  leaderboard,
  selfieDashboard,
  hotKey,
  slowLambda,
];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
