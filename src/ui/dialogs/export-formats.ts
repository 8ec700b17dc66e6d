/**
 * The studio's export formats: what each writes from the open design. Loaded with the Export dialog
 * (never in the first load): the exporters and the YAML writer come in with it.
 */
import { agentConfig } from '../../export/agent.ts';
import { cloudFormationJson, cloudFormationYaml } from '../../export/cloudformation/index.ts';
import { serializeDocument } from '../../export/document.ts';
import { kdgTemplates } from '../../export/kdg.ts';
import { designLink } from '../../export/link.ts';
import { toTerraform } from '../../export/terraform/index.ts';
import type { PipelineDoc } from '../../model/types.ts';

export type FormatId =
  | 'json'
  | 'cloudformation'
  | 'cloudformation-yaml'
  | 'terraform'
  | 'flink-sql'
  | 'agent'
  | 'kdg'
  | 'link';

export interface FormatOutput {
  /** The text to preview, copy and download; null with `empty` when the design has nothing for it. */
  text: string | null;
  /** i18n key (studio namespace) saying why there is nothing, or why it is refused. */
  empty?: string;
  emptyParams?: Record<string, string | number>;
  fileName: string;
  /** Monaco language of the preview (JSON shows with the JavaScript tokenizer). */
  language: 'javascript' | 'yaml' | 'sql' | 'plaintext';
  mime: string;
}

export const FORMAT_IDS: FormatId[] = [
  'json',
  'cloudformation',
  'cloudformation-yaml',
  'terraform',
  'flink-sql',
  'agent',
  'kdg',
  'link',
];

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '') || 'pipeline';

/** The Flink SQL exporter brings the SQL parser with it: loaded only when that format is chosen. */
export type FlinkExporter = typeof import('../../export/flink/index.ts');
export const loadFlinkExporter = (): Promise<FlinkExporter> => import('../../export/flink/index.ts');

/** `flink` is the loaded Flink SQL exporter; without it the Flink SQL format says it is loading. */
export function writeFormat(
  id: FormatId,
  doc: PipelineDoc,
  base: string,
  flink?: FlinkExporter,
): FormatOutput {
  const s = slug(doc.name);
  switch (id) {
    case 'json':
      return {
        text: serializeDocument(doc),
        fileName: `${s}.json`,
        language: 'javascript',
        mime: 'application/json',
      };
    case 'cloudformation':
      return {
        text: cloudFormationJson(doc),
        fileName: `${s}.template.json`,
        language: 'javascript',
        mime: 'application/json',
      };
    case 'cloudformation-yaml':
      return {
        text: cloudFormationYaml(doc),
        fileName: `${s}.template.yaml`,
        language: 'yaml',
        mime: 'application/yaml',
      };
    case 'terraform': {
      // One file to preview and download: variables, resources and outputs together also work as main.tf.
      const f = toTerraform(doc);
      return {
        text: `${f['variables.tf']}\n${f['main.tf']}\n${f['outputs.tf']}`,
        fileName: 'main.tf',
        language: 'plaintext',
        mime: 'text/plain',
      };
    }
    case 'flink-sql': {
      const scripts = flink?.toFlinkSql(doc) ?? [];
      const out = { fileName: `${s}.flink.sql`, language: 'sql' as const, mime: 'text/plain' };
      if (!flink) return { ...out, text: null, empty: 'exportDialog.loadingFlink' };
      return scripts.length > 0
        ? { ...out, text: flink.flinkSqlText(scripts) }
        : { ...out, text: null, empty: 'exportDialog.noAnalytics' };
    }
    case 'agent': {
      const cfg = agentConfig(doc);
      return cfg.flows.length > 0
        ? {
            text: `${JSON.stringify(cfg, null, 2)}\n`,
            fileName: 'agent.json',
            language: 'javascript',
            mime: 'application/json',
          }
        : {
            text: null,
            empty: 'exportDialog.noAgent',
            fileName: 'agent.json',
            language: 'javascript',
            mime: 'application/json',
          };
    }
    case 'kdg': {
      const all = kdgTemplates(doc);
      return all.length > 0
        ? {
            text: `${JSON.stringify({ templates: all }, null, 2)}\n`,
            fileName: `${s}.kdg.json`,
            language: 'javascript',
            mime: 'application/json',
          }
        : {
            text: null,
            empty: 'exportDialog.noTemplate',
            fileName: 'kdg.json',
            language: 'javascript',
            mime: 'application/json',
          };
    }
    case 'link': {
      const r = designLink(doc, base);
      return r.ok
        ? { text: r.url, fileName: `${s}.link.txt`, language: 'plaintext', mime: 'text/plain' }
        : {
            text: null,
            empty: 'exportDialog.tooLarge',
            emptyParams: { chars: r.chars },
            fileName: 'link.txt',
            language: 'plaintext',
            mime: 'text/plain',
          };
    }
  }
}
