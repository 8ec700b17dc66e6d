// @vitest-environment happy-dom
/**
 * The Sweep tab on the hot-key template: the form's defaults and refusals, results filling in from
 * a real (in-process) sweep, the recommended row marked, Apply as one undoable change.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as Comlink from 'comlink';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { gridPoints } from '../../engine/plan/sweep-grid.ts';
import { hotKey } from '../../model/templates/teaching.ts';
import type { PipelineNode } from '../../model/types.ts';
import { studioStore } from '../../store/studio.ts';
import { startSweep, sweepStore } from '../../store/sweep.ts';
import type { SpawnedWorker } from '../../worker/engineClient.ts';
import { sweepWorkerApi } from '../../worker/sweep-worker-api.ts';
import { i18n } from '../i18n/index.ts';
import { SweepTab } from './SweepTab.tsx';

function spawn(): SpawnedWorker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(sweepWorkerApi, port1 as unknown as Comlink.Endpoint);
  return {
    endpoint: port2 as unknown as Comlink.Endpoint,
    terminate: () => {
      port1.close();
      port2.close();
    },
  };
}

const shards = () =>
  (studioStore.getState().doc.nodes.find((n) => n.id === 'telemetry') as PipelineNode & { kind: 'stream' })
    .config.shardCount;

afterEach(cleanup);

describe('Sweep tab', () => {
  it('offers the stream’s shards 1..16 and refuses an empty range', () => {
    act(() => {
      studioStore.getState().setLocale('en');
      studioStore.getState().loadDocument(hotKey.doc);
    });
    render(
      <I18nextProvider i18n={i18n}>
        <SweepTab />
      </I18nextProvider>,
    );
    const vary = screen.getByRole('group', { name: 'Vary' });
    expect((within(vary).getByRole('combobox', { name: 'Field' }) as HTMLSelectElement).value).toBe(
      'shardCount',
    );
    expect((within(vary).getByRole('spinbutton', { name: 'To' }) as HTMLInputElement).value).toBe('16');
    expect(screen.getByText('16 runs × 60 simulated s')).toBeTruthy();
    fireEvent.change(within(vary).getByRole('spinbutton', { name: 'To' }), { target: { value: '0' } });
    expect(screen.getByText('Shards: “To” must not be below “from”.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Run sweep' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('fills the table as points finish, marks the recommendation, applies it as one undo step', async () => {
    act(() => studioStore.getState().loadDocument(hotKey.doc));
    render(
      <I18nextProvider i18n={i18n}>
        <SweepTab />
      </I18nextProvider>,
    );
    const spec = {
      axes: [{ nodeId: 'telemetry', field: 'shardCount', values: [1, 2, 3, 4] }],
      durationSec: 10,
      headroom: 0.8,
    };
    act(() => {
      startSweep(hotKey.doc, spec, { spawn, size: 2 });
    });
    expect(screen.getByRole('progressbar', { name: 'Sweep progress' })).toBeTruthy();
    await waitFor(() => expect(sweepStore.getState().status).toBe('finished'), { timeout: 30_000 });
    const table = await screen.findByRole('table', { name: 'Sweep results' });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(screen.queryByRole('progressbar')).toBeNull();
    // The hot key's floor: the sizing answer is 3 shards, the lowest throttling in 1..4 is at 4.
    const rec = sweepStore.getState().recommendation;
    expect(rec?.hotKeys).toEqual(['device-0001']);
    const best = within(table)
      .getByText(/★ Recommended/)
      .closest('tr') as HTMLElement;
    expect(within(best).getByRole('rowheader').textContent).toContain(String(rec?.values[0]));
    expect(gridPoints(spec.axes)[rec?.index ?? -1].values).toEqual(rec?.values);

    const region = screen.getByRole('region', { name: 'Recommended' });
    fireEvent.click(
      within(region).getByRole('button', { name: /^Apply telemetry · Shards = \d+ to the design$/ }),
    );
    expect(shards()).toBe(rec?.values[0]);
    act(() => studioStore.getState().undo());
    expect(shards()).toBe(4);

    // No run of this design in History yet: nothing to compare with, and the tab says how to get one.
    fireEvent.click(within(region).getByRole('button', { name: 'Compare with current run' }));
    expect(await screen.findByText(/No run of this design to compare with yet/)).toBeTruthy();
    expect(studioStore.getState().bottomTab).not.toBe('history');

    // Another design open (no "telemetry" stream): the results stay, Apply is off and says why.
    act(() => studioStore.getState().loadDocument({ ...hotKey.doc, nodes: [], edges: [] }));
    expect((within(region).getByRole('button', { name: /^Apply / }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getByText(/no longer has the swept field/)).toBeTruthy();
  }, 60_000);
});
