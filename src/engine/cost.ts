/**
 * The cost meter. Runtimes accrue billed quantities through `accrue(nodeId, key, quantity)`; the
 * meter turns them into USD with the selected price book. Per-hour and per-month rates extrapolate
 * the last simulated minute (or the run so far when shorter).
 */
import type { CostItem, CostSummary } from './api.ts';
import { PRICE_ASSUMPTIONS, PRICE_BOOKS, type PriceKey } from './pricing.ts';

export class CostMeter {
  private readonly quantities = new Map<string, { nodeId: string; key: PriceKey; quantity: number }>();
  /** Total USD at the end of each of the last 61 simulated seconds (ring). */
  private readonly history = new Float64Array(61);
  private seconds = 0;
  private readonly extra: string[] = [];

  constructor(readonly book: '2017' | 'current') {}

  accrue(nodeId: string, key: PriceKey, quantity: number): void {
    if (quantity === 0) return;
    const k = `${nodeId}\u0000${key}`;
    const e = this.quantities.get(k);
    if (e) e.quantity += quantity;
    else this.quantities.set(k, { nodeId, key, quantity });
  }

  /** Add a line to the summary's assumptions (once). */
  assume(text: string): void {
    if (!this.extra.includes(text)) this.extra.push(text);
  }

  totalUsd(): number {
    const prices = PRICE_BOOKS[this.book];
    let t = 0;
    for (const e of this.quantities.values()) t += e.quantity * prices[e.key].usd;
    return t;
  }

  /** Called by the simulation at each closed simulated second. */
  rollSecond(): void {
    this.seconds++;
    this.history[this.seconds % 61] = this.totalUsd();
  }

  summary(): CostSummary {
    const prices = PRICE_BOOKS[this.book];
    const items: CostItem[] = [];
    for (const e of this.quantities.values()) {
      const p = prices[e.key];
      items.push({
        nodeId: e.nodeId,
        item: p.item,
        quantity: r(e.quantity),
        unit: p.unit,
        usd: r(e.quantity * p.usd),
      });
    }
    items.sort((a, b) =>
      a.nodeId === b.nodeId ? a.item.localeCompare(b.item) : a.nodeId < b.nodeId ? -1 : 1,
    );
    const total = this.totalUsd();
    const span = Math.min(60, this.seconds);
    const before = span === this.seconds ? 0 : this.history[(this.seconds - span) % 61];
    const perSec = span > 0 ? (this.history[this.seconds % 61] - before) / span : 0;
    return {
      priceBook: this.book,
      totalUsd: r(total),
      perHourUsd: r(perSec * 3600),
      perMonthUsd: r(perSec * 3600 * 730),
      items,
      assumptions: [...PRICE_ASSUMPTIONS[this.book], ...this.extra],
    };
  }
}

function r(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}
