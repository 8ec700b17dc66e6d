/** The comparison report: Markdown for people, CSV for a spreadsheet, with the same figures. */
import { describe, expect, it } from 'vitest';
import { createNode, emptyDocument } from '../model/factory.ts';
import type { PipelineDoc } from '../model/types.ts';
import { entryFromFigures, type HistorySeries } from './history-entry.ts';
import { comparisonCsv, comparisonMarkdown, overlayRows } from './history-report.ts';

function design(shards: number): PipelineDoc {
  const stream = createNode('stream', { id: 'telemetry', position: { x: 0, y: 0 }, existingNames: [] });
  if (stream.kind === 'stream') {
    stream.name = 'telemetry';
    stream.config.shardCount = shards;
  }
  return { ...emptyDocument('Hot partition key'), nodes: [stream] };
}

const figures = (throttled: number, dropped: number, cost: number) => ({
  offeredRecords: 600_000,
  acceptedRecords: 600_000 - dropped,
  throttledRecords: throttled,
  droppedRecords: dropped,
  maxIteratorAgeMs: 0,
  costPerMonthUsd: cost,
});

// The example: B throttles 0 instead of 75,000 and costs $152 more per month.
const a = {
  ...entryFromFigures({
    design: design(2),
    seed: 42,
    durationSec: 300,
    figures: figures(75_000, 1_200, 43.8),
  }),
  label: 'two shards',
};
const b = {
  ...entryFromFigures({ design: design(12), seed: 42, durationSec: 300, figures: figures(0, 0, 195.8) }),
  label: 'twelve shards',
};

describe('comparison report', () => {
  it('Markdown: the verdict, then figures in columns with B − A', () => {
    const md = comparisonMarkdown(a, b);
    expect(md).toContain('# Comparison: A “two shards” · B “twelve shards”');
    expect(md).toContain(
      'B throttles 0 instead of 75,000 put attempts, drops 0 instead of 1,200 records and costs $152 more per month.',
    );
    expect(md).toContain('| Shards · telemetry | 2 | 12 | +10 |');
    expect(md).toContain('| Throttled put attempts | 75,000 | 0 | −75,000 |');
    expect(md).toContain('| Cost per month | $43.80 | $196 | +$152 |');
    expect(md).toContain('- **A** two shards · seed 42 · simulated 300 s · price book current');
  });

  it('Markdown in Japanese', () => {
    const md = comparisonMarkdown(a, b, 'ja');
    expect(md).toContain('## 結論');
    expect(md).toContain(
      'B ではスロットリングされた書き込み試行が 75,000 回ではなく 0 回、ドロップが 1,200 件ではなく 0 件です。月額コストは $152 高くなります。',
    );
    expect(md).toContain('| スロットリングされた書き込み試行 | 75,000 | 0 | −75,000 |');
  });

  it('CSV: raw numbers, then the overlaid series on one time axis', () => {
    const sa: HistorySeries = {
      nodeId: 'p',
      t: [0, 1, 2],
      columns: { T: [0, 900, 1000] },
      units: { T: 'rec/s' },
    };
    const sb: HistorySeries = { nodeId: 'p', t: [0, 2, 4], columns: { T: [0, 0, 5] }, units: { T: 'rec/s' } };
    const csv = comparisonCsv(a, b, { title: 'p · T', metric: 'T', a: sa, b: sb }).split('\n');
    expect(csv[0]).toBe('figure,unit,a,b,b_minus_a');
    expect(csv).toContain('Throttled put attempts,attempts,75000,0,-75000');
    expect(csv).toContain('Cost per month,usd,43.8,195.8,152');
    expect(csv.slice(csv.indexOf('t_sec,a,b'))).toEqual([
      't_sec,a,b',
      '0,0,0',
      '1,900,',
      '2,1000,0',
      '4,,5',
      '',
    ]);
    expect(overlayRows(sa, undefined, 'T')).toHaveLength(3);
  });
});
