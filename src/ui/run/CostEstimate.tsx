/**
 * The Cost tab while nothing runs: the design's cost estimated from its rates, sizes and the price
 * book (engine estimateCost), per node and item, per hour and per month, with each price's source
 * and the assumptions (in Japanese where a translation is known). A run replaces it with the
 * metered cost.
 */
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/studio.ts';
import { useLocale } from '../locale.ts';
import { assumptionText, itemText, sourceText, unitText } from './cost-text.ts';
import { fmtNum, fmtUsd } from './format.ts';
import { SizingAnswers } from './SizingAnswers.tsx';
import { useCostEstimate } from './useCostEstimate.ts';

/** Counts (requests, units) print as integers; hours and GB with decimals. */
export function fmtQuantity(q: number, unit: string, lang: string): string {
  const count = /requests|units|records/i.test(unit);
  return fmtNum(q, lang, count || q >= 100 ? 0 : 2);
}

/** What the cost leaves out or assumes, in the studio's language (both the estimate and the metered cost). */
export function Assumptions({ list }: { list: readonly string[] }) {
  const { t } = useTranslation('run');
  const { t: tc } = useTranslation('cost');
  return (
    <section className="run-cost__assumptions">
      <h3>{t('cost.assumptions')}</h3>
      <ul>
        {list.map((a) => (
          <li key={a}>{assumptionText(tc, a)}</li>
        ))}
      </ul>
    </section>
  );
}

export function CostEstimateView({ priceBookSwitch }: { priceBookSwitch: React.ReactNode }) {
  const { t } = useTranslation('run');
  const { t: tc } = useTranslation('cost');
  const l = useLocale();
  const est = useCostEstimate();
  const names = useStudio((s) => s.doc.nodes);
  if (!est) return null;
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? id;
  return (
    <div className="run-tab run-cost">
      <p className="run-tab__hint">{t('cost.estimateTitle')}</p>
      <div className="run-cost__figures">
        <div>
          <span className="run-cost__label">{t('cost.perHour')}</span>
          <strong data-testid="estimate-hour">{fmtUsd(est.perHourUsd, l)}</strong>
        </div>
        <div>
          <span className="run-cost__label">{t('cost.perMonth')}</span>
          <strong data-testid="estimate-month">{fmtUsd(est.perMonthUsd, l)}</strong>
        </div>
        {priceBookSwitch}
      </div>
      <div className="run-cost__body">
        <table className="run-table" aria-label={t('cost.byNode')}>
          <caption>{t('cost.byNode')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.node')}</th>
              <th scope="col">{t('cost.item')}</th>
              <th scope="col">{t('cost.quantity')}</th>
              <th scope="col">{t('cost.perHourItem')}</th>
              <th scope="col">{t('cost.perMonthItem')}</th>
            </tr>
          </thead>
          <tbody>
            {est.items.map((item) => (
              <tr
                key={`${item.nodeId}-${item.item}`}
                title={`${t('cost.source')}: ${sourceText(tc, item.source, l)}`}
              >
                <th scope="row">{nameOf(item.nodeId)}</th>
                <td>{itemText(tc, item.item)}</td>
                <td className="num">
                  {t('cost.perHourQuantity', {
                    quantity: fmtQuantity(item.quantityPerHour, item.unit, l),
                    unit: unitText(tc, item.unit),
                  })}
                </td>
                <td className="num">{fmtUsd(item.perHourUsd, l)}</td>
                <td className="num">{fmtUsd(item.perMonthUsd, l)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Assumptions list={est.assumptions} />
      </div>
      <SizingAnswers />
    </div>
  );
}
