/**
 * Cost tab: live $/hour and projected $/month from the simulated traffic, the breakdown by node
 * and line item, the assumptions, and the price book switch (2017 prices from the talk, current).
 */
import { useTranslation } from 'react-i18next';
import type { CostItem } from '../../engine/api.ts';
import { type SimState, useSim, useThrottledSim } from '../../store/simStore.ts';
import { studioStore, useStudio } from '../../store/studio.ts';
import { useLocale } from '../locale.ts';
import { Assumptions, CostEstimateView, fmtQuantity } from './CostEstimate.tsx';
import { simController } from './controller.ts';
import { itemText, unitText } from './cost-text.ts';
import { fmtUsd } from './format.ts';

const costOf = (s: SimState) => (s.status !== 'idle' ? s.frame?.cost : undefined);

function PriceBookSwitch() {
  const { t } = useTranslation('run');
  const book = useStudio((s) => s.doc.settings.priceBook);
  const runExists = useSim((s) => s.status === 'running' || s.status === 'paused');
  const choose = (priceBook: '2017' | 'current') => {
    if (priceBook === book) return;
    studioStore.getState().dispatch([{ type: 'doc/settings', settings: { priceBook } }]);
    if (runExists) void simController.restart();
  };
  return (
    <fieldset className="run-cost__book">
      <legend>{t('cost.priceBook')}</legend>
      {(['2017', 'current'] as const).map((b) => (
        <label key={b}>
          <input type="radio" name="price-book" checked={book === b} onChange={() => choose(b)} />
          {b === '2017' ? t('cost.book2017') : t('cost.bookCurrent')}
        </label>
      ))}
      <span className="run-tab__hint">{t('cost.switchNote')}</span>
    </fieldset>
  );
}

export function CostTab() {
  const { t } = useTranslation('run');
  const { t: tc } = useTranslation('cost');
  const l = useLocale();
  const cost = useThrottledSim(costOf);
  const names = useStudio((s) => s.doc.nodes);
  if (!cost) return <CostEstimateView priceBookSwitch={<PriceBookSwitch />} />;
  const byNode = new Map<string, CostItem[]>();
  for (const item of cost.items) byNode.set(item.nodeId, [...(byNode.get(item.nodeId) ?? []), item]);
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? id;
  return (
    <div className="run-tab run-cost">
      <div className="run-cost__figures">
        <div>
          <span className="run-cost__label">{t('cost.perHour')}</span>
          <strong>{fmtUsd(cost.perHourUsd, l)}</strong>
        </div>
        <div>
          <span className="run-cost__label">{t('cost.perMonth')}</span>
          <strong>{fmtUsd(cost.perMonthUsd, l)}</strong>
        </div>
        <div>
          <span className="run-cost__label">{t('cost.total')}</span>
          <strong>{fmtUsd(cost.totalUsd, l)}</strong>
        </div>
        <PriceBookSwitch />
      </div>
      <div className="run-cost__body">
        <table className="run-table" aria-label={t('cost.byNode')}>
          <caption>{t('cost.byNode')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.node')}</th>
              <th scope="col">{t('cost.item')}</th>
              <th scope="col">{t('cost.quantity')}</th>
              <th scope="col">{t('cost.usd')}</th>
            </tr>
          </thead>
          <tbody>
            {[...byNode.entries()].flatMap(([nodeId, items]) =>
              items.map((item, i) => (
                <tr key={`${nodeId}-${item.item}`}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={items.length}>
                      {nameOf(nodeId)}
                    </th>
                  )}
                  <td>{itemText(tc, item.item)}</td>
                  <td className="num">
                    {fmtQuantity(item.quantity, item.unit, l)} {unitText(tc, item.unit)}
                  </td>
                  <td className="num">{fmtUsd(item.usd, l)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
        <Assumptions list={cost.assumptions} />
      </div>
    </div>
  );
}
