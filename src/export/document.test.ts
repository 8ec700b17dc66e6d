import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/changes.ts';
import { KINDS } from '../model/kinds/index.ts';
import { TEMPLATES } from '../model/templates/index.ts';
import { deepFreeze } from '../model/testing.ts';
import { parseDocument, serializeDocument } from './document.ts';

const clickstream = TEMPLATES[0].doc;

function refused(text: string) {
  const r = parseDocument(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.error;
}

describe('serialize → parse', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.doc] as const))('%s round-trips to an equal design', (_id, doc) => {
    const text = serializeDocument(doc);
    const r = parseDocument(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc).toEqual(doc);
    expect(r.migratedFrom).toBeUndefined();
    expect(serializeDocument(r.doc)).toBe(text);
  });

  it('is stable: the same design gives the same bytes whatever its key order', () => {
    const reversed = JSON.parse(JSON.stringify(clickstream), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(serializeDocument(reversed)).toBe(serializeDocument(clickstream));
    expect(
      serializeDocument(clickstream).startsWith(
        '{\n  "format": "shardscape.pipeline",\n  "schemaVersion": 1,',
      ),
    ).toBe(true);
  });
});

describe('broken and foreign files are refused with what and where', () => {
  it('a JSON syntax error gives line and column', () => {
    const e = refused('{\n  "format": "shardscape.pipeline",\n  "name": }');
    expect(e).toMatchObject({ line: 3, column: 11 });
    expect(e.message).toBe("line 3, column 11: Unexpected '}', expected a value");
  });

  it('an unterminated file points at its end', () => {
    expect(refused('{"format": "shardscape.pipeline"')).toMatchObject({ line: 1, column: 33 });
  });

  it('a wrong type gives the JSON path of the first bad value', () => {
    const doc = structuredClone(clickstream) as unknown as { nodes: { config: Record<string, unknown> }[] };
    doc.nodes[1].config.shardCount = '4';
    const e = refused(JSON.stringify(doc));
    expect(e.path).toBe('nodes[1].config.shardCount');
    expect(e.message).toBe('nodes[1].config.shardCount: expected a number, got the string "4"');
  });

  it('an unknown enum value lists the allowed ones', () => {
    const doc = structuredClone(clickstream) as unknown as { nodes: { config: Record<string, unknown> }[] };
    doc.nodes[1].config.capacityMode = 'serverless';
    expect(refused(JSON.stringify(doc)).message).toBe(
      'nodes[1].config.capacityMode: expected one of "provisioned", "onDemand", got the string "serverless"',
    );
  });

  it('a foreign JSON file, an empty file, a future schema, duplicate ids', () => {
    expect(refused('{"name": "my package", "version": "1.0.0"}').message).toBe(
      'This is not a Shardscape design: no `format` field.',
    );
    expect(refused('   ').message).toBe('The file is empty.');
    expect(refused('{"format":"shardscape.pipeline","schemaVersion":2}').message).toContain(
      'schema version 2',
    );
    const dup = { ...clickstream, nodes: [clickstream.nodes[0], clickstream.nodes[0]] };
    expect(refused(JSON.stringify(dup))).toMatchObject({ path: 'nodes[1].id' });
  });
});

describe('import fills defaults and keeps only the document', () => {
  it('missing config fields take the kind’s defaults', () => {
    const text = JSON.stringify({
      format: 'shardscape.pipeline',
      schemaVersion: 1,
      nodes: [{ id: 's', kind: 'stream', config: { shardCount: 4 } }],
    });
    const r = parseDocument(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.nodes[0]).toEqual({
      id: 's',
      kind: 'stream',
      name: 'stream-1',
      position: { x: 0, y: 0 },
      config: { ...KINDS.stream.defaults(), shardCount: 4 },
    });
    expect(r.doc.settings.seed).toBe(42);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['stream-no-producer', 'stream-no-consumer']);
  });

  it('selection, viewport and unknown keys in a file are dropped', () => {
    const text = JSON.stringify({ ...clickstream, selection: { nodeIds: ['web'] }, viewport: { zoom: 2 } });
    const r = parseDocument(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.keys(r.doc)).not.toContain('selection');
    expect(Object.keys(r.doc)).not.toContain('viewport');
    expect(r.doc).toEqual(clickstream);
  });
});

/** Every path (as keys) to a value inside a JSON value. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) out.push(...paths(x, [...at, i]));
  } else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function mutate(root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return remove ? undefined : value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

/** The outcome must be an import or a refusal with a message; it must never throw. */
function expectImportOrMessage(text: string) {
  const r = parseDocument(text);
  if (r.ok) {
    expect(Array.isArray(r.diagnostics)).toBe(true);
    expect(() => serializeDocument(r.doc)).not.toThrow();
  } else {
    expect(typeof r.error.message).toBe('string');
    expect(r.error.message.length).toBeGreaterThan(5);
  }
}

describe('import properties (fast-check)', () => {
  it('any string imports or is refused with a message', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), expectImportOrMessage), { numRuns: 500 });
  });

  it('any JSON value imports or is refused with a message', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => expectImportOrMessage(JSON.stringify(v) ?? 'null')),
      {
        numRuns: 500,
      },
    );
  });

  it('any mutation of a valid exported design imports or is refused with a message, leaving the open design untouched', () => {
    const open = deepFreeze(structuredClone(clickstream));
    const snapshot = serializeDocument(open);
    const all = paths(JSON.parse(snapshot));
    fc.assert(
      fc.property(
        fc.nat({ max: all.length - 1 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.boolean(),
        fc.nat({ max: snapshot.length }),
        (i, value, remove, cut) => {
          const mutated = mutate(JSON.parse(snapshot), all[i], value, remove);
          expectImportOrMessage(JSON.stringify(mutated) ?? '');
          expectImportOrMessage(snapshot.slice(0, cut));
          const r = parseDocument(JSON.stringify(mutated) ?? '');
          // What the studio does with the result: replace on success, keep the open design on refusal.
          const after = r.ok ? applyChanges(open, [{ type: 'doc/replace', doc: r.doc }]) : open;
          expect(serializeDocument(open)).toBe(snapshot);
          if (!r.ok) expect(after).toBe(open);
        },
      ),
      { numRuns: 300 },
    );
  });
});
