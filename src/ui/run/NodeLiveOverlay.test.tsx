// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LiveFrame, NodeLive, ShardLive } from '../../engine/api.ts';
import { initialSimState, simStore } from '../../store/simStore.ts';
import { studioStore } from '../../store/studio.ts';
import { i18n, loadLanguage } from '../i18n/index.ts';
import { EdgeLiveLabel } from './EdgeLiveLabel.tsx';
import { NodeLiveOverlay } from './NodeLiveOverlay.tsx';

function shard(i: number, writeUtilization: number, throttled: number): ShardLive {
  return {
    shardId: `shardId-00000000000${i}`,
    startingHashKey: String(i * 100),
    endingHashKey: String(i * 100 + 99),
    open: true,
    parentShardIds: [],
    // Accepted writes cap at the 1,000 rec/s limit: a hot shard reports 100 % plus its refused puts.
    writeUtilization: Math.min(1, writeUtilization),
    readUtilization: 0.1,
    incomingRecordsPerSec: Math.min(1000, writeUtilization * 1000),
    incomingBytesPerSec: 0,
    writeThrottledPerSec: throttled,
    readThrottledPerSec: 0,
    iteratorAgeMs: 0,
  };
}

function node(extra: Partial<NodeLive>): NodeLive {
  return {
    inRecordsPerSec: 1_200,
    inBytesPerSec: 1_258_291,
    outRecordsPerSec: 0,
    outBytesPerSec: 0,
    utilization: 1.4,
    throttledPerSec: 400,
    counters: { throttled: 2_000 },
    ...extra,
  };
}

function show(nodes: Record<string, NodeLive>, edges: LiveFrame['edges'] = {}) {
  const frame: LiveFrame = {
    simMs: 5_000,
    nodes,
    edges,
    markers: [],
    cost: { priceBook: 'current', totalUsd: 0, perHourUsd: 0, perMonthUsd: 0, items: [], assumptions: [] },
  };
  act(() => simStore.setState({ ...initialSimState, status: 'running', frame, simMs: 5_000 }));
}

const wrap = (ui: React.ReactNode) => render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);

afterEach(() => {
  cleanup();
  simStore.setState({ ...initialSimState });
});

// Japanese texts are a lazily loaded chunk in the app; load them before any test switches to them.
beforeAll(() => loadLanguage('ja'));

describe('live figures on a node card', () => {
  it('shows nothing while no run exists', () => {
    const { container } = wrap(<NodeLiveOverlay nodeId="s" kind="stream" />);
    expect(container.textContent).toBe('');
  });

  it('a hot shard among four is named as throttling with its rec/s, its neighbours are not', () => {
    wrap(<NodeLiveOverlay nodeId="s" kind="stream" />);
    show({
      s: node({ shards: [shard(0, 0.2, 0), shard(1, 0.25, 0), shard(2, 1.4, 400), shard(3, 0.2, 0)] }),
    });
    expect(
      screen.getByRole('img', {
        name: 'shardId-000000000002: 1,400 rec/s · write 140 %, read 10 %, throttling',
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'shardId-000000000001: 250 rec/s · write 25 %, read 10 %' }),
    ).toBeTruthy();
    // The busiest shard in words, visible on the card (1,000 accepted + 400 refused a second).
    expect(
      screen.getByText('busiest: shard 2: 1,400 rec/s · 140 %') /* NBSP before % normalised */,
    ).toBeTruthy();
    expect(screen.getAllByRole('img', { name: /throttling/ })).toHaveLength(1);
    expect(screen.getByText(/more shards will not spread it/)).toBeTruthy();
    // The tooltip gives the hash key range.
    expect(screen.getByRole('img', { name: /000000000002/ }).getAttribute('title')).toContain(
      'Hash keys 200 – 299',
    );
  });

  it("a producer's card names throttled attempts (retries included) and the records finally dropped", () => {
    wrap(<NodeLiveOverlay nodeId="p" kind="producer" />);
    show({ p: node({ throttledPerSec: 3_238, counters: { throttled: 97_000, dropped: 12_000 } }) });
    expect(screen.getByRole('status').textContent).toContain(
      '3,238 throttled attempts/s (97,000 in total, retries included) · 12,000 records dropped',
    );
  });

  it('the utilisation bar carries its % as text and the red band above 85 %', () => {
    wrap(<NodeLiveOverlay nodeId="s" kind="stream" />);
    show({ s: node({ shards: [shard(0, 1.4, 400)] }) });
    const meter = screen.getByRole('meter', { name: 'Utilisation 140 %, over the limit' });
    expect(meter.className).toContain('live__bar--hot');
    expect(screen.getByText('140 %')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('400/s throttled (2,000 in total)');
    // 1,258,291 B/s = 1.20 MiB/s.
    expect(screen.getByText('1,200 rec/s · 1.20 MiB/s')).toBeTruthy();
  });

  it('zoomed far out a card keeps colour and shape: the bar with its %, a throttle mark, the shard strip; no rates', () => {
    wrap(<NodeLiveOverlay nodeId="s" kind="stream" compact />);
    show({ s: node({ shards: [shard(0, 0.2, 0), shard(1, 1.4, 400)] }) });
    expect(screen.getByRole('meter', { name: /140/ })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('400');
    expect(screen.getAllByRole('img', { name: /throttling/ })).toHaveLength(1);
    expect(screen.queryByText(/rec\/s ·/)).toBeNull();
  });

  it('a 65-shard stream shows a compact histogram instead of 65 cells', () => {
    wrap(<NodeLiveOverlay nodeId="s" kind="stream" />);
    const shards = Array.from({ length: 65 }, (_, i) => shard(i, i === 7 ? 1.2 : 0.3, i === 7 ? 200 : 0));
    show({ s: node({ shards }) });
    expect(screen.getByRole('img', { name: '100–∞ %: 1 shards' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '20–40 %: 64 shards' })).toBeTruthy();
    expect(screen.queryByRole('img', { name: /shardId/ })).toBeNull();
  });

  it('Lambda shows concurrency and iterator age; Firehose its buffer and the time to the next flush', () => {
    wrap(
      <>
        <NodeLiveOverlay nodeId="fn" kind="lambda" />
        <NodeLiveOverlay nodeId="fh" kind="firehose" />
      </>,
    );
    show({
      fn: node({
        utilization: 0.3,
        lambda: {
          concurrency: 4,
          iteratorAgeMs: 95_000,
          errorsPerSec: 0,
          invocationsPerSec: 2,
          durationMs: 1_250,
          shardIteratorAgeMs: { 'shardId-000000000000': 95_000, 'shardId-000000000001': 40 },
        },
      }),
      fh: node({
        utilization: 0.5,
        firehose: {
          bufferBytes: 2_621_440,
          bufferRecords: 100,
          bufferLimitBytes: 5_242_880,
          msToFlush: 42_000,
        },
      }),
    });
    expect(screen.getByText('Concurrency 4')).toBeTruthy();
    expect(screen.getByText('Iterator age 1 min 35 s')).toBeTruthy();
    expect(screen.getByText('Duration 1.3 s')).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Buffer filled 50 %' })).toBeTruthy();
    expect(screen.getByText('Flush in 42.0 s')).toBeTruthy();
  });

  it('an edge shows its records/s, and the throttled rate when its target refuses records', () => {
    wrap(<EdgeLiveLabel edgeId="e" />);
    show({}, { e: { recordsPerSec: 1_000, bytesPerSec: 0, throttledPerSec: 500 } });
    // Compact on the edge, the whole sentence for screen readers and as the tooltip.
    const label = screen.getByText('1,000 rec/s, 500 throttled/s');
    expect(label.parentElement?.getAttribute('title')).toBe('1,000 rec/s, 500 throttled/s');
    expect(screen.getByText('1,000 rec/s ⚠')).toBeTruthy();
  });

  it('S3 between Firehose flushes: in 0 rec/s, last 600 rec 8 s ago, the 1 min average as tooltip', () => {
    wrap(<NodeLiveOverlay nodeId="b" kind="s3" />);
    const s3 = node({
      inRecordsPerSec: 0,
      inBytesPerSec: 0,
      utilization: 0,
      throttledPerSec: 0,
      counters: {},
      activity: {
        windowSec: 60,
        avgInRecordsPerSec: 10,
        avgInBytesPerSec: 2_000,
        avgOutRecordsPerSec: 0,
        avgOutBytesPerSec: 0,
        lastIn: { atMs: 121_000, records: 600, bytes: 120_000 },
      },
    });
    showAt(129_400, { b: s3 });
    const line = rate('0 rec/s, last 600 rec 8 s ago');
    // The "last" part is one block, so a narrow card wraps it whole.
    expect(screen.getByText('last 600 rec 8 s ago').className).toBe('live__last');
    expect(line.getAttribute('title')).toBe('Average over the last 1 min: 10 rec/s, <0.01 MiB/s');
    // The clock moves on, the figures do not: only the "ago" follows it, in whole seconds.
    showAt(130_100, { b: s3 });
    expect(rate('0 rec/s, last 600 rec 9 s ago')).toBeTruthy();
    showAt(121_000 + 185_000, { b: s3 });
    expect(rate('0 rec/s, last 600 rec 3 min ago')).toBeTruthy();
  });

  it('the clock alone re-renders an idle card once a simulated second and a steady card never', () => {
    const commits: Record<string, number> = { b: 0, p: 0 };
    const count = (id: string) => () => {
      commits[id]++;
    };
    wrap(
      <>
        <Profiler id="b" onRender={count('b')}>
          <NodeLiveOverlay nodeId="b" kind="s3" />
        </Profiler>
        <Profiler id="p" onRender={count('p')}>
          <NodeLiveOverlay nodeId="p" kind="producer" />
        </Profiler>
      </>,
    );
    const last = { atMs: 121_000, records: 600, bytes: 120_000 };
    const averages = {
      windowSec: 60,
      avgInRecordsPerSec: 10,
      avgInBytesPerSec: 2_000,
      avgOutRecordsPerSec: 10,
      avgOutBytesPerSec: 2_000,
    };
    const nodes = {
      b: node({ inRecordsPerSec: 0, inBytesPerSec: 0, activity: { ...averages, lastIn: last } }),
      p: node({ outRecordsPerSec: 10, activity: { ...averages, lastOut: { ...last, atMs: 129_000 } } }),
    };
    const frame = (simMs: number) => {
      const f: LiveFrame = {
        simMs,
        nodes,
        edges: {},
        markers: [],
        cost: {
          priceBook: 'current',
          totalUsd: 0,
          perHourUsd: 0,
          perMonthUsd: 0,
          items: [],
          assumptions: [],
        },
      };
      return f;
    };
    act(() =>
      simStore.setState({ ...initialSimState, status: 'running', frame: frame(129_100), simMs: 129_100 }),
    );
    const after = { ...commits };
    // Same figures (the same node objects, as the frame codec keeps them), the clock moves on.
    for (const simMs of [129_400, 129_900]) act(() => simStore.setState({ frame: frame(simMs), simMs }));
    expect(commits).toEqual(after);
    act(() => simStore.setState({ frame: frame(130_000), simMs: 130_000 }));
    expect(commits.b).toBe(after.b + 1);
    expect(commits.p).toBe(after.p);
    expect(rate('0 rec/s, last 600 rec 9 s ago')).toBeTruthy();
  });

  it('a steady flow shows its rate only, and so does a node nothing has reached yet', () => {
    wrap(
      <>
        <NodeLiveOverlay nodeId="p" kind="producer" />
        <NodeLiveOverlay nodeId="q" kind="stream" />
      </>,
    );
    const steady = { atMs: 64_000, records: 10, bytes: 2_000 };
    showAt(64_300, {
      p: node({
        outRecordsPerSec: 10,
        outBytesPerSec: 2_000,
        activity: {
          windowSec: 60,
          avgInRecordsPerSec: 10,
          avgInBytesPerSec: 2_000,
          avgOutRecordsPerSec: 10,
          avgOutBytesPerSec: 2_000,
          lastIn: steady,
          lastOut: steady,
        },
      }),
      q: node({ inRecordsPerSec: 0, inBytesPerSec: 0 }),
    });
    expect(screen.getByText('10 rec/s · <0.01 MiB/s')).toBeTruthy();
    expect(screen.getAllByText('0 rec/s · 0.00 MiB/s')).toHaveLength(2);
    expect(screen.queryByText(/last/)).toBeNull();
  });

  it('in Japanese the Analytics card reads 「3 秒前に 10 件」 between 10 s windows', async () => {
    act(() => studioStore.getState().setLocale('ja'));
    try {
      wrap(<NodeLiveOverlay nodeId="a" kind="analytics" />);
      showAt(64_000, {
        a: node({
          inRecordsPerSec: 100,
          inBytesPerSec: 0,
          outRecordsPerSec: 0,
          activity: {
            windowSec: 13,
            avgInRecordsPerSec: 100,
            avgInBytesPerSec: 0,
            avgOutRecordsPerSec: 10 / 13,
            avgOutBytesPerSec: 0,
            lastIn: { atMs: 64_000, records: 100, bytes: 0 },
            lastOut: { atMs: 61_000, records: 10, bytes: 0 },
          },
        }),
      });
      const line = rate('0 件/秒、3 秒前に 10 件');
      expect(line.getAttribute('title')).toBe('直近 13 秒の平均: 0.8 件/秒、0.00 MiB/秒');
      expect(screen.getByText('100 件/秒 · 0.00 MiB/秒')).toBeTruthy();
    } finally {
      act(() => studioStore.getState().setLocale('en'));
    }
  });
});

function showAt(simMs: number, nodes: Record<string, NodeLive>) {
  const frame: LiveFrame = {
    simMs,
    nodes,
    edges: {},
    markers: [],
    cost: { priceBook: 'current', totalUsd: 0, perHourUsd: 0, perMonthUsd: 0, items: [], assumptions: [] },
  };
  act(() => simStore.setState({ ...initialSimState, status: 'running', frame, simMs }));
}

/** The figure (a <dd>) whose whole text is `text`, across its spans. */
function rate(text: string): HTMLElement {
  return screen.getByText((_, el) => el?.tagName === 'DD' && el.textContent === text);
}
