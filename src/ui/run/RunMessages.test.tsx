// @vitest-environment happy-dom
/** Live-edit notices go on their own, each 8 wall seconds after it came. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simStore } from '../../store/simStore.ts';
import { i18n } from '../i18n/index.ts';
import { NOTICE_MS, RunMessages } from './RunMessages.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  simStore.setState({ notices: [] });
});

const refused = (id: number) => ({
  id,
  tone: 'warning' as const,
  key: 'notice.editRefused',
  values: { reason: `UpdateShardCount ${id}` },
});

describe('run notices', () => {
  it('each refusal goes 8 s after it came, even when another came since', () => {
    vi.useFakeTimers();
    render(
      <I18nextProvider i18n={i18n}>
        <RunMessages />
      </I18nextProvider>,
    );
    act(() => simStore.setState({ notices: [refused(1)] }));
    act(() => vi.advanceTimersByTime(3_000));
    act(() => simStore.setState((s) => ({ notices: [...s.notices, refused(2)] })));
    expect(screen.getByRole('status').textContent).toContain('UpdateShardCount 2');
    act(() => vi.advanceTimersByTime(NOTICE_MS - 3_000));
    // The first went 8 s after it came, although another came since.
    expect(screen.getByRole('status').textContent).not.toContain('UpdateShardCount 1');
    expect(screen.getByRole('status').textContent).toContain('UpdateShardCount 2');
    act(() => vi.advanceTimersByTime(3_000));
    expect(simStore.getState().notices).toEqual([]);
  });
});
