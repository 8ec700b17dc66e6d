/**
 * "Make this a lesson": the current design becomes a lesson's start, with checks proposed from the
 * current run's figures (src/lessons/propose.ts). The instructor edits ids, texts and values, keeps
 * the checks they want, then downloads the lesson file or adds it to the list.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Lesson, LessonSchema, OPS, type Op } from '../../lessons/index.ts';
import { lessonFromDesign } from '../../lessons/propose.ts';
import { lessonsStore } from '../../store/lessons.ts';
import { studioStore, useStudio } from '../../store/studio.ts';
import { Modal } from '../dialogs/Modal.tsx';
import { simController } from '../run/controller.ts';
import { downloadLesson } from './actions.ts';

type Draft = { lesson: Lesson; use: boolean[] } | { error: string } | null;

export function MakeLesson({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('lessons');
  // Check texts are edited in the studio's language; the other language keeps the proposed text.
  const locale = useStudio((s) => s.locale);
  const [draft, setDraft] = useState<Draft>(null);
  useEffect(() => {
    const engine = simController.engine();
    if (!engine) {
      setDraft({ error: t('makeNeedsRun') });
      return;
    }
    engine
      .report()
      .then((report) => {
        const lesson = lessonFromDesign(studioStore.getState().doc, report);
        setDraft({ lesson, use: lesson.checks.map(() => true) });
      })
      .catch((e: unknown) => setDraft({ error: String(e) }));
  }, [t]);

  const edit = (f: (l: Lesson) => Lesson) =>
    setDraft((d) => (d && 'lesson' in d ? { ...d, lesson: f(d.lesson) } : d));
  const final = (): Lesson | string => {
    if (!draft || !('lesson' in draft)) return '';
    const lesson = { ...draft.lesson, checks: draft.lesson.checks.filter((_, i) => draft.use[i]) };
    const r = LessonSchema.safeParse(lesson);
    return r.success ? r.data : t('invalid', { message: r.error.issues[0]?.message ?? '' });
  };
  const result = draft && 'lesson' in draft ? final() : null;

  return (
    <Modal title={t('makeTitle')} onClose={onClose} className="modal--wide make-lesson">
      {!draft && <p>…</p>}
      {draft && 'error' in draft && <p>{draft.error}</p>}
      {draft && 'lesson' in draft && (
        <>
          <p>{t('makeIntro', { sec: draft.lesson.runSec })}</p>
          <div className="make-lesson__fields">
            <label>
              {t('lessonId')}
              <input value={draft.lesson.id} onChange={(e) => edit((l) => ({ ...l, id: e.target.value }))} />
            </label>
            <label>
              {t('lessonTitle')}
              <input
                value={draft.lesson.title.en}
                onChange={(e) => edit((l) => ({ ...l, title: { ...l.title, en: e.target.value } }))}
              />
            </label>
            <label>
              {t('lessonTitleJa')}
              <input
                value={draft.lesson.title.ja}
                onChange={(e) => edit((l) => ({ ...l, title: { ...l.title, ja: e.target.value } }))}
              />
            </label>
          </div>
          {draft.lesson.checks.length === 0 && <p>{t('noChecks')}</p>}
          <table className="make-lesson__checks">
            <thead>
              <tr>
                <th>{t('use')}</th>
                <th>{t('checkText')}</th>
                <th>{t('value')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.lesson.checks.map((c, i) => (
                <tr key={c.id} data-check={c.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t('use')}: ${c.id}`}
                      checked={draft.use[i]}
                      onChange={(e) =>
                        setDraft((d) =>
                          d && 'lesson' in d
                            ? { ...d, use: d.use.map((u, j) => (j === i ? e.target.checked : u)) }
                            : d,
                        )
                      }
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${t('checkText')}: ${c.id}`}
                      value={c.text[locale]}
                      onChange={(e) =>
                        edit((l) => ({
                          ...l,
                          checks: l.checks.map((x, j) =>
                            j === i ? { ...x, text: { ...x.text, [locale]: e.target.value } } : x,
                          ),
                        }))
                      }
                    />
                    <code className="make-lesson__rule">{c.measure}</code>
                  </td>
                  <td className="make-lesson__value">
                    <select
                      aria-label={`${t('op')}: ${c.id}`}
                      value={c.op}
                      onChange={(e) =>
                        edit((l) => ({
                          ...l,
                          checks: l.checks.map((x, j) => (j === i ? { ...x, op: e.target.value as Op } : x)),
                        }))
                      }
                    >
                      {OPS.map((op) => (
                        <option key={op} value={op}>
                          {op === 'between' ? t('between') : op}
                        </option>
                      ))}
                    </select>
                    <input
                      type="number"
                      aria-label={`${t('value')}: ${c.id}`}
                      value={c.value}
                      onChange={(e) =>
                        edit((l) => ({
                          ...l,
                          checks: l.checks.map((x, j) =>
                            j === i ? { ...x, value: Number(e.target.value) } : x,
                          ),
                        }))
                      }
                    />
                    {c.op === 'between' && (
                      <input
                        type="number"
                        aria-label={`${t('max')}: ${c.id}`}
                        value={c.max ?? c.value}
                        onChange={(e) =>
                          edit((l) => ({
                            ...l,
                            checks: l.checks.map((x, j) =>
                              j === i ? { ...x, max: Number(e.target.value) } : x,
                            ),
                          }))
                        }
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {typeof result === 'string' && result && <p className="make-lesson__error">{result}</p>}
          <div className="modal__actions">
            <button type="button" onClick={onClose}>
              {t('cancel')}
            </button>
            <button
              type="button"
              disabled={typeof result === 'string'}
              onClick={() => {
                if (result && typeof result !== 'string') lessonsStore.getState().addImported(result);
                onClose();
              }}
            >
              {t('addToList')}
            </button>
            <button
              type="button"
              disabled={typeof result === 'string'}
              onClick={() => {
                if (result && typeof result !== 'string') downloadLesson(result);
              }}
            >
              {t('download')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
