/**
 * Export as…: every format the design can be taken to AWS in, each with a read-only preview
 * (Monaco), Copy and Download. Names CloudFormation would refuse are listed first (they are in the
 * Problems tab too). Loaded lazily: the exporters and Monaco are not in the first load.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deployProblems } from '../../export/cloudformation/names.ts';
import { useStudio } from '../../store/studio.ts';
import { uiStore } from '../../store/ui.ts';
import {
  type FlinkExporter,
  FORMAT_IDS,
  type FormatId,
  loadFlinkExporter,
  writeFormat,
} from './export-formats.ts';
import { Modal } from './Modal.tsx';

const CodeView = lazy(() => import('../code/CodeEditor.tsx'));

function download(text: string, fileName: string, mime: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function ExportDialog() {
  const { t } = useTranslation('studio');
  const doc = useStudio((s) => s.doc);
  const [format, setFormat] = useState<FormatId>('cloudformation');
  const base = `${location.origin}${location.pathname}`;
  const [flink, setFlink] = useState<FlinkExporter>();
  useEffect(() => {
    if (format === 'flink-sql' && !flink) void loadFlinkExporter().then(setFlink);
  }, [format, flink]);
  const out = useMemo(() => writeFormat(format, doc, base, flink), [format, doc, base, flink]);
  const problems = useMemo(() => deployProblems(doc), [doc]);
  const close = () => uiStore.getState().openDialog(null);
  const copy = async () => {
    if (out.text === null) return;
    await navigator.clipboard.writeText(out.text);
    uiStore.getState().notify(t(format === 'link' ? 'exportDialog.linkCopied' : 'exportDialog.copied'));
  };
  return (
    <Modal title={t('exportDialog.title')} onClose={close} className="modal--wide export-dialog">
      <div className="export-dialog__formats" role="radiogroup" aria-label={t('exportDialog.format')}>
        {FORMAT_IDS.map((id) => (
          <label key={id} className="export-dialog__format">
            <input type="radio" name="export-format" checked={format === id} onChange={() => setFormat(id)} />
            {t(`exportDialog.formats.${id}`)}
          </label>
        ))}
      </div>
      <p className="export-dialog__hint">{t(`exportDialog.hints.${format}`)}</p>
      {problems.length > 0 && format.startsWith('cloudformation') && (
        <ul className="export-dialog__problems" aria-label={t('exportDialog.problems')}>
          {problems.map((p) => (
            <li key={`${p.nodeId}-${p.code}`}>{p.message}</li>
          ))}
        </ul>
      )}
      {out.text === null ? (
        <p className="export-dialog__empty" role="status">
          {t(out.empty ?? '', out.emptyParams)}
        </p>
      ) : (
        <Suspense fallback={<pre className="export-dialog__plain">{out.text}</pre>}>
          <CodeView
            value={out.text}
            language={out.language}
            readOnly
            ariaLabel={t('exportDialog.preview', { format: t(`exportDialog.formats.${format}`) })}
            onChange={() => {}}
            height="360px"
          />
        </Suspense>
      )}
      <div className="modal__actions">
        <button type="button" disabled={out.text === null} onClick={() => void copy()}>
          {t(format === 'link' ? 'exportDialog.copyLink' : 'exportDialog.copy')}
        </button>
        <button
          type="button"
          disabled={out.text === null}
          onClick={() => out.text !== null && download(out.text, out.fileName, out.mime)}
        >
          {t('exportDialog.download', { file: out.fileName })}
        </button>
        <button type="button" onClick={close}>
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}
