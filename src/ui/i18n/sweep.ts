/**
 * The Sweep tab's label, in the first load. The tab's other strings load with it
 * (src/ui/sweep/strings.ts, added to this namespace when the tab first opens).
 */
export const en = { tab: 'Sweep' };
