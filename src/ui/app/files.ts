/**
 * Export to a JSON file and import from one (file picker or a file dropped on the canvas).
 * A file that does not parse, migrate or validate leaves the open design untouched and explains
 * what is wrong and where; a good file becomes a new design in the list and opens.
 */
import type { PipelineDoc } from '../../model/types.ts';
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

/** A CloudFormation template rather than a design file? (cheap look before loading the importer) */
function isTemplate(text: string): boolean {
  const head = text.slice(0, 200_000);
  return (
    !/"format"\s*:\s*"shardscape\.pipeline"/.test(head) &&
    /AWSTemplateFormatVersion|AWS::[A-Za-z0-9]+::/.test(head)
  );
}

type Imported = { doc: PipelineDoc; note: string; unmapped: string[] };

async function readDesignText(text: string, fileName: string): Promise<Imported | null> {
  const t = i18n.t.bind(i18n);
  if (isTemplate(text)) {
    // The importer (YAML parser, dagre) loads only when a template is imported.
    const { importCloudFormation } = await import('../../export/cloudformation-import/index.ts');
    const r = importCloudFormation(text, fileName);
    if (!r.ok) {
      uiStore
        .getState()
        .showAlert({ title: t('studio:file.importFailed', { file: fileName }), message: r.message });
      return null;
    }
    return {
      doc: r.doc,
      note: t('studio:file.importedTemplate', {
        file: fileName,
        nodes: r.doc.nodes.length,
        edges: r.doc.edges.length,
      }),
      unmapped: r.unmapped.map(
        (u) => `${u.logicalId} (${u.type}): ${i18n.language === 'ja' ? u.reasonJa : u.reason}`,
      ),
    };
  }
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
    return null;
  }
  const note =
    result.migratedFrom !== undefined
      ? t('studio:file.importedMigrated', {
          file: fileName,
          from: result.migratedFrom,
          to: result.doc.schemaVersion,
        })
      : t('studio:file.imported', { file: fileName });
  return { doc: result.doc, note, unmapped: [] };
}

/**
 * A design file, or a CloudFormation template (JSON or YAML) imported as a new design with a list of
 * what it could not map. Bad files leave everything as it was and say why.
 */
export async function importText(text: string, fileName: string): Promise<boolean> {
  const t = i18n.t.bind(i18n);
  const imported = await readDesignText(text, fileName);
  if (!imported) return false;
  const { doc, note, unmapped } = imported;
  // A design from elsewhere that carries Lambda code: show the code and let the user decide first.
  const functions = doc.nodes.flatMap((n) =>
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
  await designsStore.getState().add(doc);
  uiStore.getState().notify(note);
  if (unmapped.length > 0)
    uiStore.getState().showAlert({
      title: t('studio:file.notMappedTitle', { file: fileName, count: unmapped.length }),
      message: t('studio:file.notMappedIntro'),
      list: unmapped,
      imported: true,
    });
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
