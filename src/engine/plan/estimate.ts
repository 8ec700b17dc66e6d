/**
 * Cost before running: rates × sizes × hours × the price book, from the design alone. Per node
 * and item, per hour and per 730-hour month. The studio shows it while nothing runs; the metered
 * cost (cost.ts) replaces it once a run starts.
 */
import type { NodeKind, PipelineDoc } from '../../model/types.ts';
import { PRICE_ASSUMPTIONS, PRICE_BOOKS } from '../pricing.ts';
import { designLoad, type NodeLoad } from './load.ts';
import { PRICE_ITEMS, type PriceContext, type PriceLine } from './price-items.ts';

export interface EstimateItem {
  nodeId: string;
  item: string;
  unit: string;
  /** Billed units per hour. */
  quantityPerHour: number;
  perHourUsd: number;
  perMonthUsd: number;
  /** Where the price comes from (pricing.ts / destination-prices.ts). */
  source: string;
}

export interface CostEstimate {
  priceBook: '2017' | 'current';
  perHourUsd: number;
  perMonthUsd: number;
  items: EstimateItem[];
  assumptions: string[];
}

export const HOURS_PER_MONTH = 730;

export const ESTIMATE_ASSUMPTIONS: readonly string[] = [
  'Estimated from the design alone: mean producer rates and record sizes, Lambda passing records on one for one, an aggregating Analytics query about one row per second, no compression.',
];

export function estimateCost(
  doc: PipelineDoc,
  book: '2017' | 'current' = doc.settings.priceBook,
): CostEstimate {
  const prices = PRICE_BOOKS[book];
  const load = designLoad(doc);
  const loadOf = (id: string): NodeLoad =>
    load.get(id) ?? { recordsPerSec: 0, bytesPerSec: 0, peakRecordsPerSec: 0 };
  const notes: string[] = [];
  const items: EstimateItem[] = [];
  for (const node of doc.nodes) {
    const ctx: PriceContext<NodeKind> = {
      node,
      doc,
      load: loadOf(node.id),
      loadOf,
      into: doc.edges.filter((e) => e.target === node.id),
      outOf: doc.edges.filter((e) => e.source === node.id),
      note: (t) => {
        if (!notes.includes(t)) notes.push(t);
      },
    };
    const lines = (PRICE_ITEMS[node.kind] as (c: PriceContext<NodeKind>) => PriceLine[])(ctx);
    for (const l of lines) {
      const p = prices[l.key];
      const perHourUsd = l.perHour * p.usd;
      items.push({
        nodeId: node.id,
        item: p.item,
        unit: p.unit,
        quantityPerHour: l.perHour,
        perHourUsd,
        perMonthUsd: perHourUsd * HOURS_PER_MONTH,
        source: p.asOf ? `${p.source}, read ${p.asOf}` : `kinesis-behaviour.md ${p.source}`,
      });
    }
  }
  const perHourUsd = items.reduce((a, i) => a + i.perHourUsd, 0);
  return {
    priceBook: book,
    perHourUsd,
    perMonthUsd: perHourUsd * HOURS_PER_MONTH,
    items,
    assumptions: [...ESTIMATE_ASSUMPTIONS, ...PRICE_ASSUMPTIONS[book], ...notes],
  };
}
