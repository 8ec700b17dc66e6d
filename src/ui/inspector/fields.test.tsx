// @vitest-environment happy-dom
/** Numbers apply on commit: typing "12" as a live shard count never applies 1 on the way. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldDef } from '../../model/kinds/index.ts';
import { i18n } from '../i18n/index.ts';
import { Field } from './fields.tsx';

const shards: FieldDef = {
  path: 'shardCount',
  label: { en: 'Shards', ja: 'シャード数' },
  type: 'integer',
  min: 1,
  max: 10_000,
};

function renderShards(value: number) {
  const applied: unknown[] = [];
  render(
    <I18nextProvider i18n={i18n}>
      <Field
        field={shards}
        value={value}
        locale="en"
        problems={[]}
        groupKey="s:shardCount"
        onChange={(v) => applied.push(v)}
      />
    </I18nextProvider>,
  );
  return { input: screen.getByRole('spinbutton', { name: 'Shards' }) as HTMLInputElement, applied };
}

afterEach(cleanup);

describe('number fields', () => {
  it('typing 1 then 12 applies nothing until Enter, then 12 once', () => {
    const { input, applied } = renderShards(4);
    fireEvent.change(input, { target: { value: '1' } });
    fireEvent.change(input, { target: { value: '12' } });
    expect(applied).toEqual([]);
    expect(input.value).toBe('12');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(applied).toEqual([12]);
  });

  it('leaving the field applies the typed number; Escape puts back the value in force', () => {
    const { input, applied } = renderShards(4);
    fireEvent.change(input, { target: { value: '8' } });
    fireEvent.blur(input);
    expect(applied).toEqual([8]);
    fireEvent.change(input, { target: { value: '20' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('4');
    fireEvent.blur(input);
    expect(applied).toEqual([8]);
  });

  it('an empty field or the unchanged value applies nothing', () => {
    const { input, applied } = renderShards(4);
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.change(input, { target: { value: '4' } });
    fireEvent.blur(input);
    expect(applied).toEqual([]);
  });
});
