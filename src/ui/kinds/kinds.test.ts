import { describe, expect, it } from 'vitest';
import type { ContentsKind, DestinationContentsByKind } from '../../engine/api.ts';
import { DESTINATION_KINDS, NODE_KIND_LIST } from '../../model/kinds/index.ts';
import { CONTENTS_KINDS, KIND_COLOR, KIND_METRICS, KIND_VIEWS } from './index.tsx';

/** Every kind whose engine runtime keeps contents (a key of DestinationContentsByKind). */
const CONTENTS: Record<ContentsKind, true> = {
  s3: true,
  redshift: true,
  opensearch: true,
  dynamodb: true,
  consumerApp: true,
} satisfies Record<keyof DestinationContentsByKind, true>;

describe('kind views', () => {
  it('every kind has a view, and appears in every list derived from the views', () => {
    expect(Object.keys(KIND_VIEWS).sort()).toEqual([...NODE_KIND_LIST].sort());
    for (const kind of NODE_KIND_LIST) {
      expect(KIND_COLOR[kind], kind).toMatch(/^#[0-9a-f]{6}$/);
      expect(KIND_METRICS[kind].length, kind).toBeGreaterThan(0);
      expect(KIND_VIEWS[kind].icon, kind).toMatch(/^M/);
      expect(CONTENTS_KINDS.includes(kind as ContentsKind), kind).toBe(kind in CONTENTS);
    }
  });

  it('each kind has its own colour, and metric names are unique within a kind', () => {
    expect(new Set(Object.values(KIND_COLOR)).size).toBe(NODE_KIND_LIST.length);
    for (const kind of NODE_KIND_LIST) {
      const names = KIND_METRICS[kind].map((m) => m.name);
      expect(new Set(names).size, kind).toBe(names.length);
    }
  });

  it('every destination shows what landed in it, and no destination claims an outgoing rate', () => {
    for (const kind of DESTINATION_KINDS) {
      expect(CONTENTS_KINDS, kind).toContain(kind);
      expect(KIND_VIEWS[kind].live.out, kind).toBe(false);
    }
    expect(KIND_VIEWS.producer.live.in).toBe(false);
    expect(KIND_VIEWS.consumerApp.live.out).toBe(true);
  });
});
