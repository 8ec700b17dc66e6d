/**
 * Opening a share link: a `#design=…` fragment becomes a new design through the same path as a file
 * import (parse, migrate, validate, and whatever that path warns about), then the fragment is
 * removed so a reload does not import it again. The link decoder (fflate) loads only when needed.
 */
import { uiStore } from '../../store/ui.ts';
import { i18n } from '../i18n/index.ts';
import { importText } from './files.ts';

export async function openLinkInUrl(): Promise<boolean> {
  if (!/[#&]design=/.test(location.hash)) return false;
  const { designTextFromHash } = await import('../../export/link.ts');
  let text: string | null;
  try {
    text = designTextFromHash(location.hash);
  } catch (err) {
    uiStore.getState().notify(i18n.t('studio:link.broken', { message: (err as Error).message }), 'error');
    text = null;
  }
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  if (text === null) return false;
  const ok = await importText(text, i18n.t('studio:exportDialog.formats.link'));
  if (ok) uiStore.getState().notify(i18n.t('studio:link.opened'));
  return ok;
}
