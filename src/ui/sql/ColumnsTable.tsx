/**
 * An editable table of input columns (name, SQL type, JSONPath mapping), used for the source stream
 * and for the reference table. Every input has an accessible name naming its row.
 */
import { useTranslation } from 'react-i18next';
import type { InputColumn } from '../../model/types.ts';

const COMMON_TYPES = [
  'VARCHAR(16)',
  'VARCHAR(64)',
  'VARCHAR(256)',
  'INTEGER',
  'BIGINT',
  'DOUBLE',
  'REAL',
  'DECIMAL(19, 4)',
  'BOOLEAN',
  'TIMESTAMP',
  'DATE',
  'TIME',
];

export interface ColumnsTableProps {
  idPrefix: string;
  columns: InputColumn[];
  /** CSV input maps columns by position: the mapping column shows the position instead. */
  csv: boolean;
  caption: string;
  onChange(columns: InputColumn[], group: string): void;
}

export function ColumnsTable({ idPrefix, columns, csv, caption, onChange }: ColumnsTableProps) {
  const { t } = useTranslation('sql');
  const edit = (i: number, patch: Partial<InputColumn>, field: string) =>
    onChange(
      columns.map((c, j) => (j === i ? { ...c, ...patch } : c)),
      `${idPrefix}:${i}:${field}`,
    );
  return (
    <div className="sql-columns">
      <datalist id={`${idPrefix}-types`}>
        {COMMON_TYPES.map((ty) => (
          <option key={ty} value={ty} />
        ))}
      </datalist>
      {columns.length === 0 ? (
        <p className="field__help">{t('schema.empty')}</p>
      ) : (
        <table className="sql-columns__table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('schema.name')}</th>
              <th scope="col">{t('schema.type')}</th>
              <th scope="col">{csv ? t('schema.position') : t('schema.mapping')}</th>
              <th scope="col">
                <span className="sr-only">{t('schema.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c, i) => (
              // Rows are positional (CSV maps by position); the index is the identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <tr key={i}>
                <td>
                  <input
                    type="text"
                    value={c.name}
                    spellCheck={false}
                    aria-label={t('schema.nameOf', { n: i + 1 })}
                    onChange={(e) => edit(i, { name: e.target.value }, 'name')}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    value={c.sqlType}
                    list={`${idPrefix}-types`}
                    spellCheck={false}
                    aria-label={t('schema.typeOf', { n: i + 1 })}
                    onChange={(e) => edit(i, { sqlType: e.target.value.toUpperCase() }, 'type')}
                  />
                </td>
                <td>
                  {csv ? (
                    <span className="sql-columns__pos">{i + 1}</span>
                  ) : (
                    <input
                      type="text"
                      value={c.mapping}
                      spellCheck={false}
                      aria-label={t('schema.mappingOf', { n: i + 1 })}
                      onChange={(e) => edit(i, { mapping: e.target.value }, 'mapping')}
                    />
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('schema.removeOf', { name: c.name || i + 1 })}
                    onClick={() =>
                      onChange(
                        columns.filter((_, j) => j !== i),
                        `${idPrefix}:remove:${i}:${Date.now()}`,
                      )
                    }
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        onClick={() => {
          const n = columns.length + 1;
          onChange(
            [...columns, { name: `COL_${n}`, sqlType: 'VARCHAR(64)', mapping: csv ? '' : `$.col${n}` }],
            `${idPrefix}:add:${Date.now()}`,
          );
        }}
      >
        {t('schema.add')}
      </button>
    </div>
  );
}
