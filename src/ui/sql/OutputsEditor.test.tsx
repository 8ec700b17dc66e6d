// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/index.ts';
import type { AnalyticsConfig, PipelineDoc } from '../../model/types.ts';
import { OutputsEditor, ReferenceEditor } from './ReferenceOutputs.tsx';

afterEach(cleanup);

const SQL =
  'CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (C INTEGER);\nCREATE OR REPLACE STREAM "ALERTS" (A INTEGER);';
const base = {
  sql: SQL,
  inputNamePrefix: 'SOURCE_SQL_STREAM',
  columns: [],
  reference: null,
  outputs: [],
} as unknown as AnalyticsConfig;
const doc = {
  nodes: [
    { id: 'a', kind: 'analytics', name: 'counter', config: base },
    { id: 'f', kind: 'firehose', name: 'to-s3', config: {} },
    { id: 'l', kind: 'lambda', name: 'alerter', config: {} },
  ],
  edges: [
    { id: 'e1', source: 'a', target: 'f', config: {} },
    { id: 'e2', source: 'a', target: 'l', config: {} },
  ],
} as unknown as PipelineDoc;

describe('OutputsEditor', () => {
  it('adds an output wired to DESTINATION_SQL_STREAM and the first connected node', () => {
    const update = vi.fn();
    render(<OutputsEditor nodeId="a" doc={doc} config={base} update={update} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add output' }));
    expect(update.mock.calls[0]?.[0]).toEqual({
      outputs: [{ inAppStream: 'DESTINATION_SQL_STREAM', edgeTarget: 'f', format: 'JSON' }],
    });
  });

  it('offers the streams the SQL creates and the connected nodes; warns about stale choices', () => {
    const config = {
      ...base,
      outputs: [{ inAppStream: 'OLD_STREAM', edgeTarget: 'gone', format: 'JSON' as const }],
    };
    render(<OutputsEditor nodeId="a" doc={doc} config={config} update={() => {}} />);
    const stream = screen.getByLabelText('In-application stream of output 1') as HTMLSelectElement;
    expect([...stream.options].map((o) => o.value)).toEqual([
      'OLD_STREAM',
      'DESTINATION_SQL_STREAM',
      'ALERTS',
    ]);
    const target = screen.getByLabelText('Destination of output 1') as HTMLSelectElement;
    expect([...target.options].map((o) => o.textContent)).toEqual(['gone', 'to-s3', 'alerter']);
    expect(screen.getByText(/The SQL does not create a stream named OLD_STREAM\./)).toBeTruthy();
    expect(screen.getByText(/The destination is not connected to this node\./)).toBeTruthy();
  });

  it('stops at 3 outputs, as KDA does', () => {
    const o = { inAppStream: 'ALERTS', edgeTarget: 'l', format: 'JSON' as const };
    render(<OutputsEditor nodeId="a" doc={doc} config={{ ...base, outputs: [o, o, o] }} update={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Add output' })).toBeNull();
    expect(screen.getByText('KDA allows at most 3 outputs.')).toBeTruthy();
  });
});

describe('ReferenceEditor', () => {
  it('adds a reference table and discovers its columns from JSON lines', () => {
    const update = vi.fn();
    const { rerender } = render(<ReferenceEditor nodeId="a" config={base} update={update} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add reference table' }));
    const added = update.mock.calls[0]?.[0] as Partial<AnalyticsConfig>;
    expect(added.reference?.tableName).toBe('REFERENCE_DATA');
    const withRows = {
      ...base,
      reference: {
        tableName: 'COMPANIES',
        columns: [],
        rowsJsonl: '{"Ticker": "AMZN", "Company": "Amazon"}',
      },
    };
    rerender(<ReferenceEditor nodeId="a" config={withRows} update={update} />);
    fireEvent.click(screen.getByRole('button', { name: 'Discover columns from rows' }));
    const discovered = update.mock.calls[1]?.[0] as Partial<AnalyticsConfig>;
    expect(discovered.reference?.columns).toEqual([
      { name: 'TICKER', sqlType: 'VARCHAR(4)', mapping: '$.Ticker' },
      { name: 'COMPANY', sqlType: 'VARCHAR(8)', mapping: '$.Company' },
    ]);
  });
});
