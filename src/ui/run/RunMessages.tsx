/**
 * What the run has to tell the user, floating under the toolbar: why it stopped or did not
 * start (alert), live-edit notices (status), and the restart question after a structural edit.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { simStore, useSim } from '../../store/simStore.ts';
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

export function RunMessages() {
  const { t } = useTranslation('run');
  const error = useSim((s) => s.error);
  const notices = useSim((s) => s.notices);
  const prompt = useSim((s) => s.restartPromptOpen);
  // Notices (live edits refused or deferred) fade after 8 wall seconds; errors stay until dismissed.
  useEffect(() => {
    if (notices.length === 0) return;
    const oldest = notices[0].id;
    const timer = setTimeout(() => simController.dismissNotice(oldest), 8_000);
    return () => clearTimeout(timer);
  }, [notices]);
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
            <div key={n.id} className={`run-message run-message--${n.tone}`}>
              <span>{t(n.key, n.values)}</span>
              <button
                type="button"
                onClick={() => simController.dismissNotice(n.id)}
                aria-label={t('notice.dismiss')}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      </div>
      {prompt && <RestartDialog />}
    </>
  );
}
