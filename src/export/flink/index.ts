/**
 * The `flink-sql` export: each Analytics node's KDA SQL translated to Flink SQL (translate.ts), and
 * the PyFlink runner (runner.ts) that the CloudFormation export's Managed Flink application starts.
 * Loaded lazily by the studio (with the Export dialog): the SQL parser is not in the first load.
 */
import type { PipelineDoc } from '../../model/types.ts';
import { ACCOUNT_PLACEHOLDER, type Deploy, REGION_PLACEHOLDER } from './tables.ts';
import { type FlinkScript, translateNode } from './translate.ts';

export { FLINK_MAIN_PY } from './runner.ts';
export type { FlinkScript } from './translate.ts';

/**
 * Every Analytics node's script. Names carry the environment prefix as the CloudFormation export's
 * (`dev-clicks`); region and account stay placeholders that main.py fills in on Managed Flink,
 * unless given.
 */
export function toFlinkSql(doc: PipelineDoc, opts: Partial<Deploy> = {}): FlinkScript[] {
  const d: Deploy = {
    prefix: opts.prefix ?? 'dev',
    region: opts.region ?? REGION_PLACEHOLDER,
    account: opts.account ?? ACCOUNT_PLACEHOLDER,
  };
  const out: FlinkScript[] = [];
  for (const n of doc.nodes) if (n.kind === 'analytics') out.push(translateNode(doc, n, d));
  return out;
}

/** All scripts one after another, each under a banner naming its node and file. */
export function flinkSqlText(scripts: FlinkScript[]): string {
  return scripts.map((s) => `-- ===== ${s.fileName} (Analytics node "${s.node}") =====\n${s.sql}`).join('\n');
}
