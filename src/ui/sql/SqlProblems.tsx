/** The problems of the last SQL check under the editor, each with a visible "Apply fix" when it has one. */
import { useTranslation } from 'react-i18next';
import type { SqlProblem } from '../../sql/index.ts';

export interface SqlProblemsProps {
  problems: SqlProblem[];
  /** null = not checked yet; false = no checker in this build. */
  state: 'checking' | 'done' | 'unavailable';
  onFix(text: string): void;
  onReveal?(line: number, column: number): void;
}

export function SqlProblems({ problems, state, onFix, onReveal }: SqlProblemsProps) {
  const { t } = useTranslation('sql');
  if (state === 'unavailable') return <p className="field__help">{t('editor.noChecker')}</p>;
  if (problems.length === 0) {
    return (
      <p className="sql-problems__ok" role="status">
        {state === 'checking' ? t('editor.checking') : t('editor.ok')}
      </p>
    );
  }
  return (
    <ul className="sql-problems" aria-label={t('editor.problems')}>
      {problems.map((p) => (
        <li key={`${p.line}:${p.column}:${p.message}`} className={`problem problem--${p.severity}`}>
          <span aria-hidden="true">{p.severity === 'error' ? '✖ ' : '▲ '}</span>
          <span className="sr-only">
            {p.severity === 'error' ? t('editor.error') : t('editor.warning')}:{' '}
          </span>
          <button type="button" className="sql-problems__at" onClick={() => onReveal?.(p.line, p.column)}>
            {t('editor.problemAt', { line: p.line, column: p.column })}
          </button>{' '}
          <span className="sql-problems__msg">{p.message}</span>
          {p.fix && (
            <div className="sql-problems__fix">
              <button
                type="button"
                className="sql-fix"
                aria-label={t('editor.applyFixFor', { title: p.fix.title })}
                onClick={() => onFix((p.fix as { text: string }).text)}
              >
                {t('editor.applyFix')}
              </button>{' '}
              <span>{p.fix.title}</span>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
