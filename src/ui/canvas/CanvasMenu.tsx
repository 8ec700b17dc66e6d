/** Context menus: on a node (rename, duplicate, delete, run-view entries) and on the pane (add node). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KINDS } from '../../model/kinds/index.ts';
import { NODE_KIND_LIST } from '../../model/types.ts';
import { studioStore, useStudio } from '../../store/studio.ts';
import { addNode, deleteSelection, duplicateSelection, renameNode } from '../app/commands.ts';
import { menuItemsFor } from '../run/index.tsx';
import { canvasBridge } from './bridge.ts';
import { connectNodes } from './connect.ts';
import { connectOptions } from './connect-targets.ts';
import { focusCard } from './focus-node.ts';

export type MenuState =
  | { type: 'node'; nodeId: string; x: number; y: number }
  | { type: 'pane'; x: number; y: number }
  /** The keyboard's way to draw a wire: every card this one may connect to or from. */
  | { type: 'connect'; nodeId: string; x: number; y: number };

export function CanvasMenu({ menu, onClose }: { menu: MenuState; onClose: () => void }) {
  const { t } = useTranslation('canvas');
  const { t: tRun } = useTranslation('run');
  const { t: tKey } = useTranslation('keyboard');
  const locale = useStudio((s) => s.locale);
  const node = useStudio((s) =>
    menu.type !== 'pane' ? s.doc.nodes.find((n) => n.id === menu.nodeId) : undefined,
  );
  const [renaming, setRenaming] = useState(false);
  const [connecting, setConnecting] = useState(menu.type === 'connect');
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"], input')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      onClose();
      // Opened from a card by keyboard: Escape gives the focus back to that card.
      if (menu.type !== 'pane') focusCard(menu.nodeId);
    };
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown, true);
    };
  }, [onClose, menu]);
  // "Connect…" chosen in the card's menu: the list of cards replaces the menu; focus its first entry.
  useEffect(() => {
    if (connecting) ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [connecting]);

  // Arrow keys move between entries, as in any menu.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const next = items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    next?.focus();
    e.preventDefault();
  };

  const style = {
    left: Math.min(menu.x, window.innerWidth - 260),
    top: Math.min(menu.y, window.innerHeight - 320),
  };
  const item = (label: string, run: () => void, key?: string) => (
    <button
      type="button"
      role="menuitem"
      key={key ?? label}
      onClick={() => {
        run();
        onClose();
      }}
    >
      {label}
    </button>
  );

  if (menu.type === 'pane') {
    const at = canvasBridge.current.toFlow({ x: menu.x, y: menu.y });
    return (
      <div
        className="menu nokey"
        role="menu"
        aria-label={t('menu.addNode')}
        ref={ref}
        style={style}
        onKeyDown={onKeyDown}
      >
        <div className="menu__title">{t('menu.addNode')}</div>
        {NODE_KIND_LIST.map((kind) => item(KINDS[kind].label[locale], () => addNode(kind, at), kind))}
      </div>
    );
  }

  if (!node) return null;
  if (connecting) {
    const doc = studioStore.getState().doc;
    const options = connectOptions(doc, node.id);
    const nameOf = (id: string) => doc.nodes.find((n) => n.id === id)?.name ?? id;
    return (
      <div
        className="menu nokey"
        role="menu"
        aria-label={tKey('connectMenu', { name: node.name })}
        ref={ref}
        style={style}
        onKeyDown={onKeyDown}
      >
        <div className="menu__title">{tKey('connectTitle', { name: node.name })}</div>
        {options.length === 0 && item(tKey('connectNone', { name: node.name }), () => focusCard(node.id))}
        {options.map((o) =>
          item(
            tKey(o.direction === 'to' ? 'connectTo' : 'connectFrom', { name: nameOf(o.peer) }),
            () => {
              connectNodes(o.source, o.target);
              focusCard(node.id);
            },
            `${o.direction}:${o.peer}`,
          ),
        )}
      </div>
    );
  }
  const runItems = menuItemsFor(node.kind);
  return (
    <div
      className="menu nokey"
      role="menu"
      aria-label={t('menu.node', { name: node.name })}
      ref={ref}
      style={style}
      onKeyDown={onKeyDown}
    >
      <div className="menu__title">{node.name}</div>
      {renaming ? (
        <form
          className="menu__rename"
          onSubmit={(e) => {
            e.preventDefault();
            const value = new FormData(e.currentTarget).get('name');
            renameNode(node.id, String(value ?? ''));
            onClose();
          }}
        >
          <label>
            {t('menu.newName')}
            <input name="name" defaultValue={node.name} />
          </label>
          <button type="submit">{t('menu.ok')}</button>
        </form>
      ) : (
        <button type="button" role="menuitem" onClick={() => setRenaming(true)}>
          {t('menu.rename')}
        </button>
      )}
      <button type="button" role="menuitem" onClick={() => setConnecting(true)}>
        {tKey('connectItem')}
      </button>
      {item(t('menu.duplicate'), () => {
        studioStore.getState().select({ nodeIds: [node.id], edgeIds: [] });
        duplicateSelection();
      })}
      {item(t('menu.delete'), () => {
        studioStore.getState().select({ nodeIds: [node.id], edgeIds: [] });
        deleteSelection();
      })}
      {runItems.length > 0 && <hr />}
      {runItems.map((m) => item(tRun(m.labelKey), () => m.run(node.id), m.id))}
    </div>
  );
}
