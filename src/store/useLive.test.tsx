// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { initialSimState, simStore, useLive } from './simStore.ts';

/** Every value Ago rendered, in order. */
let rendered: number[] = [];

function Ago({ atMs }: { atMs: number }) {
  // As a card's "last output N s ago": the clock minus a time that arrives with the same frame.
  const ago = useLive((s) => Math.floor((s.simMs - atMs) / 1000), atMs);
  rendered.push(ago);
  return <span>{ago} s ago</span>;
}

afterEach(() => {
  cleanup();
  rendered = [];
  simStore.setState({ ...initialSimState });
});

describe('useLive: live values rendered as transitions', () => {
  it('follows the store: the clock moving from 12 s to 15 s reads 2 s, then 5 s ago', async () => {
    simStore.setState({ simMs: 12_000 });
    render(<Ago atMs={10_000} />);
    expect(screen.getByText('2 s ago')).toBeTruthy();
    await act(async () => simStore.setState({ simMs: 15_000 }));
    expect(screen.getByText('5 s ago')).toBeTruthy();
  });

  it('selects afresh when its key changes: a new "last output" never shows with the old clock difference', async () => {
    simStore.setState({ simMs: 20_000 });
    const { rerender } = render(<Ago atMs={10_000} />);
    expect(screen.getByText('10 s ago')).toBeTruthy();
    // The same frame brings the clock to 62 s and a last output at 61 s.
    await act(async () => {
      simStore.setState({ simMs: 62_000 });
      rerender(<Ago atMs={61_000} />);
    });
    expect(screen.getByText('1 s ago')).toBeTruthy();
    // Never "52 s ago" (new clock, old last output) nor "10 s ago" next to the new last output.
    expect(rendered.slice(1).every((v) => v === 1)).toBe(true);
  });
});
