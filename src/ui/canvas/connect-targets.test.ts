import { describe, expect, it } from 'vitest';
import { createNode, emptyDocument } from '../../model/factory.ts';
import { connectOptions } from './connect-targets.ts';

function design() {
  const doc = emptyDocument('t');
  const node = (kind: Parameters<typeof createNode>[0], id: string, name: string) => ({
    ...createNode(kind, { id, position: { x: 0, y: 0 } }),
    name,
  });
  doc.nodes = [node('producer', 'p', 'web'), node('stream', 's', 'clicks'), node('lambda', 'f', 'enrich')];
  return doc;
}

describe('the "Connect…" menu of a card lists exactly the wires the model allows', () => {
  it('a stream offers "to enrich" (the Lambda reads it), "from web" and "from enrich" (both may write to it)', () => {
    const opts = connectOptions(design(), 's');
    expect(opts.map((o) => `${o.direction} ${o.peer}`)).toEqual(['to f', 'from p', 'from f']);
    expect(opts[0]).toMatchObject({ source: 's', target: 'f' });
    expect(opts[1]).toMatchObject({ source: 'p', target: 's' });
  });

  it('a wire that exists already is not offered again', () => {
    const doc = design();
    doc.edges = [{ id: 'e1', source: 's', target: 'f', config: {} } as (typeof doc.edges)[number]];
    expect(connectOptions(doc, 's').map((o) => `${o.direction} ${o.peer}`)).not.toContain('to f');
  });

  it('a producer cannot send to a Lambda directly: the Lambda is not offered to it', () => {
    expect(connectOptions(design(), 'p').map((o) => o.peer)).toEqual(['s']);
  });
});
