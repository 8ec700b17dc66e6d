/**
 * Every Japanese namespace in one chunk: index.ts imports this file only when the studio speaks
 * Japanese, so an English first load does not carry ~11 kB gzip of Japanese text (issue 14's
 * first-load budget).
 */
type Messages = Record<string, unknown>;

const modules = import.meta.glob<{ ja: Messages }>(['./*.ts', '!./index.ts'], { eager: true });

/** Japanese bundles by namespace (the file name). */
export const bundles: Record<string, Messages> = Object.fromEntries(
  Object.entries(modules).map(([path, mod]) => [path.replace(/^\.\//, '').replace(/\.ts$/, ''), mod.ja]),
);
