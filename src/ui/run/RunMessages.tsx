/**
 * What the run has to tell the user, floating under the toolbar: why it stopped or did not
 * start (alert), live-edit notices (status), and the restart question after a structural edit.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type SimNotice, simStore, useSim } from '../../store/simStore.ts';
import { simController } from './controller.ts';

function RestartDialog() {
  const { t } = useTranslation('run');
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div className="run-dialog__backdrop">
      <div
        className="run-dialog nokey"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="run-restart-title"
        aria-describedby="run-restart-body"
        onKeyDown={(e) => {
          if (e.key === 'Escape') simController.dismissRestartPrompt();
        }}
      >
        <h2 id="run-restart-title">{t('restart.title')}</h2>
        <p id="run-restart-body">{t('restart.body')}</p>
        <div className="run-dialog__actions">
          <button
            ref={confirm}
            type="button"
            className="run__primary"
            onClick={() => void simController.restart()}
          >
            {t('restart.confirm')}
          </button>
          <button type="button" onClick={() => simController.dismissRestartPrompt()}>
            {t('restart.keep')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Wall ms a live-edit notice stays up (errors stay until dismissed). */
export const NOTICE_MS = 8_000;

/**
 * One notice with its own timer: it goes 8 wall seconds after it came, whatever comes after it
 * (one timer for the list was reset by every new notice, so a burst of them stayed for minutes).
 */
function NoticeLine({ notice }: { notice: SimNotice }) {
  const { t } = useTranslation('run');
  useEffect(() => {
    const timer = setTimeout(() => simController.dismissNotice(notice.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice.id]);
  return (
    <div className={`run-message run-message--${notice.tone}`}>
      <span>{t(notice.key, notice.values)}</span>
      <button
        type="button"
        onClick={() => simController.dismissNotice(notice.id)}
        aria-label={t('notice.dismiss')}
      >
        ×
      </button>
    </div>
  );
}

export function RunMessages() {
  const { t } = useTranslation('run');
  const error = useSim((s) => s.error);
  const notices = useSim((s) => s.notices);
  const prompt = useSim((s) => s.restartPromptOpen);
  const errorText =
    error?.kind === 'design'
      ? t('error.design', { count: error.problems?.length || 1 })
      : error
        ? t(`error.${error.kind}`, { message: error.message })
        : '';
  return (
    <>
      <div className="run-messages">
        {error && (
          <div className="run-message run-message--error" role="alert">
            <span>{errorText}</span>
            <button type="button" onClick={() => simStore.setState({ error: null })}>
              {t('error.dismiss')}
            </button>
          </div>
        )}
        <div role="status" className="run-messages__notices">
          {notices.map((n) => (
            <NoticeLine key={n.id} notice={n} />
          ))}
        </div>
      </div>
      {prompt && <RestartDialog />}
    </>
  );
}
