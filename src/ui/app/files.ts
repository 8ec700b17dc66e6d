/**
 * Export to a JSON file and import from one (file picker or a file dropped on the canvas).
 * A file that does not parse, migrate or validate leaves the open design untouched and explains
 * what is wrong and where; a good file becomes a new design in the list and opens.
 */
import { designsStore } from '../../store/designs.ts';
import { studioStore } from '../../store/studio.ts';
import { uiStore } from '../../store/ui.ts';
import { i18n } from '../i18n/index.ts';
import { currentLocale } from '../locale.ts';

/** A safe file name from the design name: `Clickstream analytics` → `clickstream-analytics.json`. */
export function fileNameFor(name: string): string {
  const slug = name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'pipeline'}.json`;
}

export async function exportCurrent(): Promise<void> {
  const { doc } = studioStore.getState();
  // The document module (zod schema, migrations) loads on first import or export, not at start.
  const { serializeDocument } = await import('../../export/document.ts');
  const blob = new Blob([serializeDocument(doc)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFor(doc.name);
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  uiStore.getState().notify(i18n.t('studio:file.exported', { file: a.download }));
}

export async function importText(text: string, fileName: string): Promise<boolean> {
  const t = i18n.t.bind(i18n);
  const { parseDocument } = await import('../../export/document.ts');
  const result = parseDocument(text);
  if (!result.ok) {
    const { error } = result;
    const where = [
      error.line !== undefined
        ? t('studio:file.lineColumn', { line: error.line, column: error.column ?? 1 })
        : '',
      error.path ? t('studio:file.path', { path: error.path }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
    // The parser speaks English (the CLI prints the same words); the studio says what is wrong
    // in its language and shows the parser's exact words as a detail.
    const ja = currentLocale() === 'ja';
    const kind = error.line !== undefined ? 'notJson' : error.path ? 'notDesign' : 'unreadable';
    uiStore.getState().showAlert({
      title: t('studio:file.importFailed', { file: fileName }),
      message: ja ? t(`studio:file.${kind}`) : error.message,
      where: where || undefined,
      detail: ja ? error.message : undefined,
    });
    return false;
  }
  // A design from elsewhere that carries Lambda code: show the code and let the user decide first.
  const functions = result.doc.nodes.flatMap((n) =>
    n.kind === 'lambda' && n.config.code.trim() ? [{ name: n.name, code: n.config.code }] : [],
  );
  if (functions.length > 0) {
    const go = await new Promise<boolean>((resolve) =>
      uiStore.getState().showCodeReview({
        source: fileName,
        functions,
        open: () => resolve(true),
        cancel: () => resolve(false),
      }),
    );
    uiStore.getState().showCodeReview(null);
    if (!go) {
      uiStore.getState().notify(t('studio:codeReview.notOpened', { file: fileName }));
      return false;
    }
  }
  await designsStore.getState().add(result.doc);
  const note =
    result.migratedFrom !== undefined
      ? t('studio:file.importedMigrated', {
          file: fileName,
          from: result.migratedFrom,
          to: result.doc.schemaVersion,
        })
      : t('studio:file.imported', { file: fileName });
  uiStore.getState().notify(note);
  return true;
}

export async function importFile(file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    uiStore.getState().showAlert({
      title: i18n.t('studio:file.importFailed', { file: file.name }),
      message: String(err),
    });
    return false;
  }
  return importText(text, file.name);
}
