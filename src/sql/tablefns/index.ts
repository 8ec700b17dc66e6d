/**
 * Stream table functions, used as `FROM TABLE(F(CURSOR(SELECT STREAM … FROM "S"), arg, …))`.
 * `args` passed to outputColumns / create are the literal arguments after the cursor.
 */
import type { TableFunction } from '../types.ts';
import { COUNT_DISTINCT_ITEMS_TUMBLING } from './countDistinct.ts';
import { RANDOM_CUT_FOREST } from './randomCutForest.ts';
import { RANDOM_CUT_FOREST_WITH_EXPLANATION } from './randomCutForestExplained.ts';
import { TOP_K_ITEMS_TUMBLING } from './topK.ts';

export const TABLE_FUNCTIONS: Record<string, TableFunction> = {
  TOP_K_ITEMS_TUMBLING,
  COUNT_DISTINCT_ITEMS_TUMBLING,
  RANDOM_CUT_FOREST,
  RANDOM_CUT_FOREST_WITH_EXPLANATION,
};
