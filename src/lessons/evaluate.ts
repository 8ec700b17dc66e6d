/**
 * Checks against a run: `evaluateReport` grades a report (the CLI, at the end of a run) and
 * `LiveTracker` grades the frames of a run while it goes on (the studio turns checks green live).
 * Both use the same measures and the same decision, so a run graded live and graded from its
 * report agree (up to how often frames were sampled for a `max`).
 */
import type { LiveFrame, RunReport } from '../engine/api.ts';
import type { NodeKind } from '../model/types.ts';
import { MEASURE_DEFS } from './measures.ts';
import type { Check, LessonText } from './schema.ts';

export type CheckStatus = 'passed' | 'failed' | 'pending';

export interface CheckResult {
  id: string;
  status: CheckStatus;
  passed: boolean;
  /** The measured value (undefined when it cannot be read: unknown node, measure not for its kind). */
  value?: number;
  detail: LessonText;
}

export function satisfies(check: Check, v: number): boolean {
  switch (check.op) {
    case '<':
      return v < check.value;
    case '<=':
      return v <= check.value;
    case '==':
      return v === check.value;
    case '>=':
      return v >= check.value;
    case '>':
      return v > check.value;
    case 'between':
      return v >= check.value && v <= (check.max ?? check.value);
  }
}

/** True when a growing value that fails now can never pass later (it is already too high). */
function tooHighForGood(check: Check, v: number): boolean {
  switch (check.op) {
    case '<':
    case '<=':
    case '==':
      return !satisfies(check, v) && v > check.value;
    case 'between':
      return v > (check.max ?? check.value);
    default:
      return false;
  }
}

const num = (v: number) =>
  Math.abs(v) >= 100 || Number.isInteger(v) ? Math.round(v).toLocaleString('en-US') : v.toFixed(2);

function wanted(check: Check): string {
  return check.op === 'between'
    ? `${num(check.value)}–${num(check.max ?? check.value)}`
    : `${check.op} ${num(check.value)}`;
}

/**
 * The status of one check given its value at simulated second `simSec`. `final` = the run is over
 * (a check still open then fails). A `sum` or `max` only grows, so once it is above an upper bound
 * the check has failed for good.
 */
export function decide(check: Check, value: number | undefined, simSec: number, final: boolean): CheckResult {
  const base = { id: check.id, value };
  if (value === undefined) {
    const where = check.node ?? '';
    return {
      ...base,
      status: 'failed',
      passed: false,
      detail: {
        en: `cannot measure ${check.measure} on node "${where}" (missing, or not that kind of node)`,
        ja: `ノード「${where}」で ${check.measure} を測定できません (存在しないか、種類が違います)`,
      },
    };
  }
  const grows = MEASURE_DEFS[check.measure].aggregate !== 'last';
  const ok = satisfies(check, value);
  const early = simSec < check.afterSec;
  let status: CheckStatus;
  if (grows && tooHighForGood(check, value)) status = 'failed';
  else if (ok && !early) status = 'passed';
  else if (final) status = 'failed';
  else status = 'pending';
  const measured = num(value);
  const detail: LessonText =
    final && early
      ? {
          en: `${measured}, but the run ended at ${num(simSec)} s, before ${num(check.afterSec)} s`,
          ja: `${measured} (ただし実行は ${num(simSec)} 秒で終了、${num(check.afterSec)} 秒に達していません)`,
        }
      : status === 'pending' && ok
        ? {
            en: `${measured} so far (wanted ${wanted(check)}); decided at ${num(check.afterSec)} s`,
            ja: `現在 ${measured} (条件 ${wanted(check)})、${num(check.afterSec)} 秒で判定`,
          }
        : { en: `${measured} (wanted ${wanted(check)})`, ja: `${measured} (条件 ${wanted(check)})` };
  return { ...base, status, passed: status === 'passed', detail };
}

/** Grade a report. `final` (default true): the run is over, open checks fail. */
export function evaluateReport(checks: readonly Check[], report: RunReport, final = true): CheckResult[] {
  return checks.map((c) => {
    const node = c.node === undefined ? undefined : report.nodes.find((n) => n.id === c.node);
    const def = MEASURE_DEFS[c.measure];
    const applies =
      c.node === undefined ? c.measure === 'costPerMonthUsd' : !!node && def.appliesTo(node.kind);
    const value = applies ? def.fromReport(node, report, c.fromSec, c.counter) : undefined;
    return decide(c, value, report.simulatedSeconds, final);
  });
}

interface Track {
  baseline?: number;
  max?: number;
  last?: number;
}

/** Grades a run from its live frames. Feed every frame you get (`push`); `reset` on a new run. */
export class LiveTracker {
  private tracks: Track[];
  private simSec = 0;

  constructor(
    private readonly checks: readonly Check[],
    private readonly kinds: Readonly<Record<string, NodeKind>>,
  ) {
    this.tracks = checks.map(() => ({}));
  }

  reset(): void {
    this.tracks = this.checks.map(() => ({}));
    this.simSec = 0;
  }

  push(frame: LiveFrame): void {
    if (frame.simMs / 1000 < this.simSec) this.reset();
    this.simSec = frame.simMs / 1000;
    this.checks.forEach((c, i) => {
      const kind = c.node === undefined ? undefined : this.kinds[c.node];
      const def = MEASURE_DEFS[c.measure];
      if (c.node !== undefined && !(kind && def.appliesTo(kind))) return;
      const v = def.fromFrame(c.node === undefined ? undefined : frame.nodes[c.node], frame, kind, c.counter);
      if (v === undefined) return;
      const t = this.tracks[i];
      t.last = v;
      if (this.simSec < c.fromSec) return;
      // A sum over [fromSec, now]: the counter minus its value when the window opened.
      if (t.baseline === undefined) t.baseline = c.fromSec > 0 ? v : 0;
      t.max = Math.max(t.max ?? v, v);
    });
  }

  /** Simulated seconds of the latest frame. */
  get atSec(): number {
    return this.simSec;
  }

  results(final = false): CheckResult[] {
    return this.checks.map((c, i) => {
      const t = this.tracks[i];
      const agg = MEASURE_DEFS[c.measure].aggregate;
      let value: number | undefined;
      if (t.last !== undefined) {
        if (agg === 'last') value = t.last;
        else if (agg === 'max') value = t.max ?? 0;
        else value = t.last - (t.baseline ?? t.last);
      }
      if (value === undefined && this.simSec === 0 && !final)
        return { id: c.id, status: 'pending', passed: false, detail: { en: 'not run yet', ja: '未実行' } };
      return decide(c, value, this.simSec, final);
    });
  }
}
