/** "Design name ▾": the saved designs (open, rename, duplicate, delete) and "New design". */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyDocument } from '../../model/factory.ts';
import { designsStore, useDesigns } from '../../store/designs.ts';
import { useStudio } from '../../store/studio.ts';
import { uiStore } from '../../store/ui.ts';

function DesignRow({
  id,
  name,
  nodes,
  current,
  onPicked,
}: {
  id: string;
  name: string;
  nodes: number;
  current: boolean;
  /** Opening or duplicating a design closes the menu. */
  onPicked(): void;
}) {
  const { t } = useTranslation('studio');
  const [renaming, setRenaming] = useState(false);
  const store = designsStore.getState();
  if (renaming) {
    return (
      <li className="designs__row">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const value = String(new FormData(e.currentTarget).get('name') ?? '').trim();
            if (value) void store.rename(id, value);
            setRenaming(false);
          }}
        >
          <label>
            <span className="sr-only">{t('designs.newName')}</span>
            <input name="name" defaultValue={name} aria-label={t('designs.newName')} />
          </label>
          <button type="submit">{t('designs.save')}</button>
        </form>
      </li>
    );
  }
  return (
    <li className={`designs__row${current ? ' designs__row--current' : ''}`}>
      <button
        type="button"
        className="designs__open"
        aria-current={current || undefined}
        onClick={() => {
          void store.open(id);
          onPicked();
        }}
      >
        {name}
        <span className="designs__meta">{t('designs.nodes', { count: nodes })}</span>
      </button>
      <button
        type="button"
        aria-label={t('designs.rename', { name })}
        title={t('designs.renameShort')}
        onClick={() => setRenaming(true)}
      >
        ✎
      </button>
      <button
        type="button"
        aria-label={t('designs.duplicate', { name })}
        title={t('designs.duplicateShort')}
        onClick={() => {
          void store.duplicate(id);
          onPicked();
        }}
      >
        ⧉
      </button>
      <button
        type="button"
        className="danger"
        aria-label={t('designs.delete', { name })}
        title={t('designs.deleteShort')}
        onClick={() => {
          if (window.confirm(t('designs.confirmDelete', { name }))) void store.remove(id);
        }}
      >
        🗑
      </button>
    </li>
  );
}

export function DesignMenu() {
  const { t } = useTranslation('studio');
  const [open, setOpen] = useState(false);
  const name = useStudio((s) => s.doc.name);
  const list = useDesigns((s) => s.list);
  const currentId = useDesigns((s) => s.currentId);
  const saveState = useDesigns((s) => s.saveState);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="designs" ref={ref}>
      <button
        type="button"
        className="designs__toggle"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={t('designs.toggle', { name })}
        onClick={() => setOpen(!open)}
      >
        <span className="designs__name">{name}</span> ▾
      </button>
      <span className={`save-state save-state--${saveState}`} role="status" aria-live="polite">
        {t(`save.${saveState}`)}
      </span>
      {open && (
        <div className="designs__panel nokey" role="dialog" aria-label={t('designs.title')}>
          <h2>{t('designs.title')}</h2>
          <ul>
            {list.map((d) => (
              <DesignRow
                key={d.id}
                id={d.id}
                name={d.name}
                nodes={d.nodes}
                current={d.id === currentId}
                onPicked={() => setOpen(false)}
              />
            ))}
          </ul>
          <div className="designs__actions">
            <button
              type="button"
              onClick={() => {
                void designsStore.getState().add(emptyDocument(t('designs.untitled')));
                setOpen(false);
              }}
            >
              {t('designs.newEmpty')}
            </button>
            <button
              type="button"
              onClick={() => {
                uiStore.getState().openDialog('templates');
                setOpen(false);
              }}
            >
              {t('designs.newFromTemplate')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
