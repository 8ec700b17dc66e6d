/**
 * RANDOM_CUT_FOREST_WITH_EXPLANATION(cursor, numberOfTrees, subSampleSize, timeDecay, shingleSize,
 * withDirectionality): like RANDOM_CUT_FOREST, plus ANOMALY_EXPLANATION, a JSON object with one entry
 * per numeric column: `{"X": {"ATTRIBUTION_SCORE": "1.2306", "STRENGTH": "0.9886", "DIRECTION": "HIGH"}}`.
 * As documented, the attribution scores of a row's columns add up to its ANOMALY_SCORE.
 * DIRECTION (only when withDirectionality is TRUE) says whether the column is HIGH or LOW compared with
 * the recent data; STRENGTH is how one-sided that is, |above − below| / (above + below), 0 – 1.
 * With shingling, a column's attribution sums over its positions in the shingle.
 * Figures are strings with 4 decimals, as the reference's sample output shows them.
 */
import type { SqlValue, TableFunction, TableFunctionInstance } from '../types.ts';
import { numericColumns, options, RandomCutForest, shingler } from './randomCutForest.ts';

const NAME = 'RANDOM_CUT_FOREST_WITH_EXPLANATION';

function withDirectionality(args: SqlValue[]): boolean {
  const v = args[4];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw new Error(`${NAME}: withDirectionality must be TRUE or FALSE`);
  return v;
}

const fixed = (x: number): string => (Math.round(x * 10_000) / 10_000).toString();

export const RANDOM_CUT_FOREST_WITH_EXPLANATION: TableFunction = {
  name: NAME,
  outputColumns(input, args) {
    numericColumns(input, NAME);
    options(args, NAME);
    withDirectionality(args);
    return [
      ...input,
      { name: 'ANOMALY_SCORE', type: { base: 'DOUBLE' } },
      { name: 'ANOMALY_EXPLANATION', type: { base: 'VARCHAR', length: 20480 } },
    ];
  },
  create(input, args, seed): TableFunctionInstance {
    const cols = numericColumns(input, NAME);
    const opts = options(args, NAME);
    const directional = withDirectionality(args);
    const forest = new RandomCutForest(opts, seed);
    const next = shingler(cols, opts.shingleSize);
    return {
      push(row) {
        const point = next(row.values);
        let score = 0;
        const explanation: Record<string, Record<string, string>> = {};
        if (point) {
          const { below, above } = forest.attribution(point);
          cols.forEach((c, i) => {
            let lo = 0;
            let hi = 0;
            for (let k = i; k < point.length; k += cols.length) {
              lo += below[k] as number;
              hi += above[k] as number;
            }
            score += lo + hi;
            const entry: Record<string, string> = { ATTRIBUTION_SCORE: fixed(lo + hi) };
            if (directional) {
              entry.STRENGTH = fixed(lo + hi === 0 ? 0 : Math.abs(hi - lo) / (lo + hi));
              entry.DIRECTION = hi >= lo ? 'HIGH' : 'LOW';
            }
            explanation[(input[c] as { name: string }).name] = entry;
          });
          forest.update(point);
        }
        return [{ rowtime: row.rowtime, values: [...row.values, score, JSON.stringify(explanation)] }];
      },
      advanceTo() {
        return [];
      },
    };
  },
};
