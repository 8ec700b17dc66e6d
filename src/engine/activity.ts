/**
 * Recent activity per node, for the live cards of bursty nodes: an Analytics app with a 10 s
 * tumbling window, S3 behind a Firehose buffer, a producer on a schedule. Their "over the last
 * simulated second" rates read 0 most of the time; this remembers when records last came in and
 * went out, how many in that second, and the mean over the last 60 simulated seconds.
 *
 * The simulation feeds it once per closed simulated second with the same four figures the node's
 * live view shows (records and bytes in and out over that second), so the card's "last" and its
 * current rate always agree. Pure and deterministic: no wall clock.
 */
import type { ActiveSecond, EdgeLive, NodeActivity } from './api.ts';
import type { NodeRuntime } from './runtime.ts';
import { StreamRuntime } from './stream/stream.ts';

/** Seconds the average covers (or the run so far when shorter). */
export const ACTIVITY_WINDOW_SEC = 60;

const IN_REC = 0;
const IN_BYTES = 1;
const OUT_REC = 2;
const OUT_BYTES = 3;
const FIGURES = 4;

export class ActivityMeter {
  /** The last ACTIVITY_WINDOW_SEC seconds, FIGURES numbers each, as a ring indexed by second. */
  private readonly ring = new Float64Array(ACTIVITY_WINDOW_SEC * FIGURES);
  /** Seconds recorded so far. */
  private seconds = 0;
  private lastInAtMs = -1;
  private lastInRecords = 0;
  private lastInBytes = 0;
  private lastOutAtMs = -1;
  private lastOutRecords = 0;
  private lastOutBytes = 0;

  /**
   * One closed simulated second ending at `endMs` (sim ms): records and bytes that came in and
   * went out during it (records/s and bytes/s over that second).
   */
  record(endMs: number, inRecords: number, inBytes: number, outRecords: number, outBytes: number): void {
    const at = (this.seconds % ACTIVITY_WINDOW_SEC) * FIGURES;
    this.ring[at + IN_REC] = inRecords;
    this.ring[at + IN_BYTES] = inBytes;
    this.ring[at + OUT_REC] = outRecords;
    this.ring[at + OUT_BYTES] = outBytes;
    this.seconds++;
    if (inRecords > 0) {
      this.lastInAtMs = endMs;
      this.lastInRecords = inRecords;
      this.lastInBytes = inBytes;
    }
    if (outRecords > 0) {
      this.lastOutAtMs = endMs;
      this.lastOutRecords = outRecords;
      this.lastOutBytes = outBytes;
    }
  }

  /**
   * The node's activity as the live frame carries it (a fresh object), or undefined while no
   * record has come in or gone out yet: an idle node's frame numbers then stay the same from
   * second to second (the averages' growing window would otherwise change them all).
   */
  snapshot(): NodeActivity | undefined {
    if (this.lastInAtMs < 0 && this.lastOutAtMs < 0) return undefined;
    const span = Math.min(this.seconds, ACTIVITY_WINDOW_SEC);
    // Summed afresh from the ring (at most 60 × 4 adds per frame): a running sum that subtracts
    // the second leaving the window could drift to 1e-13 instead of 0 and never read as idle.
    let inRec = 0;
    let inBytes = 0;
    let outRec = 0;
    let outBytes = 0;
    for (let s = 0; s < span; s++) {
      const at = s * FIGURES;
      inRec += this.ring[at + IN_REC];
      inBytes += this.ring[at + IN_BYTES];
      outRec += this.ring[at + OUT_REC];
      outBytes += this.ring[at + OUT_BYTES];
    }
    const a: NodeActivity = {
      windowSec: span,
      avgInRecordsPerSec: span > 0 ? inRec / span : 0,
      avgInBytesPerSec: span > 0 ? inBytes / span : 0,
      avgOutRecordsPerSec: span > 0 ? outRec / span : 0,
      avgOutBytesPerSec: span > 0 ? outBytes / span : 0,
    };
    if (this.lastInAtMs >= 0) {
      a.lastIn = { atMs: this.lastInAtMs, records: this.lastInRecords, bytes: this.lastInBytes };
    }
    if (this.lastOutAtMs >= 0) {
      a.lastOut = { atMs: this.lastOutAtMs, records: this.lastOutRecords, bytes: this.lastOutBytes };
    }
    return a;
  }
}

/**
 * Feed `meter` with the second that just closed (ending at `endMs`, sim ms), after every runtime's
 * closeSecond: the same in/out figures the node's live view shows. Streams are read directly
 * (their live view builds up to 1,000 shard objects); every other runtime's live() is a handful
 * of fields.
 */
export function meterSecond(rt: NodeRuntime, meter: ActivityMeter, endMs: number): void {
  if (rt instanceof StreamRuntime) {
    if (rt.fluid) {
      // Fluid model: shards carry expected values; nothing is read (out is 0 in its live view).
      let rec = 0;
      let bytes = 0;
      for (let s = 0; s < rt.fluid.count; s++) {
        rec += rt.fluid.lastIn[s];
        bytes += rt.fluid.lastBytes[s];
      }
      meter.record(endMs, rec, bytes, 0, 0);
    } else {
      const m = rt.metrics.last;
      meter.record(endMs, m.incomingRecords, m.incomingBytes, m.outRecords, m.outBytes);
    }
    return;
  }
  const l = rt.live();
  meter.record(endMs, l.inRecordsPerSec, l.inBytesPerSec, l.outRecordsPerSec, l.outBytesPerSec);
}

/**
 * The last second in which an edge carried records, for its live label between bursts (S3 behind a
 * Firehose buffer, an Analytics output between 10 s windows). Fed once per closed simulated second
 * (push edges) or per frame interval of at least one second (stream → consumer edges) with the
 * rates the edge's label shows. Allocates only that second's EdgeLive, plus one ActiveSecond when
 * an edge goes idle (shared by every idle second after it, so an idle edge's figures stay equal).
 */
export class EdgeActivity {
  /** Sim ms at the end of the last interval that carried records; -1 before any did. */
  private atMs = -1;
  private records = 0;
  private bytes = 0;
  private idle: ActiveSecond | undefined;

  /** The edge's live figures for the interval ending at `endMs` (sim ms); rates per second. */
  close(endMs: number, recordsPerSec: number, bytesPerSec: number, throttledPerSec: number): EdgeLive {
    const live: EdgeLive = { recordsPerSec, bytesPerSec, throttledPerSec };
    if (recordsPerSec > 0) {
      this.atMs = endMs;
      this.records = recordsPerSec;
      this.bytes = bytesPerSec;
      this.idle = undefined;
    } else if (this.atMs >= 0) {
      if (!this.idle) this.idle = { atMs: this.atMs, records: this.records, bytes: this.bytes };
      live.lastActive = this.idle;
    }
    return live;
  }
}
