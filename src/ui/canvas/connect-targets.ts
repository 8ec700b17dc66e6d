/**
 * The "Connect…" menu of a card: every node it may send to and every node that may send to it,
 * by the same rules as dragging a wire (model/connections.ts), so the keyboard offers exactly the
 * connections the mouse could make.
 */
import { canConnect } from '../../model/connections.ts';
import type { PipelineDoc } from '../../model/types.ts';

export interface ConnectOption {
  source: string;
  target: string;
  /** The other end's id (what the menu names). */
  peer: string;
  direction: 'to' | 'from';
}

export function connectOptions(doc: PipelineDoc, nodeId: string): ConnectOption[] {
  const to: ConnectOption[] = [];
  const from: ConnectOption[] = [];
  for (const other of doc.nodes) {
    if (other.id === nodeId) continue;
    if (canConnect(doc, nodeId, other.id).ok)
      to.push({ source: nodeId, target: other.id, peer: other.id, direction: 'to' });
    if (canConnect(doc, other.id, nodeId).ok)
      from.push({ source: other.id, target: nodeId, peer: other.id, direction: 'from' });
  }
  return [...to, ...from];
}
