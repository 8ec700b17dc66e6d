/** The shell's dialogs: keyboard shortcuts, the template gallery, Export as…, and the import error alert. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { designsStore } from '../../store/designs.ts';
import { useStudio } from '../../store/studio.ts';
import { TEMPLATES } from '../../store/templates.ts';
import { uiStore, useUi } from '../../store/ui.ts';
import { SHORTCUTS } from '../app/useShortcuts.ts';
import { Modal } from './Modal.tsx';

const ExportDialog = lazy(() => import('./ExportDialog.tsx'));

function ShortcutsDialog() {
  const { t } = useTranslation('studio');
  const close = () => uiStore.getState().openDialog(null);
  return (
    <Modal title={t('keys.title')} onClose={close}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.labelKey}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{t(s.labelKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal__actions">
        <button type="button" onClick={close}>
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}

function TemplatesDialog() {
  const { t } = useTranslation('studio');
  const locale = useStudio((s) => s.locale);
  const close = () => uiStore.getState().openDialog(null);
  return (
    <Modal title={t('gallery.title')} onClose={close} className="modal--wide">
      <p>{t('gallery.intro')}</p>
      <ul className="gallery">
        {TEMPLATES.map((tpl) => (
          <li key={tpl.id} className="gallery__card">
            <h3>{tpl.title[locale]}</h3>
            <p>{tpl.description[locale]}</p>
            <p className="gallery__meta">
              {t('gallery.size', { nodes: tpl.doc.nodes.length, edges: tpl.doc.edges.length })}
            </p>
            <button
              type="button"
              aria-label={t('gallery.open', { title: tpl.title[locale] })}
              onClick={() => {
                void designsStore.getState().fromTemplate(tpl.id);
                close();
              }}
            >
              {t('gallery.openShort')}
            </button>
          </li>
        ))}
      </ul>
      <div className="modal__actions">
        <button type="button" onClick={close}>
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}

function CodeReviewDialog() {
  const { t } = useTranslation('studio');
  const review = useUi((s) => s.codeReview);
  if (!review) return null;
  return (
    <Modal title={t('codeReview.title')} onClose={review.cancel} className="modal--wide code-review">
      <p>{t('codeReview.intro', { file: review.source, count: review.functions.length })}</p>
      <p>{t('codeReview.sandbox')}</p>
      {review.functions.map((f) => (
        <section key={f.name} aria-label={t('codeReview.function', { name: f.name })}>
          <h3>{t('codeReview.function', { name: f.name })}</h3>
          <pre className="code-review__code">{f.code}</pre>
        </section>
      ))}
      <div className="modal__actions">
        <button type="button" onClick={review.open}>
          {t('codeReview.open')}
        </button>
        <button type="button" onClick={review.cancel}>
          {t('codeReview.cancel')}
        </button>
      </div>
    </Modal>
  );
}

function ImportAlert() {
  const { t } = useTranslation('studio');
  const alert = useUi((s) => s.alert);
  if (!alert) return null;
  const close = () => uiStore.getState().showAlert(null);
  return (
    <Modal
      title={alert.title}
      onClose={close}
      role="alertdialog"
      className={alert.imported ? 'modal--alert modal--partial' : 'modal--alert'}
    >
      <p className="alert__message">{alert.message}</p>
      {alert.detail && (
        <p className="alert__where">
          {t('file.detail')}: <code>{alert.detail}</code>
        </p>
      )}
      {alert.where && (
        <p className="alert__where">
          {t('file.where')}: <code>{alert.where}</code>
        </p>
      )}
      {alert.list && alert.list.length > 0 && (
        <ul className="alert__list">
          {alert.list.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {!alert.imported && <p>{t('file.untouched')}</p>}
      <div className="modal__actions">
        <button type="button" onClick={close}>
          {t('ok')}
        </button>
      </div>
    </Modal>
  );
}

export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  return (
    <>
      {dialog === 'shortcuts' && <ShortcutsDialog />}
      {dialog === 'templates' && <TemplatesDialog />}
      {dialog === 'export' && (
        <Suspense fallback={null}>
          <ExportDialog />
        </Suspense>
      )}
      <CodeReviewDialog />
      <ImportAlert />
    </>
  );
}
