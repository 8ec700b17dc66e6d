// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EdgeLive, LiveFrame } from '../../engine/api.ts';
import { initialSimState, simStore } from '../../store/simStore.ts';
import { studioStore } from '../../store/studio.ts';
import { i18n, loadLanguage } from '../i18n/index.ts';
import { EdgeLiveLabel, shownAgoSec } from './EdgeLiveLabel.tsx';

const wrap = (ui: React.ReactNode) => render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);

function frame(simMs: number, edges: Record<string, EdgeLive>): LiveFrame {
  return {
    simMs,
    nodes: {},
    edges,
    markers: [],
    cost: { priceBook: 'current', totalUsd: 0, perHourUsd: 0, perMonthUsd: 0, items: [], assumptions: [] },
  };
}

/** A new frame at `simMs` (sim ms) carrying the same edge objects, as the frame codec keeps them. */
function showAt(simMs: number, edges: Record<string, EdgeLive>) {
  act(() => simStore.setState({ ...initialSimState, status: 'running', frame: frame(simMs, edges), simMs }));
}

/** Firehose → S3 between 60 s flushes: the flush at 120 s delivered 600 records of 200 bytes. */
const betweenFlushes: EdgeLive = {
  recordsPerSec: 0,
  bytesPerSec: 0,
  throttledPerSec: 0,
  lastActive: { atMs: 121_000, records: 600, bytes: 120_000 },
};
const steady: EdgeLive = { recordsPerSec: 400, bytesPerSec: 80_000, throttledPerSec: 0 };

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  simStore.setState({ ...initialSimState });
});

// Japanese texts are a lazily loaded chunk in the app; load them before any test switches to them.
beforeAll(() => loadLanguage('ja'));

describe('an edge label between bursts', () => {
  it('Firehose → S3 8 s after a flush reads "last 600 rec · 8 s ago"; the sentence is its title and accessible name', () => {
    wrap(<EdgeLiveLabel edgeId="toS3" />);
    showAt(129_400, { toS3: betweenFlushes });
    const compact = screen.getByText('last 600 rec · 8 s ago');
    expect(compact.getAttribute('aria-hidden')).toBe('true');
    const label = compact.parentElement as HTMLElement;
    expect(label.getAttribute('title')).toBe('0 rec/s now, last 600 rec 8 s ago');
    expect(label.className).toBe('edge-live edge-live--idle');
    expect(screen.getByText('0 rec/s now, last 600 rec 8 s ago').className).toBe('sr-only');
    // 3 min 5 s later it says minutes, rounded down.
    showAt(121_000 + 185_000, { toS3: betweenFlushes });
    expect(screen.getByText('last 600 rec · 3 min ago')).toBeTruthy();
  });

  it('a steady edge and one nothing has crossed yet show their rate only', () => {
    wrap(
      <>
        <EdgeLiveLabel edgeId="a" />
        <EdgeLiveLabel edgeId="b" />
      </>,
    );
    showAt(64_000, { a: steady, b: { recordsPerSec: 0, bytesPerSec: 0, throttledPerSec: 0 } });
    expect(screen.getAllByText('400 rec/s')).toHaveLength(2);
    expect(screen.getAllByText('0 rec/s')).toHaveLength(2);
    expect(screen.queryByText(/last/)).toBeNull();
  });

  it('an edge whose target refuses everything (an outage) shows the refusals, not its last delivery', () => {
    wrap(<EdgeLiveLabel edgeId="toS3" />);
    showAt(129_000, { toS3: { ...betweenFlushes, throttledPerSec: 600 } });
    expect(screen.getByText('0 rec/s, 600 throttled/s')).toBeTruthy();
    expect(screen.queryByText(/last/)).toBeNull();
  });

  it('re-renders an idle label once a simulated second and a steady one never, without going through i18next (cached templates)', () => {
    const commits: Record<string, number> = { idle: 0, steady: 0 };
    const count = (id: string) => () => {
      commits[id]++;
    };
    wrap(
      <>
        <Profiler id="idle" onRender={count('idle')}>
          <EdgeLiveLabel edgeId="toS3" />
        </Profiler>
        <Profiler id="steady" onRender={count('steady')}>
          <EdgeLiveLabel edgeId="clicks" />
        </Profiler>
      </>,
    );
    const edges = { toS3: betweenFlushes, clicks: steady };
    showAt(129_100, edges);
    const after = { ...commits };
    const t = vi.spyOn(i18n, 't');
    // Same edge objects, the clock moves within the same simulated second: nothing renders.
    for (const simMs of [129_400, 129_700, 129_900]) act(() => simStore.setState({ simMs }));
    expect(commits).toEqual(after);
    expect(t).not.toHaveBeenCalled();
    // The next second: only the idle label; its unit, compact label and sentence come from
    // templates cached at the first render (useFastT), not from i18next's t.
    act(() => simStore.setState({ simMs: 130_000 }));
    expect(commits).toEqual({ idle: after.idle + 1, steady: after.steady });
    expect(t).not.toHaveBeenCalled();
    expect(screen.getByText('last 600 rec · 9 s ago')).toBeTruthy();
  });

  it('past a minute the words change once a minute, so it re-renders once a simulated minute', () => {
    let commits = 0;
    wrap(
      <Profiler id="idle" onRender={() => commits++}>
        <EdgeLiveLabel edgeId="toS3" />
      </Profiler>,
    );
    const edges = { toS3: betweenFlushes };
    showAt(121_000 + 120_000, edges);
    const after = commits;
    for (let s = 121; s <= 179; s++) act(() => simStore.setState({ simMs: 121_000 + s * 1000 }));
    expect(commits).toBe(after);
    expect(screen.getByText('last 600 rec · 2 min ago')).toBeTruthy();
    act(() => simStore.setState({ simMs: 121_000 + 180_000 }));
    expect(commits).toBe(after + 1);
    expect(screen.getByText('last 600 rec · 3 min ago')).toBeTruthy();
  });

  it('in Japanese: 「8 秒前に 600 件」, the sentence 「現在 0 件/秒、8 秒前に 600 件」', async () => {
    act(() => studioStore.getState().setLocale('ja'));
    try {
      wrap(<EdgeLiveLabel edgeId="toS3" />);
      showAt(129_000, { toS3: betweenFlushes });
      const compact = screen.getByText('8 秒前に 600 件');
      expect(compact.parentElement?.getAttribute('title')).toBe('現在 0 件/秒、8 秒前に 600 件');
    } finally {
      act(() => studioStore.getState().setLocale('en'));
    }
  });
});

describe('shownAgoSec', () => {
  it('keeps seconds under a minute, then rounds down to the minute and the hour (sim ms in, s out)', () => {
    expect(shownAgoSec(8_999)).toBe(8);
    expect(shownAgoSec(-200)).toBe(0);
    expect(shownAgoSec(185_000)).toBe(180);
    expect(shownAgoSec(7_300_000)).toBe(7_200);
  });
});
