/**
 * The canvas: React Flow 12, controlled from the studio store. Document changes go through
 * `dispatch` (undoable); selection goes to the session; measured card sizes stay local.
 */
import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  type FinalConnectionState,
  type FitViewOptions,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canConnect } from '../../model/connections.ts';
import type { NodeKind } from '../../model/types.ts';
import { useDesigns } from '../../store/designs.ts';
import { studioStore, useStudio } from '../../store/studio.ts';
import { uiStore, useUi } from '../../store/ui.ts';
import { addNode } from '../app/commands.ts';
import { importFile } from '../app/files.ts';
import { KIND_COLOR } from '../kinds/index.tsx';
import { canvasBridge } from './bridge.ts';
import { CanvasMenu, type MenuState } from './CanvasMenu.tsx';
import { connectNodes } from './connect.ts';
import { FlowAttribution } from './flow-labels.tsx';
import { KeyboardAnnouncer, useFlowAriaLabels } from './KeyboardAnnouncer.tsx';
import './keyboard.css';
import { NodeCard } from './NodeCard.tsx';
import { type CardNode, createFlowMapper, type EdgeRole, type WireEdge as WireEdgeType } from './toFlow.ts';
import { onCanvasKeyDownCapture, useCanvasAnnouncements, useCanvasKeyboard } from './useCanvasKeyboard.ts';
import { useProgressiveMount, wiresOfShown } from './useProgressiveMount.ts';
import { WireEdge } from './WireEdge.tsx';

// Module scope: React Flow warns (error002) and re-mounts every node if these objects change.
const nodeTypes = { card: NodeCard };
const edgeTypes = { wire: WireEdge };
// The bottom 100 px of the fitted view stay free for the minimap (bottom right) and the zoom
// buttons (bottom left), so at fit neither covers a card. No fit-specific minZoom: Fit view must
// show every card, even of a 300-node design (the canvas' own minZoom, 0.05, is the floor).
const fitViewOptions: FitViewOptions = {
  padding: { top: '24px', left: '48px', right: '24px', bottom: '100px' },
  maxZoom: 1.2,
};
// Presenter view: no minimap to keep clear, room above the cards for their badges, and a small
// design may grow larger than at the desk (type for the back row).
const presenterFitOptions: FitViewOptions = {
  padding: { top: '28px', left: '56px', right: '24px', bottom: '16px' },
  maxZoom: 1.6,
};
const miniMapStyle = { width: 128, height: 80 };
const miniMapColor = (n: CardNode) => KIND_COLOR[n.data.node.kind];
/** React Flow's own attribution link is named in English; flow-labels.tsx draws the studio's. */
const HIDE_BUILT_IN_ATTRIBUTION = { hideAttribution: true };

/** Runs `fn` two animation frames from now (after React Flow has measured new cards); returns the cancel. */
function inTwoFrames(fn: () => void): () => void {
  let second = 0;
  const first = requestAnimationFrame(() => {
    second = requestAnimationFrame(fn);
  });
  return () => {
    cancelAnimationFrame(first);
    cancelAnimationFrame(second);
  };
}

/** Drag payload type of palette entries. */
export const KIND_MIME = 'application/x-shardscape-kind';

export function FlowCanvas() {
  const { t } = useTranslation('canvas');
  const flow = useReactFlow<CardNode, WireEdgeType>();
  const doc = useStudio((s) => s.doc);
  const selection = useStudio((s) => s.selection);
  const diagnostics = useStudio((s) => s.diagnostics);
  const locale = useStudio((s) => s.locale);
  const focusRequest = useStudio((s) => s.focusRequest);
  const presenter = useUi((s) => s.layout.presenter);
  const mapper = useRef(createFlowMapper()).current;
  // Card sizes React Flow measured (px), gathered in a map as they come and handed to the mapper at
  // most once per animation frame (`measured` renews then), in the same render as the next batch of
  // a big design's cards: re-mapping on every measurement was a third store update per frame.
  const measuredRef = useRef(new Map<string, { width: number; height: number }>());
  const [measured, setMeasured] = useState(() => ({ sizes: measuredRef.current }));
  const sizesFrame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(sizesFrame.current), []);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const wrapper = useRef<HTMLElement>(null);

  const nodes = useMemo(
    () => mapper.nodes({ doc, selection, diagnostics, locale, measured: measured.sizes }),
    [mapper, doc, selection, diagnostics, locale, measured],
  );
  // A big design's cards mount a batch per frame (see useProgressiveMount).
  const shown = useProgressiveMount(nodes);
  const { nodes: shownNodes, mounting } = shown;
  const mountingRef = useRef(mounting);
  mountingRef.current = mounting;
  const fitWhenMounted = useRef(false);
  // Each wire's spoken role, translated once per role and language: a 300-node design has 225
  // wires, and i18next's t() per wire was ~10 ms of opening it.
  const roleText = useMemo(() => {
    const said = new Map<string, string>();
    return (role: EdgeRole, efoName?: string) => {
      const key = `${role}\u0000${efoName ?? ''}`;
      let text = said.get(key);
      if (text === undefined) {
        text = role === 'efo' ? t('edge.efo', { name: efoName ?? '' }) : t(`edge.${role}`);
        said.set(key, text);
      }
      return text;
    };
  }, [t]);
  const edges = useMemo(
    () => mapper.edges({ doc, selection, diagnostics, locale, roleText }),
    [mapper, doc, selection, diagnostics, locale, roleText],
  );
  const shownEdges = useMemo(() => wiresOfShown(edges, shown), [edges, shown]);

  // The view moves only when asked: first load, a design or template opened, Fit view, Auto-layout,
  // presenter mode switched. Cards that change size (a dropped node measured, live figures when a
  // run starts, Japanese labels wrapping) never refit it: a refit there jumped the view under the
  // user's pointer after a drop, and shrank a running presenter view to tiny type.
  // While cards are still mounting, a fit waits for the last batch so it frames the whole design.
  const fit = useCallback(() => {
    if (mountingRef.current) {
      fitWhenMounted.current = true;
      return;
    }
    void flow.fitView(uiStore.getState().layout.presenter ? presenterFitOptions : fitViewOptions);
  }, [flow]);
  useEffect(() => {
    if (mounting || !fitWhenMounted.current) return;
    fitWhenMounted.current = false;
    return inTwoFrames(fit); // React Flow measures the last batch first
  }, [mounting, fit]);
  useEffect(() => {
    canvasBridge.current = {
      center() {
        const box = wrapper.current?.getBoundingClientRect();
        if (!box) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      },
      toFlow: (p) => flow.screenToFlowPosition(p),
      fitView: fit,
      centerOn: (p) => {
        void flow.setCenter(p.x, p.y, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
      },
      sizes: () => measuredRef.current,
    };
  }, [flow, fit]);

  // Another design opened: frame it once React Flow has measured its cards (two frames later).
  const designId = useDesigns((s) => s.currentId);
  useEffect(() => {
    if (!designId) return;
    return inTwoFrames(fit);
  }, [designId, fit]);

  // Problems tab / toolbar asked to show a node: centre on the middle of its card.
  useEffect(() => {
    if (!focusRequest) return;
    const node = studioStore.getState().doc.nodes.find((n) => n.id === focusRequest.nodeId);
    if (!node) return;
    const size = measuredRef.current.get(node.id) ?? { width: 240, height: 110 };
    canvasBridge.current.centerOn({
      x: node.position.x + size.width / 2,
      y: node.position.y + size.height / 2,
    });
  }, [focusRequest]);

  const onNodesChange = useCallback((changes: NodeChange<CardNode>[]) => {
    const store = studioStore.getState();
    const moves = [];
    let selected: Set<string> | null = null;
    let sized = false;
    for (const c of changes) {
      if (c.type === 'position' && c.position) {
        moves.push({ type: 'node/move' as const, id: c.id, position: c.position });
      } else if (c.type === 'dimensions' && c.dimensions) {
        measuredRef.current.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
        sized = true;
      } else if (c.type === 'select') {
        selected ??= new Set(store.selection.nodeIds);
        if (c.selected) selected.add(c.id);
        else selected.delete(c.id);
      }
    }
    // One drag (all moves of the selection within a second of each other) = one undo step.
    if (moves.length) store.dispatch(moves, { group: 'drag' });
    if (sized && !sizesFrame.current) {
      sizesFrame.current = requestAnimationFrame(() => {
        sizesFrame.current = 0;
        setMeasured({ sizes: measuredRef.current });
      });
    }
    if (selected) store.select({ nodeIds: [...selected] });
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<WireEdgeType>[]) => {
    const store = studioStore.getState();
    let selected: Set<string> | null = null;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      selected ??= new Set(store.selection.edgeIds);
      if (c.selected) selected.add(c.id);
      else selected.delete(c.id);
    }
    if (selected) store.select({ edgeIds: [...selected] });
  }, []);

  // Asked while a connection is dragged over a handle: refuse with the model's reason, on screen.
  const lastRefusal = useRef('');
  const isValidConnection = useCallback((conn: Connection | WireEdgeType) => {
    const { doc: current, locale: loc } = studioStore.getState();
    const verdict = canConnect(current, conn.source, conn.target);
    if (!verdict.ok) {
      const text = verdict.reason[loc];
      if (text !== lastRefusal.current) uiStore.getState().notify(text, 'error');
      lastRefusal.current = text;
    }
    return verdict.ok;
  }, []);

  const onConnect = useCallback((conn: Connection) => {
    connectNodes(conn.source, conn.target);
  }, []);

  // Dropped on a node body (not a handle) or refused on its handle: say why.
  const onConnectEnd = useCallback((_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    lastRefusal.current = '';
    if (state.isValid || !state.fromNode || !state.toNode || state.fromNode.id === state.toNode.id) return;
    const { doc: current, locale: loc } = studioStore.getState();
    const [source, target] =
      state.fromHandle?.type === 'target'
        ? [state.toNode.id, state.fromNode.id]
        : [state.fromNode.id, state.toNode.id];
    const verdict = canConnect(current, source, target);
    if (!verdict.ok) uiStore.getState().notify(verdict.reason[loc], 'error');
  }, []);

  // Stable handlers: a new function identity here re-renders every one of React Flow's node wrappers.
  const onNodeContextMenu = useCallback((e: React.MouseEvent, node: CardNode) => {
    e.preventDefault();
    studioStore.getState().select({ nodeIds: [node.id], edgeIds: [] });
    setMenu({ type: 'node', nodeId: node.id, x: e.clientX, y: e.clientY });
  }, []);
  const onPaneContextMenu = useCallback((e: React.MouseEvent | MouseEvent) => {
    e.preventDefault();
    setMenu({ type: 'pane', x: e.clientX, y: e.clientY });
  }, []);
  const closeMenu = useCallback(() => setMenu(null), []);
  const onKeyDown = useCanvasKeyboard(setMenu);
  useCanvasAnnouncements();
  const ariaLabelConfig = useFlowAriaLabels();

  const onDragOver = useCallback((event: DragEvent) => {
    const types = event.dataTransfer.types;
    if (types.includes(KIND_MIME) || types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = types.includes('Files') ? 'copy' : 'move';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(KIND_MIME) as NodeKind;
      if (kind) {
        event.preventDefault();
        addNode(kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
        return;
      }
      const file = event.dataTransfer.files[0];
      if (file) {
        event.preventDefault();
        void importFile(file);
      }
    },
    [flow],
  );

  return (
    <section
      className="canvas"
      ref={wrapper}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onKeyDown={onKeyDown}
      onKeyDownCapture={onCanvasKeyDownCapture}
      // Focus lands here when the last focused card is deleted (-1: not a Tab stop itself).
      tabIndex={-1}
      aria-label={t('region')}
    >
      <ReactFlow<CardNode, WireEdgeType>
        nodes={shownNodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeContextMenu={onNodeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onPaneClick={closeMenu}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        fitView
        fitViewOptions={presenter ? presenterFitOptions : fitViewOptions}
        // Every card stays in the DOM. Rendering only those in view made zooming out (Fit view on a
        // 300-node design) mount 270 cards in one 250–350 ms task; mounted a batch per frame
        // instead, panning and dragging still hold 16.7 ms frames (e2e/studio-perf.spec.ts).
        onlyRenderVisibleElements={false}
        minZoom={0.05}
        maxZoom={2}
        ariaLabelConfig={ariaLabelConfig}
        proOptions={HIDE_BUILT_IN_ATTRIBUTION}
      >
        <FlowAttribution />
        <Background gap={24} size={1.2} color="#c8cdd6" />
        {!presenter && (
          <MiniMap
            style={miniMapStyle}
            pannable
            zoomable
            ariaLabel={t('minimap')}
            nodeColor={miniMapColor}
            nodeStrokeWidth={2}
          />
        )}
        <Controls showInteractive={false} aria-label={t('zoomControls')} onFitView={fit} />
      </ReactFlow>
      {menu && <CanvasMenu menu={menu} onClose={closeMenu} />}
      <KeyboardAnnouncer />
    </section>
  );
}
