/**
 * A data stream's shards as a heat strip: one cell per open shard, coloured by write
 * utilisation (the upper part) with read utilisation as a thin bar below. A shard over 85 % is
 * red AND striped, and says "throttling" in its accessible name, so a hot shard reads at a
 * glance without relying on colour. Above 64 shards the strip becomes a compact histogram.
 */

import type { ShardLive } from '../../engine/api.ts';
import { useLocale } from '../locale.ts';
import { band, fmtDuration, fmtMiB, fmtPct, fmtRate } from './format.ts';
import { useFastT } from './useFastT.ts';

export const STRIP_LIMIT = 64;

/** Heat colour for a write share: from pale blue (idle) through amber to red. */
function heat(share: number): string {
  const b = band(share);
  if (b === 'hot') return 'var(--run-hot, #c62828)';
  if (b === 'warn') return 'var(--run-warn, #f9a825)';
  // 0–60 %: lightness falls as the shard fills, so busy-but-fine shards still differ from idle ones.
  const light = 92 - Math.min(1, share / 0.6) * 40;
  return `hsl(140 55% ${light}%)`;
}

/**
 * Write demand on a shard as a share of its 1,000 records/s limit: accepted plus refused puts.
 * Accepted writes alone never exceed 100 %; demand shows how far over the limit a hot shard is
 * (1,400 rec/s offered → 140 %). The byte limit (1 MiB/s) is in `writeUtilization`.
 */
export function writeDemand(s: ShardLive): number {
  return Math.max(s.writeUtilization, (s.incomingRecordsPerSec + s.writeThrottledPerSec) / 1000);
}

/**
 * Writes a shard is asked for per second: accepted plus refused (refused put attempts, retries
 * included, as the demand % counts them), so "1,240 rec/s · 124 %" read together.
 */
function offeredPerSec(s: ShardLive): number {
  return s.incomingRecordsPerSec + s.writeThrottledPerSec;
}

/** The busiest shard in words under the strip: "busiest: shard 3: 1,240 rec/s · 124 %". */
function Busiest({ open }: { open: ShardLive[] }) {
  const { t, i18n } = useFastT('run');
  let top: ShardLive | null = null;
  for (const s of open) if (!top || writeDemand(s) > writeDemand(top)) top = s;
  if (!top || writeDemand(top) === 0) return null;
  return (
    <div className="shards__busiest">
      {t('live.shardBusiest', {
        // shardId-000000000003 → 3: the number is what a reader needs on a small card.
        n: Number(/(\d+)$/.exec(top.shardId)?.[1] ?? 0),
        records: fmtRate(offeredPerSec(top), i18n.language),
        write: fmtPct(writeDemand(top), i18n.language),
      })}
    </div>
  );
}

function ShardCell({ s }: { s: ShardLive }) {
  const { t } = useFastT('run');
  const l = useLocale();
  const demand = writeDemand(s);
  const throttling = s.writeThrottledPerSec > 0 || demand > 1;
  const hot = band(demand) === 'hot';
  const write = fmtPct(demand, l);
  const read = fmtPct(s.readUtilization, l);
  const label = t('live.shardCell', {
    shardId: s.shardId,
    records: fmtRate(offeredPerSec(s), l),
    write,
    read,
    throttling: throttling ? t('live.shardThrottling') : '',
  });
  const tooltip = t('live.shardTooltip', {
    shardId: s.shardId,
    start: s.startingHashKey,
    end: s.endingHashKey,
    write,
    records: fmtRate(s.incomingRecordsPerSec, l),
    mib: fmtMiB(s.incomingBytesPerSec, l),
    read,
    throttled: fmtRate(s.writeThrottledPerSec, l),
    age: fmtDuration(s.iteratorAgeMs, l),
  });
  // A named graphic per shard inside a group (a <li role="img"> would leave its list without
  // list items: axe "list", serious).
  return (
    <div
      className={`shard${hot ? ' shard--hot' : ''}${throttling ? ' shard--throttling' : ''}`}
      role="img"
      aria-label={label}
      title={tooltip}
    >
      {/* Hot cells take their striped fill from CSS; the others their heat colour. */}
      <span className="shard__write" style={hot ? undefined : { background: heat(demand) }} />
      <span className="shard__read" style={{ width: `${Math.min(100, s.readUtilization * 100)}%` }} />
    </div>
  );
}

const BINS: [number, number][] = [
  [0, 20],
  [20, 40],
  [40, 60],
  [60, 85],
  [85, 100],
  [100, Number.POSITIVE_INFINITY],
];

function ShardHistogram({ shards }: { shards: ShardLive[] }) {
  const { t } = useFastT('run');
  const l = useLocale();
  const counts = BINS.map(
    ([from, to]) =>
      shards.filter((s) => s.writeUtilization * 100 >= from && s.writeUtilization * 100 < to).length,
  );
  const hot = shards.filter((s) => s.writeUtilization > 0.85).length;
  const max = Math.max(...shards.map((s) => s.writeUtilization));
  const biggest = Math.max(1, ...counts);
  return (
    <figure
      className="shard-hist"
      aria-label={t('live.shardsCompact', { count: shards.length, hot, max: fmtPct(max, l) })}
    >
      <figcaption>{t('live.shardsCompact', { count: shards.length, hot, max: fmtPct(max, l) })}</figcaption>
      <ol>
        {BINS.map(([from, to], i) => {
          const label = t('live.histogramBin', {
            from,
            to: Number.isFinite(to) ? to : '∞',
            count: counts[i],
          });
          return (
            <li
              key={from}
              role="img"
              aria-label={label}
              title={label}
              className={from >= 85 ? 'shard--hot' : undefined}
            >
              <span
                style={{ height: `${(100 * counts[i]) / biggest}%`, background: heat((from + 1) / 100) }}
              />
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

/**
 * One shard over its limit while most of the others idle below 60 %: the signature of a hot
 * partition key, which resharding cannot spread (a key always hashes to one shard).
 */
export function looksLikeHotKey(open: ShardLive[]): boolean {
  if (open.length < 2) return false;
  const hot = open.filter((s) => s.writeThrottledPerSec > 0 || writeDemand(s) > 1).length;
  const cool = open.filter((s) => writeDemand(s) < 0.6).length;
  return hot === 1 && cool >= open.length - 1;
}

/** `compact`: zoomed far out, colour and shape only (no rates in words). */
export function ShardStrip({ shards, compact = false }: { shards: ShardLive[]; compact?: boolean }) {
  const { t } = useFastT('run');
  const open = shards.filter((s) => s.open);
  if (open.length > STRIP_LIMIT) return <ShardHistogram shards={open} />;
  return (
    <div className="shards">
      <div className="shards__caption">{t('live.shards')}</div>
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled group of shard graphics, not a form fieldset */}
      <div className="shards__strip" role="group" aria-label={t('live.shards')}>
        {open.map((s) => (
          <ShardCell key={s.shardId} s={s} />
        ))}
      </div>
      {!compact && <Busiest open={open} />}
      {looksLikeHotKey(open) && <div className="shards__hint">{t('live.hotKeyHint')}</div>}
    </div>
  );
}
