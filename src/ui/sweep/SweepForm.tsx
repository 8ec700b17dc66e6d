/**
 * What to sweep: a node and one of its numeric fields (from the kind's definition) over
 * from..to by step, optionally a second field (a grid), the simulated seconds per run and the
 * headroom. Starts and cancels the sweep; the progress bar lives in SweepTab.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  axisValues,
  defaultRange,
  fieldText,
  MAX_POINTS,
  numericFields,
  type SweepField,
  type SweepSpec,
} from '../../engine/plan/sweep-grid.ts';
import type { PipelineDoc } from '../../model/types.ts';

export interface AxisDraft {
  nodeId: string;
  field: string;
  from: string;
  to: string;
  step: string;
}

type L = 'en' | 'ja';

export function fieldLabel(f: SweepField | undefined, path: string, l: L): string {
  return fieldText(f, path, l);
}

function draftFor(doc: PipelineDoc, nodeId: string, field?: string): AxisDraft {
  const fields = numericFields(doc, nodeId);
  const f = fields.find((x) => x.path === field) ?? fields.find((x) => x.path === 'shardCount') ?? fields[0];
  if (!f) return { nodeId, field: '', from: '', to: '', step: '' };
  const r = defaultRange(f);
  return { nodeId, field: f.path, from: String(r.from), to: String(r.to), step: String(r.step) };
}

/** The first axis to offer: a provisioned stream's shards if there is one. */
export function firstDraft(doc: PipelineDoc): AxisDraft | null {
  const withFields = doc.nodes.filter((n) => numericFields(doc, n.id).length > 0);
  const stream = withFields.find((n) => numericFields(doc, n.id).some((f) => f.path === 'shardCount'));
  const node = stream ?? withFields[0];
  return node ? draftFor(doc, node.id) : null;
}

/** A second axis to offer: another node's field (a producer's rate beside a stream's shards), else another field. */
function secondDraft(doc: PipelineDoc, first: AxisDraft): AxisDraft | null {
  const other = doc.nodes.find((n) => n.id !== first.nodeId && numericFields(doc, n.id).length > 0);
  if (other) return draftFor(doc, other.id);
  const f = numericFields(doc, first.nodeId).find((x) => x.path !== first.field);
  return f ? draftFor(doc, first.nodeId, f.path) : null;
}

function AxisFields({
  doc,
  draft,
  set,
  legend,
  idPrefix,
}: {
  doc: PipelineDoc;
  draft: AxisDraft;
  set(d: AxisDraft): void;
  legend: string;
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation('sweep');
  const l: L = i18n.language === 'ja' ? 'ja' : 'en';
  const nodes = doc.nodes.filter((n) => numericFields(doc, n.id).length > 0);
  const fields = numericFields(doc, draft.nodeId);
  const num = (key: 'from' | 'to' | 'step', label: string) => (
    <label className="sweep-form__num">
      <span>{label}</span>
      <input
        id={`${idPrefix}-${key}`}
        type="number"
        value={draft[key]}
        onChange={(e) => set({ ...draft, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="sweep-form__axis">
      <legend>{legend}</legend>
      <label>
        <span>{t('node')}</span>
        <select value={draft.nodeId} onChange={(e) => set(draftFor(doc, e.target.value))}>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('field')}</span>
        <select value={draft.field} onChange={(e) => set(draftFor(doc, draft.nodeId, e.target.value))}>
          {fields.map((f) => (
            <option key={f.path} value={f.path}>
              {fieldLabel(f, f.path, l)}
            </option>
          ))}
        </select>
      </label>
      {num('from', t('from'))}
      {num('to', t('to'))}
      {num('step', t('step'))}
    </fieldset>
  );
}

/** The spec the drafts describe, or the first problem (in the UI's language). */
function specOf(
  doc: PipelineDoc,
  drafts: AxisDraft[],
  duration: string,
  headroom: string,
  l: L,
): SweepSpec | string {
  const axes = [];
  for (const d of drafts) {
    const f = numericFields(doc, d.nodeId).find((x) => x.path === d.field);
    if (!f) return l === 'ja' ? '項目を選んでください。' : 'Pick a field.';
    const values = axisValues(Number(d.from), Number(d.to), Number(d.step), f.integer);
    if (!Array.isArray(values)) return `${fieldLabel(f, d.field, l)}: ${values[l]}`;
    if (f.min !== undefined && values[0] < f.min) return `${fieldLabel(f, d.field, l)}: ≥ ${f.min}`;
    if (f.max !== undefined && values[values.length - 1] > f.max)
      return `${fieldLabel(f, d.field, l)}: ≤ ${f.max}`;
    axes.push({ nodeId: d.nodeId, field: d.field, values });
  }
  const count = axes.reduce((n, a) => n * a.values.length, 1);
  if (count > MAX_POINTS)
    return l === 'ja'
      ? `${count} 回は多すぎます (最大 ${MAX_POINTS})。`
      : `${count} runs is too many (at most ${MAX_POINTS}).`;
  const durationSec = Number(duration);
  if (!(durationSec >= 1 && durationSec <= 3600))
    return l === 'ja' ? '秒数は 1〜3600 にしてください。' : 'Simulated seconds: 1 to 3,600.';
  const pct = Number(headroom);
  if (!(pct > 0 && pct <= 100))
    return l === 'ja' ? 'ヘッドルームは 1〜100 % です。' : 'Headroom: 1 to 100 %.';
  return { axes, durationSec, headroom: pct / 100 };
}

export function SweepForm({
  doc,
  running,
  onStart,
  onCancel,
}: {
  doc: PipelineDoc;
  running: boolean;
  onStart(spec: SweepSpec): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation('sweep');
  const l: L = i18n.language === 'ja' ? 'ja' : 'en';
  const initial = useMemo(() => firstDraft(doc), [doc]);
  const [first, setFirst] = useState<AxisDraft | null>(initial);
  const [second, setSecond] = useState<AxisDraft | null>(null);
  const [duration, setDuration] = useState(String(Math.min(60, doc.settings.durationSec)));
  const [headroom, setHeadroom] = useState('80');
  const a = first && doc.nodes.some((n) => n.id === first.nodeId) ? first : initial;
  if (!a) return <p className="run-tab__empty">{t('noNodes')}</p>;
  const drafts = second ? [a, second] : [a];
  const spec = specOf(doc, drafts, duration, headroom, l);
  const count = typeof spec === 'string' ? 0 : spec.axes.reduce((n, x) => n * x.values.length, 1);
  return (
    <form
      className="sweep-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (typeof spec !== 'string' && !running) onStart(spec);
      }}
    >
      <AxisFields doc={doc} draft={a} set={setFirst} legend={t('vary')} idPrefix="sweep-a" />
      {second ? (
        <AxisFields doc={doc} draft={second} set={setSecond} legend={t('second')} idPrefix="sweep-b" />
      ) : null}
      <div className="sweep-form__run">
        <label className="sweep-form__check">
          <input
            type="checkbox"
            checked={second !== null}
            onChange={(e) => setSecond(e.target.checked ? secondDraft(doc, a) : null)}
          />
          {t('second')}
        </label>
        <label className="sweep-form__num">
          <span>{t('duration')}</span>
          <input type="number" min={1} value={duration} onChange={(e) => setDuration(e.target.value)} />
        </label>
        <label className="sweep-form__num" title={t('headroomHelp')}>
          <span>{t('headroom')}</span>
          <input
            type="number"
            min={1}
            max={100}
            value={headroom}
            onChange={(e) => setHeadroom(e.target.value)}
          />
        </label>
        {running ? (
          // Distinct keys: a reused <button> would turn type="submit" during the click that cancels, and
          // the browser would then submit the form, starting the sweep again.
          <button key="cancel" type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        ) : (
          <button key="start" type="submit" className="sweep-form__start" disabled={typeof spec === 'string'}>
            {t('start')}
          </button>
        )}
        <span className={typeof spec === 'string' ? 'sweep-form__problem' : 'run-tab__hint'} role="status">
          {typeof spec === 'string' ? spec : t('plan', { count, sec: spec.durationSec })}
        </span>
      </div>
    </form>
  );
}
