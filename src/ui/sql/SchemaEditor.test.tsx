// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/index.ts';
import type { AnalyticsConfig, PipelineDoc } from '../../model/types.ts';
import { renderSamples, SchemaEditor } from './SchemaEditor.tsx';
import { SqlProblems } from './SqlProblems.tsx';

afterEach(cleanup);

const config: AnalyticsConfig = {
  sql: '',
  inputNamePrefix: 'SOURCE_SQL_STREAM',
  inputFormat: 'JSON',
  recordRowPath: '$',
  csvColumnDelimiter: ',',
  csvRowDelimiter: '\n',
  columns: [],
  reference: null,
  kpus: 1,
  outputs: [],
};
const TEMPLATE =
  '{"photoId": "{{random.uuid}}", "hasMustach": {{random.boolean}}, "age": {{random.number({"min": 18, "max": 80})}}}';
const doc = {
  settings: { seed: 42, startTime: '2024-01-01T00:00:00Z' },
  nodes: [
    { id: 'p', kind: 'producer', name: 'selfie-camera', config: { template: TEMPLATE } },
    { id: 'a', kind: 'analytics', name: 'moustaches', config },
  ],
  edges: [{ id: 'e', source: 'p', target: 'a', config: {} }],
} as unknown as PipelineDoc;

describe('SchemaEditor', () => {
  it('renders samples from the upstream producer and discovers typed columns from them', () => {
    const update = vi.fn();
    render(<SchemaEditor nodeId="a" doc={doc} config={config} update={update} />);
    const samples = screen.getByLabelText('Sample records (one per line)') as HTMLTextAreaElement;
    expect(samples.value.split('\n')).toHaveLength(8);
    expect(screen.getByText('Rendered from the Data Generator template of selfie-camera.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Discover schema' }));
    expect(update).toHaveBeenCalledTimes(1);
    const [patch] = update.mock.calls[0] as [Partial<AnalyticsConfig>];
    expect(patch.columns).toEqual([
      { name: 'PHOTOID', sqlType: 'VARCHAR(64)', mapping: '$.photoId' },
      { name: 'HASMUSTACH', sqlType: 'BOOLEAN', mapping: '$.hasMustach' },
      { name: 'AGE', sqlType: 'INTEGER', mapping: '$.age' },
    ]);
    expect(screen.getByRole('status').textContent).toBe('Discovered 3 columns.');
  });

  it('reports samples that cannot be read', () => {
    const update = vi.fn();
    render(<SchemaEditor nodeId="a" doc={{ ...doc, edges: [] }} config={config} update={update} />);
    fireEvent.change(screen.getByLabelText('Sample records (one per line)'), {
      target: { value: 'not json' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Discover schema' }));
    expect(update).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toMatch(/^Discovery failed: No sample is a JSON object/);
  });

  it('edits a column through its labelled inputs', () => {
    const update = vi.fn();
    const cols = [{ name: 'AGE', sqlType: 'INTEGER', mapping: '$.age' }];
    render(<SchemaEditor nodeId="a" doc={doc} config={{ ...config, columns: cols }} update={update} />);
    fireEvent.change(screen.getByLabelText('SQL type of column 1'), { target: { value: 'bigint' } });
    expect(update.mock.calls[0]?.[0]).toEqual({
      columns: [{ name: 'AGE', sqlType: 'BIGINT', mapping: '$.age' }],
    });
  });

  it('renderSamples is deterministic for a seed', () => {
    expect(renderSamples(TEMPLATE, 1, '2024-01-01T00:00:00Z')).toEqual(
      renderSamples(TEMPLATE, 1, '2024-01-01T00:00:00Z'),
    );
  });
});

describe('SqlProblems', () => {
  it('shows each problem with its position and a visible "Apply fix" button that applies the fix', () => {
    const onFix = vi.fn();
    render(
      <SqlProblems
        state="done"
        onFix={onFix}
        problems={[
          {
            severity: 'error',
            message: 'An aggregate over a stream needs a GROUP BY on a ROWTIME window',
            line: 1,
            column: 15,
            endLine: 1,
            endColumn: 22,
            fix: { title: 'Group by STEP(ROWTIME BY INTERVAL 1 SECOND)', text: 'FIXED SQL' },
          },
        ]}
      />,
    );
    expect(screen.getByText('Line 1, column 15')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Apply fix: Group by STEP(ROWTIME BY INTERVAL 1 SECOND)' }),
    );
    expect(onFix).toHaveBeenCalledWith('FIXED SQL');
  });

  it('says so when there is nothing to fix', () => {
    render(<SqlProblems state="done" onFix={() => {}} problems={[]} />);
    expect(screen.getByRole('status').textContent).toBe('No problems found.');
  });
});
