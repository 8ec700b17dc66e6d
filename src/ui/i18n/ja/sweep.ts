/** Japanese texts of the `sweep` namespace (loaded only when the studio speaks Japanese; keys: ../sweep.ts). */
import type { en } from '../sweep.ts';

export const ja: typeof en = { tab: 'スイープ' };
