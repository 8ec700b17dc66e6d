/**
 * The palette: every kind from KINDS, grouped by service, searchable. Each entry is a button named
 * after the kind ("Data stream"): click, Enter or Space adds it at the free spot nearest the centre of
 * the view and focuses the new card; dragging it onto the canvas drops it where the pointer is.
 */
import { type DragEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_GROUPS, KINDS, KINDS_BY_GROUP } from '../../model/kinds/index.ts';
import type { NodeKind } from '../../model/types.ts';
import { useStudio } from '../../store/studio.ts';
import { addAtFreeSpot } from '../canvas/add-at-free-spot.ts';
import { KIND_MIME } from '../canvas/FlowCanvas.tsx';
import { KIND_COLOR, KindIcon } from '../kinds/index.tsx';
import { Phrases } from './phrases.tsx';

export function Palette() {
  const { t } = useTranslation('canvas');
  const locale = useStudio((s) => s.locale);
  const [query, setQuery] = useState('');

  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = (kind: NodeKind) => {
      if (!q) return true;
      const def = KINDS[kind];
      // Search both languages and the description, so "shard" finds Data stream and "バケット" finds S3.
      return [def.label.en, def.label.ja, def.description.en, def.description.ja, kind]
        .join(' ')
        .toLowerCase()
        .includes(q);
    };
    return KIND_GROUPS.map((group) => ({
      group,
      kinds: KINDS_BY_GROUP[group].filter(matches),
    })).filter((g) => g.kinds.length > 0);
  }, [query]);

  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'move';
  };

  return (
    <nav className="palette" aria-label={t('palette.title')}>
      <input
        type="search"
        className="palette__search"
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {groups.length === 0 && <p className="palette__empty">{t('palette.none')}</p>}
      {groups.map(({ group, kinds }) => (
        <section key={group} className="palette__group" aria-labelledby={`palette-${group}`}>
          <h3 id={`palette-${group}`}>{t(`group.${group}`)}</h3>
          {kinds.map((kind) => (
            <button
              type="button"
              key={kind}
              className="palette__item"
              draggable
              onDragStart={(e) => onDragStart(e, kind)}
              onClick={() => addAtFreeSpot(kind)}
              title={KINDS[kind].description[locale]}
              // Named by the label whole: the <wbr> break points must not split the name.
              aria-label={KINDS[kind].label[locale]}
              style={{ '--kind': KIND_COLOR[kind] } as React.CSSProperties}
            >
              <span className="palette__icon">
                <KindIcon kind={kind} size={18} />
              </span>
              <Phrases text={KINDS[kind].label[locale]} locale={locale} />
            </button>
          ))}
        </section>
      ))}
      <p className="palette__tip">{t('palette.tip')}</p>
    </nav>
  );
}
