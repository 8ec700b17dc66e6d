/** The producer's send-rate fields: the rate profile and its settings, 24 hourly rates for "periodic". */
import type { ProducerConfig } from '../types.ts';
import { type FieldDef, t } from './types.ts';

const RATE = t('Send rate', '送信レート');

const isRate = (type: string) => (c: ProducerConfig) => c.rate.type === type;

const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** Data Generator "periodic" default: quiet at night, a daytime plateau, an evening peak (records/s). */
export const DEFAULT_HOURLY = [
  20, 10, 10, 10, 10, 20, 40, 80, 100, 100, 100, 120, 140, 120, 100, 100, 110, 130, 160, 180, 150, 100, 60,
  40,
];

const hourlyFields: FieldDef<ProducerConfig>[] = HOURS.map((h) => ({
  path: `rate.hourly.${h}`,
  label: t(`${String(h).padStart(2, '0')}:00 UTC`, `${String(h).padStart(2, '0')}:00 UTC`),
  section: t('Rate by hour of day', '時間帯別レート'),
  type: 'number',
  unit: 'rec/s',
  min: 0,
  max: 1_000_000,
  visible: isRate('periodic'),
}));

/** In inspector order: profile, constant, ramp, periodic (noise, then the 24 hours), burst. */
export const rateFields: FieldDef<ProducerConfig>[] = [
  {
    path: 'rate.type',
    label: t('Rate profile', 'レートの形'),
    section: RATE,
    type: 'select',
    options: [
      { value: 'constant', label: t('Constant', '一定') },
      { value: 'ramp', label: t('Ramp', 'ランプ') },
      { value: 'periodic', label: t('Periodic (hour of day)', '周期 (時間帯別)') },
      { value: 'burst', label: t('Burst', 'バースト') },
    ],
  },
  {
    path: 'rate.recordsPerSec',
    label: t('Records per second', '毎秒レコード数'),
    section: RATE,
    type: 'number',
    unit: 'rec/s',
    min: 0,
    max: 1_000_000,
    visible: isRate('constant'),
  },
  {
    path: 'rate.fromPerSec',
    label: t('From', '開始レート'),
    section: RATE,
    type: 'number',
    unit: 'rec/s',
    min: 0,
    max: 1_000_000,
    visible: isRate('ramp'),
  },
  {
    path: 'rate.toPerSec',
    label: t('To', '終了レート'),
    section: RATE,
    type: 'number',
    unit: 'rec/s',
    min: 0,
    max: 1_000_000,
    visible: isRate('ramp'),
  },
  {
    path: 'rate.overSec',
    label: t('Over', '変化にかける時間'),
    section: RATE,
    type: 'integer',
    unit: 's',
    min: 1,
    max: 86_400,
    visible: isRate('ramp'),
  },
  {
    path: 'rate.sigmaPct',
    label: t('Noise (sigma)', 'ゆらぎ (シグマ)'),
    help: t(
      'Gaussian noise around each hour’s rate, in percent.',
      '各時間帯のレートに加えるガウスノイズ (%)。',
    ),
    section: RATE,
    type: 'number',
    unit: '%',
    min: 0,
    max: 100,
    visible: isRate('periodic'),
  },
  ...hourlyFields,
  {
    path: 'rate.basePerSec',
    label: t('Base rate', '通常時レート'),
    section: RATE,
    type: 'number',
    unit: 'rec/s',
    min: 0,
    max: 1_000_000,
    visible: isRate('burst'),
  },
  {
    path: 'rate.burstPerSec',
    label: t('Burst rate', 'バースト時レート'),
    section: RATE,
    type: 'number',
    unit: 'rec/s',
    min: 0,
    max: 1_000_000,
    visible: isRate('burst'),
  },
  {
    path: 'rate.burstSec',
    label: t('Burst length', 'バーストの長さ'),
    section: RATE,
    type: 'integer',
    unit: 's',
    min: 1,
    max: 86_400,
    visible: isRate('burst'),
  },
  {
    path: 'rate.everySec',
    label: t('Every', '間隔'),
    section: RATE,
    type: 'integer',
    unit: 's',
    min: 1,
    max: 86_400,
    visible: isRate('burst'),
  },
];
