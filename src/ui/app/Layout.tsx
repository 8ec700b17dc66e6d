/**
 * The studio's panels: palette | canvas + bottom panel | inspector. Each side panel collapses and
 * resizes (drag the separator or use the arrow keys on it); sizes persist in localStorage.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { uiStore, useUi } from '../../store/ui.ts';

function Separator({
  label,
  orientation,
  value,
  min,
  max,
  invert,
  onChange,
}: {
  label: string;
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  /** Dragging right/down shrinks the panel (inspector, bottom panel). */
  invert?: boolean;
  onChange(px: number): void;
}) {
  const clamp = (v: number) => Math.max(min, Math.min(max, Math.round(v)));
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, draggable splitter is the ARIA separator pattern
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      className={`separator separator--${orientation}`}
      onPointerDown={(e) => {
        const start = orientation === 'vertical' ? e.clientX : e.clientY;
        const from = value;
        const el = e.currentTarget;
        el.setPointerCapture(e.pointerId);
        const move = (ev: PointerEvent) => {
          const delta = (orientation === 'vertical' ? ev.clientX : ev.clientY) - start;
          onChange(clamp(from + (invert ? -delta : delta)));
        };
        const up = () => {
          el.removeEventListener('pointermove', move);
          el.removeEventListener('pointerup', up);
        };
        el.addEventListener('pointermove', move);
        el.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        const grow = orientation === 'vertical' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowDown', 'ArrowUp'];
        const i = grow.indexOf(e.key);
        if (i < 0) return;
        const sign = (i === 0 ? 1 : -1) * (invert ? -1 : 1);
        onChange(clamp(value + sign * 20));
        e.preventDefault();
      }}
    />
  );
}

/** Height of presenter view's strip (CSS px): a 60 px clock and a 140 px chart with its pickers. */
const PRESENTER_STRIP_PX = 180;

export function Layout({
  palette,
  canvas,
  inspector,
  bottom,
  presenter,
}: {
  palette: ReactNode;
  canvas: ReactNode;
  inspector: ReactNode;
  bottom: ReactNode;
  /** Presenter view's strip (big clock, one chart): it takes the bottom panel's place. */
  presenter?: ReactNode;
}) {
  const { t } = useTranslation('studio');
  const layout = useUi((s) => s.layout);
  const patch = uiStore.getState().setLayout;

  // Presenter mode hides both side panels; their own open/closed state is kept for afterwards.
  const paletteOpen = layout.paletteOpen && !layout.presenter;
  const inspectorOpen = layout.inspectorOpen && !layout.presenter;
  const columns = [
    paletteOpen ? `${layout.paletteWidth}px 6px` : '',
    'minmax(0, 1fr)',
    inspectorOpen ? `6px ${layout.inspectorWidth}px` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={`layout${layout.presenter ? ' layout--presenter' : ''}`}
      style={{ gridTemplateColumns: columns }}
    >
      {paletteOpen && (
        <>
          <div className="layout__palette">{palette}</div>
          <Separator
            label={t('layout.resizePalette')}
            orientation="vertical"
            value={layout.paletteWidth}
            min={160}
            max={420}
            onChange={(paletteWidth) => patch({ paletteWidth })}
          />
        </>
      )}
      <div
        className="layout__center"
        style={{
          gridTemplateRows: layout.presenter
            ? `minmax(0, 1fr) ${PRESENTER_STRIP_PX}px`
            : layout.bottomOpen
              ? `minmax(0, 1fr) 6px ${layout.bottomHeight}px`
              : 'minmax(0, 1fr) auto',
        }}
      >
        <div className="layout__canvas">{canvas}</div>
        {layout.presenter && <div className="layout__presenter">{presenter}</div>}
        {layout.bottomOpen && !layout.presenter && (
          <>
            <Separator
              label={t('layout.resizeBottom')}
              orientation="horizontal"
              value={layout.bottomHeight}
              min={100}
              max={600}
              invert
              onChange={(bottomHeight) => patch({ bottomHeight })}
            />
            <div className="layout__bottom">{bottom}</div>
          </>
        )}
      </div>
      {inspectorOpen && (
        <>
          <Separator
            label={t('layout.resizeInspector')}
            orientation="vertical"
            value={layout.inspectorWidth}
            min={260}
            max={640}
            invert
            onChange={(inspectorWidth) => patch({ inspectorWidth })}
          />
          <div className="layout__inspector">{inspector}</div>
        </>
      )}
    </div>
  );
}
