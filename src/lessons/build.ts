/**
 * Lesson changes → the model's Change list, applied with applyChanges: the starting design is the
 * template plus `start.changes`; the solution is the starting design plus `solution.changes`.
 */
import { applyChanges, type Change } from '../model/changes.ts';
import { canConnect } from '../model/connections.ts';
import { KINDS } from '../model/kinds/index.ts';
import { COLUMN_PX, ROW_PX } from '../model/templates/build.ts';
import { templateById } from '../model/templates/index.ts';
import type { PipelineDoc, PipelineNode } from '../model/types.ts';
import type { Lesson, LessonChange } from './schema.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Deep merge; objects with a `type` (tagged unions) and arrays replace the base whole. */
export function mergeConfig(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isObject(base) || !isObject(patch) || 'type' in patch) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = mergeConfig(base[k], v);
  return out;
}

export class LessonBuildError extends Error {}

function expand(doc: PipelineDoc, c: LessonChange): Change[] {
  const node = (id: string): PipelineNode => {
    const n = doc.nodes.find((x) => x.id === id);
    if (!n) throw new LessonBuildError(`no node "${id}" in the design`);
    return n;
  };
  switch (c.type) {
    case 'patch': {
      const n = node(c.node);
      return [
        { type: 'node/config', id: n.id, config: mergeConfig(n.config, c.config) as PipelineNode['config'] },
      ];
    }
    case 'rename':
      return [{ type: 'node/rename', id: node(c.node).id, name: c.name }];
    case 'add': {
      const { id, kind, name, at, config } = c.node;
      const created = {
        id,
        kind,
        name,
        position: { x: at[0] * COLUMN_PX, y: at[1] * ROW_PX },
        config: mergeConfig(KINDS[kind].defaults(), config),
      } as PipelineNode;
      return [{ type: 'node/add', node: created }];
    }
    case 'remove':
      return [{ type: 'node/remove', id: node(c.node).id }];
    case 'connect': {
      const ok = canConnect(doc, c.source, c.target);
      if (!ok.ok) throw new LessonBuildError(`${c.source} → ${c.target} refused: ${ok.reason.en}`);
      const edge = { id: `${c.source}--${c.target}`, source: c.source, target: c.target, config: ok.config };
      return [{ type: 'edge/add', edge }];
    }
    case 'disconnect':
      return doc.edges
        .filter((e) => e.source === c.source && e.target === c.target)
        .map((e) => ({ type: 'edge/remove' as const, id: e.id }));
    case 'settings':
      return [{ type: 'doc/settings', settings: c.settings }];
    case 'timeline':
      return [{ type: 'timeline/add', event: c.event }];
    case 'untimeline':
      return [{ type: 'timeline/remove', id: c.id }];
  }
}

/** Apply lesson changes one by one (each sees the design the previous ones made). */
export function applyLessonChanges(doc: PipelineDoc, changes: readonly LessonChange[]): PipelineDoc {
  let next = doc;
  for (const c of changes) next = applyChanges(next, expand(next, c));
  return next;
}

export function startingDesign(lesson: Lesson): PipelineDoc {
  const { template: id, design } = lesson.start;
  const base = design ? (design as PipelineDoc) : id ? templateById(id)?.doc : undefined;
  if (!base) throw new LessonBuildError(`lesson ${lesson.id}: no template "${id}"`);
  const doc = applyLessonChanges(base, lesson.start.changes);
  return {
    ...doc,
    name: lesson.title.en,
    description: lesson.text.en,
    settings: { ...doc.settings, durationSec: lesson.runSec },
  };
}

export function solutionDesign(lesson: Lesson): PipelineDoc {
  return applyLessonChanges(startingDesign(lesson), lesson.solution.changes);
}
