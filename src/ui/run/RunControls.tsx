/** Toolbar run controls: Run, Pause, Step, Reset, speed, simulated clock, seed, $/month. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive, useSim } from '../../store/simStore.ts';
import { studioStore, useStudio } from '../../store/studio.ts';
import { SPEEDS } from '../../worker/runLoop.ts';
import { useLocale } from '../locale.ts';
import { simController } from './controller.ts';
import { fmtClock, fmtUsd } from './format.ts';
import { RunMessages } from './RunMessages.tsx';
import { useCostEstimate } from './useCostEstimate.ts';

function useRunShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
      e.preventDefault();
      void simController.toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function SeedInput() {
  const { t } = useTranslation('run');
  const seed = useStudio((s) => s.doc.settings.seed);
  return (
    <label className="run__seed" title={t('controls.seedTitle')}>
      <span>{t('controls.seed')}</span>
      <input
        type="number"
        min={0}
        step={1}
        value={seed}
        aria-label={t('controls.seed')}
        onChange={(e) => {
          const value = Number(e.target.value);
          if (!Number.isInteger(value) || value < 0) return;
          studioStore
            .getState()
            .dispatch([{ type: 'doc/settings', settings: { seed: value } }], { group: 'seed' });
        }}
      />
    </label>
  );
}

function CostPill() {
  const { t } = useTranslation('run');
  const l = useLocale();
  const perMonth = useLive((s) => (s.frame && s.status !== 'idle' ? s.frame.cost.perMonthUsd : null));
  const estimate = useCostEstimate();
  if (perMonth === null) {
    // Idle: the design's estimate (rates × sizes × hours × price book) until a run meters it.
    if (!estimate) return null;
    return (
      <span className="run__cost run__cost--estimate" role="status" aria-label={t('controls.perMonth')}>
        {t('controls.estimateValue', { value: fmtUsd(estimate.perMonthUsd, l) })}
      </span>
    );
  }
  return (
    <span
      className="run__cost"
      role="status"
      aria-label={t('controls.perMonth')}
      title={t('controls.perMonth')}
    >
      {t('controls.perMonthValue', { value: fmtUsd(perMonth, l) })}
    </span>
  );
}

/**
 * The simulated clock, on its own: it changes with every live frame, and only it should re-render
 * then (not the whole toolbar). It shows whole seconds, so it re-renders at most once per them.
 */
function SimClock() {
  const { t } = useTranslation('run');
  const status = useSim((s) => s.status);
  const sec = useLive((s) => Math.floor(s.simMs / 1000));
  return (
    <span className={`run__clock run__clock--${status}`} role="timer" aria-label={t('controls.clock')}>
      {fmtClock(sec * 1000)}
    </span>
  );
}

export function RunControls() {
  const { t } = useTranslation('run');
  const status = useSim((s) => s.status);
  const speed = useSim((s) => s.speed);
  const restartNeeded = useSim((s) => s.restartNeeded);
  useRunShortcut();
  const running = status === 'running';

  return (
    <fieldset className="run" aria-label={t('controls.group')}>
      <button
        type="button"
        className="run__primary"
        onClick={() => void simController.run()}
        disabled={running || status === 'loading'}
        title={t('controls.runTitle')}
      >
        ▶ {status === 'paused' ? t('controls.resume') : t('controls.run')}
      </button>
      <button
        type="button"
        onClick={() => simController.pause()}
        disabled={!running}
        title={t('controls.pauseTitle')}
      >
        ❚❚ {t('controls.pause')}
      </button>
      <button
        type="button"
        onClick={() => void simController.step()}
        disabled={status === 'loading'}
        title={t('controls.stepTitle')}
      >
        ⇥ {t('controls.step')}
      </button>
      <button type="button" onClick={() => simController.reset()} disabled={status === 'idle'}>
        ↺ {t('controls.reset')}
      </button>
      <fieldset className="run__speed" aria-label={t('controls.speed')}>
        {SPEEDS.map((s) => (
          <button
            key={String(s)}
            type="button"
            aria-pressed={speed === s}
            title={s === 'max' ? t('controls.maxTitle') : undefined}
            onClick={() => simController.setSpeed(s)}
          >
            {s === 'max' ? t('controls.max') : t('controls.speedValue', { value: s })}
          </button>
        ))}
      </fieldset>
      <SimClock />
      <span className="run__status" aria-live="polite">
        {t(`status.${status}`)}
      </span>
      <SeedInput />
      <CostPill />
      {restartNeeded && (
        <button type="button" className="run__restart" onClick={() => void simController.restart()}>
          ⟳ {t('controls.restartNeeded')}
        </button>
      )}
      <RunMessages />
    </fieldset>
  );
}
