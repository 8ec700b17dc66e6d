/** The design's kept runs, newest first: label (renamable), when, key figures, A/B pick, delete. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { historyStore, useHistory } from '../../store/history.ts';
import { fmtCount, fmtDollars } from '../../store/history-compare.ts';
import { displayLabel, type HistoryEntry } from '../../store/history-entry.ts';
import { useLocale } from '../locale.ts';

function RunItem({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation('history');
  const locale = useLocale();
  const pickA = useHistory((s) => s.pickA);
  const pickB = useHistory((s) => s.pickB);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(entry.label);
  const f = entry.figures;
  const store = historyStore.getState();
  const label = displayLabel(entry, locale);
  const slot = entry.id === pickA ? 'a' : entry.id === pickB ? 'b' : null;
  return (
    <li className={`history-run${slot ? ` history-run--${slot}` : ''}`} aria-label={label}>
      <div className="history-run__picks">
        <button
          type="button"
          className="history-pick history-pick--a"
          aria-pressed={entry.id === pickA}
          title={t('pickATitle')}
          onClick={() => store.pick('a', entry.id)}
        >
          {t('pickA')}
        </button>
        <button
          type="button"
          className="history-pick history-pick--b"
          aria-pressed={entry.id === pickB}
          title={t('pickBTitle')}
          onClick={() => store.pick('b', entry.id)}
        >
          {t('pickB')}
        </button>
      </div>
      <div className="history-run__body">
        {editing ? (
          <form
            className="history-run__rename"
            onSubmit={(e) => {
              e.preventDefault();
              void store.rename(entry.id, text);
              setEditing(false);
            }}
          >
            <input
              aria-label={t('renameLabel')}
              value={text}
              // biome-ignore lint/a11y/noAutofocus: the field the user just asked to edit
              autoFocus
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
            />
            <button type="submit">{t('save')}</button>
          </form>
        ) : (
          <button
            type="button"
            className="history-run__label"
            title={t('rename')}
            onClick={() => {
              setText(entry.label);
              setEditing(true);
            }}
          >
            {label}
          </button>
        )}
        <span className="history-run__figures">
          {t('summary', {
            throttled: fmtCount(f.throttledRecords),
            dropped: fmtCount(f.droppedRecords),
            cost: fmtDollars(f.costPerMonthUsd),
          })}
        </span>
        <span className="history-run__when">
          {new Date(entry.createdAt).toLocaleString(locale, {
            dateStyle: 'short',
            timeStyle: 'short',
          })}
          {` · ${t('seedOf', { seed: entry.seed })}`}
        </span>
      </div>
      <button
        type="button"
        className="history-run__remove"
        title={t('removeTitle', { label })}
        aria-label={t('removeTitle', { label })}
        onClick={() => void store.remove(entry.id)}
      >
        ✕
      </button>
    </li>
  );
}

export function RunList({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation('history');
  return (
    <ol className="history-list" aria-label={t('listTitle')}>
      {[...entries].reverse().map((e) => (
        <RunItem key={e.id} entry={e} />
      ))}
    </ol>
  );
}
