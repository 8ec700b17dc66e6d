/** Making a wire, by drag (FlowCanvas.onConnect) or by keyboard (the card's "Connect…" menu). */
import { canConnect } from '../../model/connections.ts';
import { newId } from '../../model/factory.ts';
import { studioStore } from '../../store/studio.ts';
import { uiStore } from '../../store/ui.ts';
import { i18n } from '../i18n/index.ts';

/** Adds the edge source → target when the model allows it (one undo step), selects it and says so; else says why not. */
export function connectNodes(source: string, target: string): string | null {
  const { doc, locale, dispatch, select } = studioStore.getState();
  const verdict = canConnect(doc, source, target);
  if (!verdict.ok) {
    uiStore.getState().notify(verdict.reason[locale], 'error');
    return null;
  }
  const id = newId('edge');
  dispatch([{ type: 'edge/add', edge: { id, source, target, config: verdict.config } }]);
  select({ nodeIds: [], edgeIds: [id] });
  const name = (nid: string) => doc.nodes.find((n) => n.id === nid)?.name ?? nid;
  // The notice line is a polite live region: a screen reader hears this too.
  uiStore.getState().notify(i18n.t('canvas:connected', { from: name(source), to: name(target) }));
  return id;
}
