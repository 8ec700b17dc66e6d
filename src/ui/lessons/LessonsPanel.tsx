/**
 * The Lessons panel (toolbar → Lessons): the lessons as a list with each one's progress; the active
 * lesson's text, steps with hints and checks that turn green live; and, for instructors, import a
 * lesson file and "make this a lesson". A region named "Lessons" / "レッスン".
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../lessons/index.ts';
import { activeLesson, allLessons, lessonsStore, startLiveGrading, useLessons } from '../../store/lessons.ts';
import { useStudio } from '../../store/studio.ts';
import { importLessonFile, startLesson } from './actions.ts';
import { LessonView } from './LessonView.tsx';
import { MakeLesson } from './MakeLesson.tsx';
import './lessons.css';

function LessonList({ lessons, onContinue }: { lessons: Lesson[]; onContinue(): void }) {
  const { t } = useTranslation('lessons');
  const locale = useStudio((s) => s.locale);
  const progress = useLessons((s) => s.progress);
  const activeId = useLessons((s) => s.activeId);
  return (
    <ul className="lessons__list" aria-label={t('list')}>
      {lessons.map((l, i) => {
        const p = progress[l.id];
        const passed = p ? l.checks.filter((c) => p.passed.includes(c.id)).length : 0;
        return (
          <li key={l.id} className={`lessons__item${p?.completed ? ' lessons__item--done' : ''}`}>
            <span className="lessons__num" aria-hidden="true">
              {p?.completed ? '✓' : i + 1}
            </span>
            <span className="lessons__name">
              <span className="lessons__title">{l.title[locale]}</span>
              <span className="lessons__progress">
                {p?.completed
                  ? t('completed')
                  : p
                    ? t('progress', { passed, total: l.checks.length })
                    : t('notStarted')}
              </span>
            </span>
            {activeId === l.id ? (
              <button type="button" onClick={onContinue}>
                {t('continue')}
              </button>
            ) : (
              <button
                type="button"
                aria-label={`${t('start')}: ${l.title[locale]}`}
                onClick={() => void startLesson(l)}
              >
                {t('start')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function LessonsPanel() {
  const { t } = useTranslation('lessons');
  const open = useLessons((s) => s.open);
  const imported = useLessons((s) => s.imported);
  const active = useLessons((s) => activeLesson(s));
  // The list is shown over the active lesson after "All lessons", until another lesson starts.
  const [listShownFor, setListShownFor] = useState<string | null>(null);
  const [making, setMaking] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => startLiveGrading(), []);
  if (!open) return null;
  const lessons = allLessons(imported);
  return (
    <section className="lessons" aria-labelledby="lessons-heading">
      <header className="lessons__head">
        <h2 id="lessons-heading">{t('title')}</h2>
        <button
          type="button"
          className="lessons__close"
          aria-label={t('close')}
          onClick={() => lessonsStore.getState().setOpen(false)}
        >
          ×
        </button>
      </header>
      <div className="lessons__body">
        {active && listShownFor !== active.id ? (
          <LessonView lesson={active} onBack={() => setListShownFor(active.id)} />
        ) : (
          <LessonList lessons={lessons} onContinue={() => setListShownFor(null)} />
        )}
      </div>
      <footer className="lessons__foot">
        <span className="lessons__foot-label">{t('instructor')}</span>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('importLesson')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('importLessonFile')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importLessonFile(file);
          }}
        />
        <button type="button" onClick={() => setMaking(true)}>
          {t('make')}
        </button>
      </footer>
      {making && <MakeLesson onClose={() => setMaking(false)} />}
    </section>
  );
}
