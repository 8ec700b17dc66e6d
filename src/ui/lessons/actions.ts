/** What the Lessons panel does to the studio: start a lesson, load its solution, import, download. */
import { type Lesson, parseLesson, solutionDesign, startingDesign } from '../../lessons/index.ts';
import { designsStore } from '../../store/designs.ts';
import { lessonsStore } from '../../store/lessons.ts';
import { studioStore } from '../../store/studio.ts';
import { uiStore } from '../../store/ui.ts';
import { i18n } from '../i18n/index.ts';
import { simController } from '../run/controller.ts';

const title = (l: Lesson) => l.title[studioStore.getState().locale];

/** Opens the lesson's starting design as a new saved design and makes the lesson active. */
export async function startLesson(lesson: Lesson): Promise<void> {
  simController.reset();
  const locale = studioStore.getState().locale;
  const doc = startingDesign(lesson);
  await designsStore.getState().add({ ...doc, name: lesson.title[locale], description: lesson.text[locale] });
  lessonsStore.getState().setActive(lesson.id);
  uiStore.getState().notify(i18n.t('lessons:started', { title: title(lesson) }));
}

export async function loadSolution(lesson: Lesson): Promise<void> {
  simController.reset();
  const doc = solutionDesign(lesson);
  await designsStore.getState().add({ ...doc, name: `${title(lesson)} (${i18n.t('lessons:solution')})` });
}

export async function importLessonFile(file: File): Promise<boolean> {
  const r = parseLesson(await file.text());
  if (!r.ok) {
    uiStore
      .getState()
      .showAlert({ title: i18n.t('lessons:importFailed', { file: file.name }), message: r.message });
    return false;
  }
  try {
    startingDesign(r.lesson); // a lesson whose start cannot be built is refused here, not later
  } catch (e) {
    uiStore.getState().showAlert({
      title: i18n.t('lessons:importFailed', { file: file.name }),
      message: e instanceof Error ? e.message : String(e),
    });
    return false;
  }
  lessonsStore.getState().addImported(r.lesson);
  uiStore.getState().notify(i18n.t('lessons:imported', { title: title(r.lesson) }));
  return true;
}

export function downloadLesson(lesson: Lesson): void {
  const blob = new Blob([`${JSON.stringify(lesson, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${lesson.id}.lesson.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
