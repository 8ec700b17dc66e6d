/**
 * Form controls generated from a kind's FieldDef: number (with a slider for bounded ranges), text,
 * textarea, select, boolean, code (lazy Monaco) and string lists. Every control has a <label>, its
 * unit and help text are announced through aria-describedby, and its validation problems sit right
 * under it. Each change reports a `group` so a typing burst or a slider scrub is one undo step.
 */
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldDef, type FieldOption, type Locale, unitText } from '../../model/kinds/index.ts';
import type { Diagnostic } from '../../model/types.ts';
import { diagnosticText } from '../../model/validate.ts';

const CodeEditor = lazy(() => import('../code/CodeEditor.tsx'));

export interface FieldProps {
  field: FieldDef;
  value: unknown;
  options?: FieldOption[];
  locale: Locale;
  problems: Diagnostic[];
  /** Identifies the undo group: `<node id>:<path>`. */
  groupKey: string;
  onChange(value: unknown, group: string): void;
}

/** Commits so far (numbers), making each one's undo group unique. */
let commits = 0;

/** A slider helps when the range is small enough to scrub (e.g. 1–10 parallelization factor). */
function sliderFits(field: FieldDef): boolean {
  if (field.min === undefined || field.max === undefined) return false;
  const step = field.step ?? (field.type === 'integer' ? 1 : (field.max - field.min) / 100);
  return (field.max - field.min) / step <= 1_000;
}

function NumberInput({
  field,
  locale,
  value,
  onChange,
  groupKey,
  inputId,
  describedBy,
  invalid,
}: FieldProps & {
  inputId: string;
  describedBy: string;
  invalid: boolean;
}) {
  // While the user types, show their text (e.g. "1." or ""), not the last parsed number. The value
  // applies on commit (Enter, leaving the field, releasing the slider), never per keystroke: typing
  // 12 as a live shard count must not reshard to 1 on the way, nor flash a refusal for it.
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (typeof value === 'number' ? String(value) : '');
  const commit = (group: string) => {
    if (draft === null) return;
    setDraft(null);
    const n = Number(draft);
    if (draft.trim() === '' || !Number.isFinite(n)) return;
    const next = field.type === 'integer' ? Math.round(n) : n;
    // Each committed number is its own undo step, however quickly the next one follows.
    if (next !== value) onChange(next, `${group}:${++commits}`);
  };
  return (
    <div className="field__number">
      <input
        id={inputId}
        type="number"
        inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
        value={shown}
        min={field.min}
        max={field.max}
        step={field.step ?? (field.type === 'integer' ? 1 : 'any')}
        aria-describedby={describedBy || undefined}
        aria-invalid={invalid || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(`type:${groupKey}`);
          else if (e.key === 'Escape' && draft !== null) {
            setDraft(null); // back to the value in force
            e.stopPropagation();
          }
        }}
        onBlur={() => commit(`type:${groupKey}`)}
      />
      {field.unit && (
        <span className="field__unit" aria-hidden="true">
          {unitText(field.unit, locale)}
        </span>
      )}
      {sliderFits(field) && (
        <input
          type="range"
          className="field__slider"
          aria-hidden="true"
          tabIndex={-1}
          min={field.min}
          max={field.max}
          step={field.step ?? (field.type === 'integer' ? 1 : 'any')}
          value={draft ?? (typeof value === 'number' ? value : 0)}
          onChange={(e) => setDraft(e.target.value)}
          onPointerUp={() => commit(`scrub:${groupKey}`)}
          onKeyUp={() => commit(`scrub:${groupKey}`)}
          onBlur={() => commit(`scrub:${groupKey}`)}
        />
      )}
    </div>
  );
}

/** One entry per line. While focused the raw text is kept, so Enter can start the next entry. */
function ListInput({
  value,
  onChange,
  groupKey,
  inputId,
  describedBy,
  invalid,
}: FieldProps & {
  inputId: string;
  describedBy: string;
  invalid: boolean;
}) {
  const { t } = useTranslation('inspector');
  const [draft, setDraft] = useState<string | null>(null);
  const list = Array.isArray(value) ? (value as string[]) : [];
  return (
    <textarea
      id={inputId}
      value={draft ?? list.join('\n')}
      rows={3}
      spellCheck={false}
      placeholder={t('onePerLine')}
      aria-describedby={describedBy || undefined}
      aria-invalid={invalid || undefined}
      onChange={(e) => {
        setDraft(e.target.value);
        const items = e.target.value
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        onChange(items, `type:${groupKey}`);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

export function Field(props: FieldProps) {
  const { t } = useTranslation('inspector');
  const { field, value, locale, problems, onChange, groupKey } = props;
  const id = useId();
  const inputId = `${id}-input`;
  const helpId = field.help || field.unit ? `${id}-help` : '';
  const errId = problems.length ? `${id}-problems` : '';
  const describedBy = [helpId, errId].filter(Boolean).join(' ');
  const invalid = problems.some((p) => p.severity === 'error');
  const label = field.label[locale];
  const numberLocale = locale === 'ja' ? 'ja-JP' : 'en-US';
  const options = props.options ?? field.options ?? [];

  let control: React.ReactNode;
  switch (field.type) {
    case 'number':
    case 'integer':
      control = <NumberInput {...props} inputId={inputId} describedBy={describedBy} invalid={invalid} />;
      break;
    case 'boolean':
      control = (
        <input
          id={inputId}
          type="checkbox"
          checked={value === true}
          aria-describedby={describedBy || undefined}
          onChange={(e) => onChange(e.target.checked, `toggle:${groupKey}`)}
        />
      );
      break;
    case 'select':
      control = (
        <select
          id={inputId}
          value={String(value ?? '')}
          aria-describedby={describedBy || undefined}
          aria-invalid={invalid || undefined}
          onChange={(e) => {
            const picked = options.find((o) => String(o.value) === e.target.value);
            onChange(picked ? picked.value : e.target.value, `select:${groupKey}`);
          }}
        >
          {!options.some((o) => String(o.value) === String(value ?? '')) && (
            <option value={String(value ?? '')}>—</option>
          )}
          {options.map((o) => (
            <option key={String(o.value)} value={String(o.value)}>
              {o.label[locale]}
            </option>
          ))}
        </select>
      );
      break;
    case 'textarea':
      control = (
        <textarea
          id={inputId}
          value={String(value ?? '')}
          rows={5}
          spellCheck={false}
          aria-describedby={describedBy || undefined}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value, `type:${groupKey}`)}
        />
      );
      break;
    case 'stringList':
      control = <ListInput {...props} inputId={inputId} describedBy={describedBy} invalid={invalid} />;
      break;
    case 'code':
      control = (
        <div className="field__code nokey">
          <Suspense
            fallback={
              <textarea
                id={inputId}
                className="field__code-fallback"
                value={String(value ?? '')}
                rows={10}
                spellCheck={false}
                onChange={(e) => onChange(e.target.value, `type:${groupKey}`)}
              />
            }
          >
            <CodeEditor
              value={String(value ?? '')}
              language={field.language ?? 'javascript'}
              ariaLabel={label}
              onChange={(text) => onChange(text, `type:${groupKey}`)}
            />
          </Suspense>
        </div>
      );
      break;
    default:
      control = (
        <input
          id={inputId}
          type="text"
          value={String(value ?? '')}
          spellCheck={false}
          aria-describedby={describedBy || undefined}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value, `type:${groupKey}`)}
        />
      );
  }

  return (
    <div className={`field field--${field.type}${invalid ? ' field--invalid' : ''}`}>
      {field.type === 'code' ? (
        <span className="field__label">{label}</span>
      ) : (
        <label className="field__label" htmlFor={inputId}>
          {label}
        </label>
      )}
      {control}
      {helpId && (
        <p className="field__help" id={helpId}>
          {/* The unit is printed next to the input; say it for screen readers only. */}
          {field.unit ? (
            <span className="sr-only">{t('unitSentence', { unit: unitText(field.unit, locale) })}</span>
          ) : null}
          {field.help?.[locale]}
          {field.min !== undefined && field.max !== undefined
            ? ` ${t('range', { min: field.min.toLocaleString(numberLocale), max: field.max.toLocaleString(numberLocale) })}`
            : ''}
        </p>
      )}
      {errId && (
        <ul className="field__problems" id={errId}>
          {problems.map((p) => (
            <li key={`${p.code}-${p.message}`} className={`problem problem--${p.severity}`}>
              <span aria-hidden="true">{p.severity === 'error' ? '✖ ' : '▲ '}</span>
              <span className="sr-only">{t(p.severity)}: </span>
              {diagnosticText(p, locale)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
