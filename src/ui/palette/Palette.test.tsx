// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { studioStore } from '../../store/studio.ts';
import { i18n, loadLanguage } from '../i18n/index.ts';
import { Palette } from './Palette.tsx';

function renderPalette() {
  return render(
    <I18nextProvider i18n={i18n}>
      <Palette />
    </I18nextProvider>,
  );
}

afterEach(() => {
  cleanup();
  act(() => studioStore.getState().setLocale('en'));
  void i18n.changeLanguage('en');
});

// Japanese texts are a lazily loaded chunk in the app; load them before any test switches to them.
beforeAll(() => loadLanguage('ja'));

describe('palette', () => {
  it('offers every kind as a button named after it, grouped by service', () => {
    renderPalette();
    for (const name of [
      'Producer',
      'Data stream',
      'Lambda function',
      'Firehose delivery stream',
      'S3 bucket',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups).toEqual(['Producers', 'Streams', 'Compute', 'Analytics', 'Delivery', 'Destinations']);
  });

  it('filters by search text in either language ("shard" finds the data stream by its description)', () => {
    renderPalette();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search services' }), {
      target: { value: 'shard' },
    });
    expect(screen.getByRole('button', { name: 'Data stream' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'DynamoDB table' })).toBeNull();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search services' }), {
      target: { value: 'バケット' },
    });
    expect(screen.getByRole('button', { name: 'S3 bucket' })).toBeTruthy();
    expect(screen.getAllByRole('button')).toHaveLength(1);
  });

  it('each click adds a node with the next free name and selects it; each is its own undo step', () => {
    const before = studioStore.getState().doc.nodes.length;
    renderPalette();
    fireEvent.click(screen.getByRole('button', { name: 'Data stream' }));
    fireEvent.click(screen.getByRole('button', { name: 'Data stream' }));
    const { doc, selection } = studioStore.getState();
    const streams = doc.nodes.slice(before).map((n) => n.name);
    expect(streams).toEqual(['stream-1', 'stream-2']);
    expect(selection.nodeIds).toEqual([doc.nodes[doc.nodes.length - 1].id]);
    act(() => studioStore.getState().undo());
    expect(
      studioStore
        .getState()
        .doc.nodes.slice(before)
        .map((n) => n.name),
    ).toEqual(['stream-1']);
  });

  it('speaks Japanese when the studio does', async () => {
    act(() => studioStore.getState().setLocale('ja'));
    await i18n.changeLanguage('ja');
    renderPalette();
    expect(screen.getByRole('button', { name: 'データストリーム' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '送信先' })).toBeTruthy();
  });
});
