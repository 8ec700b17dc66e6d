/**
 * The run controller: Run, Pause, Step, Reset, speed, faults and edits while running. It owns
 * the engine client (created on first Run) and the pacing loop, writes frames into the sim
 * store and chart series, and watches the studio's document for edits made while running.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { LiveEdit, LiveFrame } from '../engine/api.ts';
import type { Diagnostic, NodeKind, PipelineDoc, TimelineEvent } from '../model/types.ts';
import type { ClientLoadResult, EngineClient, WatchdogError } from '../worker/engineClient.ts';
import { createRunLoop, type RunLoopDeps, type Speed } from '../worker/runLoop.ts';
import type { EndedRun } from './history-entry.ts';
import { liveDiff } from './simLiveDiff.ts';
import { type MetricsByKind, perShardSeries } from './simMetrics.ts';
import type { SeriesBook } from './simSeries.ts';
import { initialSimState, type SimNotice, type SimStore } from './simStore.ts';
import type { TurnScheduler } from './turns.ts';

/** The parts of EngineClient the controller and the run tabs use (tests pass the real one over a MessageChannel). */
export type EngineLike = Pick<
  EngineClient,
  | 'load'
  | 'advance'
  | 'frame'
  | 'applyEdit'
  | 'injectFault'
  | 'peek'
  | 'destination'
  | 's3Object'
  | 'sqlResults'
  | 'metricsCsv'
  | 'report'
  | 'dispose'
>;

/** The slice of the studio store the controller needs. */
export interface StudioLike {
  doc: PipelineDoc;
  diagnostics: Diagnostic[];
  setBottomTab(id: string): void;
}

export interface SimControllerDeps {
  sim: SimStore;
  series: SeriesBook;
  /** The figures to record as chart series for each kind (src/ui/kinds' views). */
  metrics: MetricsByKind;
  studio: StoreApi<StudioLike>;
  createClient(onRestart: (error: WatchdogError) => void): EngineLike;
  loop?: Pick<RunLoopDeps, 'raf' | 'cancelRaf' | 'now'>;
  /** Applies a frame to the store in a main-thread turn of its own (see turns.ts); at once by default. */
  turns?: TurnScheduler;
  /** A run was loaded (its number); then ended or paused (history.ts keeps it). */
  onRunStart?(runKey: number): void;
  onRunEnd?(run: EndedRun): void;
}

let noticeSeq = 0;

export function createSimController(deps: SimControllerDeps) {
  const { sim, series, studio } = deps;
  let client: EngineLike | null = null;
  /** The document as the engine knows it (updated as live edits are applied). */
  let runDoc: PipelineDoc | null = null;
  /** The document as the run loaded it (before live edits), and the run's number. */
  let loadedDoc: PipelineDoc | null = null;
  let runKey = 0;

  /** Hands the run so far to the history (Pause, Reset, a new run): before its series are cleared. */
  function reportRun(): void {
    const { seed, priceBook, kinds } = sim.getState();
    const frame = latestFrame;
    if (!deps.onRunEnd || !loadedDoc || !frame) return;
    deps.onRunEnd({ runKey, doc: loadedDoc, seed, priceBook, simMs: frame.simMs, frame, kinds, series });
  }

  const notify = (tone: SimNotice['tone'], key: string, values?: SimNotice['values']) => {
    const notice = { id: ++noticeSeq, tone, key, values };
    sim.setState((s) => ({ notices: [...s.notices.slice(-4), notice] }));
  };

  /** Sim ms of the newest frame, shown or still waiting for its turn. */
  let latestMs = 0;
  /** The newest frame recorded (the shown one may lag a turn behind). */
  let latestFrame: LiveFrame | null = null;

  function record(frame: LiveFrame): void {
    latestMs = frame.simMs;
    latestFrame = frame;
    const kinds = sim.getState().kinds;
    for (const [id, n] of Object.entries(frame.nodes)) {
      const defs = deps.metrics[kinds[id] as NodeKind];
      if (!defs) continue;
      const values: Record<string, number> = {};
      for (const d of defs) values[d.name] = d.get(n);
      series.push(id, frame.simMs, values);
      const perShard = perShardSeries(n);
      if (perShard) series.push(`${id}#shards`, frame.simMs, perShard);
    }
  }

  /** Withdraws a live frame still waiting for its turn (a newer state is about to be set). */
  let withdrawLive = () => {};

  function apply(frame: LiveFrame): void {
    sim.setState((s) => ({ frame, simMs: frame.simMs, seriesVersion: s.seriesVersion + 1 }));
  }

  /** Shows a frame now: loads and Steps, one per click. */
  function show(frame: LiveFrame): void {
    withdrawLive();
    record(frame);
    apply(frame);
  }

  /**
   * Shows a frame of the running loop. Every frame adds its chart points now; the canvas gets the
   * newest in a main-thread turn of its own (see turns.ts), or at once without a scheduler.
   */
  function showLive(frame: LiveFrame): void {
    const turns = deps.turns;
    if (!turns) {
      show(frame);
      return;
    }
    record(frame);
    withdrawLive = turns.request(
      () => {
        withdrawLive = () => {};
        apply(frame);
      },
      { key: 'frame', first: true },
    );
  }

  const loop = createRunLoop({
    ...deps.loop,
    advance: (toMs) => engine().advance(toMs),
    onFrame: showLive,
    onError: (error) => {
      if (error.name === 'WatchdogError') return; // handled by onRestart
      sim.setState({ status: 'error', error: { kind: 'engine', message: error.message } });
    },
  });

  function engine(): EngineLike {
    client ??= deps.createClient((error) => {
      loop.abandon();
      runDoc = null;
      sim.setState({ status: 'error', error: { kind: 'watchdog', message: error.message } });
    });
    return client;
  }

  function designErrors(): Diagnostic[] {
    return studio.getState().diagnostics.filter((d) => d.severity === 'error');
  }

  function refuse(problems: Diagnostic[], message: string): void {
    studio.getState().setBottomTab('problems');
    sim.setState({ status: 'idle', frame: null, error: { kind: 'design', message, problems } });
  }

  /** Loads the studio's current design at t = 0; false when it has errors (Problems tab opened). */
  async function load(): Promise<boolean> {
    const errors = designErrors();
    if (errors.length > 0) {
      refuse(errors, `The design has ${errors.length} error(s).`);
      return false;
    }
    const doc = studio.getState().doc;
    const { seed, priceBook } = doc.settings;
    loop.abandon();
    withdrawLive();
    reportRun();
    loadedDoc = null;
    latestFrame = null;
    series.clear();
    latestMs = 0;
    sim.setState({ ...initialSimState, status: 'loading', seed, priceBook });
    let result: ClientLoadResult;
    try {
      result = await engine().load(doc, seed, priceBook);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (sim.getState().status === 'loading')
        sim.setState({ status: 'error', error: { kind: 'engine', message } });
      return false;
    }
    if (!result.ok) {
      refuse(result.problems, result.message);
      return false;
    }
    runDoc = doc;
    loadedDoc = doc;
    runKey += 1;
    deps.onRunStart?.(runKey);
    sim.setState({ kinds: Object.fromEntries(doc.nodes.map((n) => [n.id, n.kind])) });
    show(result.frame);
    return true;
  }

  const controller = {
    async run(): Promise<void> {
      const { status } = sim.getState();
      if (status === 'running' || status === 'loading') return;
      if (status !== 'paused' && !(await load())) return;
      sim.setState({ status: 'running', error: null });
      loop.start(latestMs, sim.getState().speed);
    },
    pause(): void {
      if (sim.getState().status !== 'running') return;
      loop.stop();
      sim.setState({ status: 'paused' });
      reportRun();
    },
    /** Ctrl/⌘+Enter. */
    async toggle(): Promise<void> {
      if (sim.getState().status === 'running') controller.pause();
      else await controller.run();
    },
    /** Advances exactly one simulated second (1,000 sim ms), then stays paused. */
    async step(): Promise<void> {
      const { status } = sim.getState();
      if (status === 'loading') return;
      if (status === 'running') controller.pause();
      if ((status === 'idle' || status === 'error') && !(await load())) return;
      sim.setState({ status: 'paused' });
      await loop.idle();
      try {
        show(await engine().advance(latestMs + 1_000));
      } catch (e) {
        if (e instanceof Error && e.name === 'WatchdogError') return;
        sim.setState({ status: 'error', error: { kind: 'engine', message: String(e) } });
      }
    },
    /** Back to idle: the next Run loads the design as it is then, from t = 0. */
    reset(): void {
      loop.abandon();
      withdrawLive();
      reportRun();
      loadedDoc = null;
      latestFrame = null;
      latestMs = 0;
      runDoc = null;
      series.clear();
      sim.setState({ ...initialSimState });
    },
    async restart(): Promise<void> {
      controller.reset();
      await controller.run();
    },
    setSpeed(speed: Speed): void {
      sim.setState({ speed });
      loop.setSpeed(speed);
    },
    dismissRestartPrompt(): void {
      sim.setState({ restartPromptOpen: false });
    },
    dismissNotice(id: number): void {
      sim.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
    /** The engine client while a run exists (for peeks, destinations, SQL results), else null. */
    engine(): EngineLike | null {
      return runDoc && client ? client : null;
    },
    /** Applies a fault to the running simulation (the caller also adds it to the design's timeline). */
    async injectFault(event: TimelineEvent): Promise<void> {
      if (!runDoc || !client) return;
      await client.injectFault(event);
    },
    dispose(): void {
      unsubscribe();
      loop.abandon();
      client?.dispose();
      client = null;
    },
  };

  async function applyEdits(edits: LiveEdit[], faults: TimelineEvent[]): Promise<void> {
    const c = client;
    if (!c) return;
    for (const edit of edits) {
      const result = await c.applyEdit(edit);
      if (!result.applied) notify('warning', 'notice.editRefused', { reason: result.reason ?? '' });
    }
    for (const fault of faults) await c.injectFault(fault);
    // Paused: show the effect (new shards, a marker) without advancing the clock.
    if (sim.getState().status === 'paused') show(await c.frame());
  }

  const unsubscribe = studio.subscribe((state, prev) => {
    if (state.doc === prev.doc || !runDoc) return;
    const diff = liveDiff(runDoc, state.doc);
    runDoc = state.doc;
    if (diff.structural) {
      sim.setState({ restartNeeded: true, restartPromptOpen: true });
      return;
    }
    if (diff.deferred.length > 0) notify('info', 'notice.deferred', { names: diff.deferred.join(', ') });
    if (diff.edits.length > 0 || diff.faults.length > 0) {
      applyEdits(diff.edits, diff.faults).catch((e: unknown) =>
        notify('warning', 'notice.editFailed', { reason: String(e) }),
      );
    }
  });

  return controller;
}

export type SimController = ReturnType<typeof createSimController>;
