/**
 * Destinations tab: what landed where, drawn by each kind's contents viewer (src/ui/kinds): S3
 * objects, Redshift rows, OpenSearch documents, DynamoDB items, a consumer application's checkpoints.
 */
import { useTranslation } from 'react-i18next';
import { CONTENTS_KINDS, type ContentsViewer, contentsViewer } from '../kinds/index.tsx';
import { simController } from './controller.ts';
import { useEnginePoll, useRunExists, useTargetNode } from './hooks.ts';
import { NodePicker, NotRunning } from './NodePicker.tsx';

export { objectText } from '../kinds/s3.tsx';

export function DestinationsTab() {
  const { t } = useTranslation('run');
  const exists = useRunExists();
  const { node, candidates, pick } = useTargetNode(CONTENTS_KINDS);
  const d = useEnginePoll(`dest:${node?.id ?? ''}`, (e) =>
    node ? e.destination(node.id) : Promise.resolve(undefined),
  );
  // The viewer of what the engine returned (its kind, so a viewer never gets another kind's contents).
  const Contents = d ? (contentsViewer(d.kind) as ContentsViewer<typeof d.kind>) : null;
  if (!exists) return <NotRunning />;
  if (!node) return <p className="run-tab__empty">{t('destinations.none')}</p>;
  return (
    <div className="run-tab">
      <div className="run-tab__bar">
        <NodePicker label={t('destinations.pick')} node={node} candidates={candidates} pick={pick} />
      </div>
      {Contents && d ? <Contents nodeId={node.id} d={d} engine={simController.engine} /> : null}
    </div>
  );
}
