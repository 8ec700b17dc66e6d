/** One lesson: its text, steps with hints, and its checks with their live status. */
import { useTranslation } from 'react-i18next';
import type { CheckResult, Lesson } from '../../lessons/index.ts';
import { useLessons } from '../../store/lessons.ts';
import { useStudio } from '../../store/studio.ts';
import { loadSolution, startLesson } from './actions.ts';
import { RichText } from './RichText.tsx';

const MARK: Record<CheckResult['status'], string> = { passed: '✓', failed: '✗', pending: '…' };

export function LessonView({ lesson, onBack }: { lesson: Lesson; onBack(): void }) {
  const { t } = useTranslation('lessons');
  const locale = useStudio((s) => s.locale);
  const results = useLessons((s) => s.results);
  const everyPassed = !!results && results.length > 0 && results.every((r) => r.passed);
  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <button type="button" className="lesson__back" onClick={onBack}>
        ← {t('back')}
      </button>
      <h3 id="lesson-title">{lesson.title[locale]}</h3>
      <p className="lesson__text">
        <RichText text={lesson.text[locale]} />
      </p>
      <h4>{t('steps')}</h4>
      <ol className="lesson__steps">
        {lesson.steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id and never reorder
          <li key={i}>
            <RichText text={s.text[locale]} />
            {s.hint && (
              <details className="lesson__hint">
                <summary>{t('hint')}</summary>
                <RichText text={s.hint[locale]} />
              </details>
            )}
          </li>
        ))}
      </ol>
      <h4>{t('checks')}</h4>
      <p className="lesson__run-hint">{t('runHint', { sec: lesson.runSec })}</p>
      <ul className="lesson__checks" aria-live="polite">
        {lesson.checks.map((c) => {
          const r = results?.find((x) => x.id === c.id);
          const status = r?.status ?? 'pending';
          return (
            <li key={c.id} className={`check check--${status}`} data-check={c.id} data-status={status}>
              <span className="check__mark" aria-hidden="true">
                {MARK[status]}
              </span>
              <span className="check__text">
                <RichText text={c.text[locale]} />
                <span className="check__status">
                  {t(`status.${status}`)}
                  {r && r.value !== undefined ? ` · ${r.detail[locale]}` : ''}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      {everyPassed && (
        <p className="lesson__done" role="status">
          {t('allPassed')}
        </p>
      )}
      <div className="lesson__actions">
        <button type="button" onClick={() => void startLesson(lesson)}>
          {t('restart')}
        </button>
      </div>
      <details className="lesson__solution">
        <summary>{t('solution')}</summary>
        <p>
          <RichText text={lesson.solution.text[locale]} />
        </p>
        <button type="button" onClick={() => void loadSolution(lesson)}>
          {t('loadSolution')}
        </button>
      </details>
    </article>
  );
}
