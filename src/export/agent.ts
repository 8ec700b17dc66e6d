/**
 * Kinesis Agent `agent.json` for the design's Agent producers: one flow per producer, to the data
 * stream (`kinesisStream`) or the Firehose (`deliveryStream`) it is wired to, with its file pattern,
 * initial position, partition key option and data processing options.
 */
import type { PipelineDoc } from '../model/types.ts';

export interface AgentFlow {
  filePattern: string;
  initialPosition: string;
  kinesisStream?: string;
  deliveryStream?: string;
  partitionKeyOption?: string;
  maxBufferAgeMillis: number;
  maxBufferSizeRecords: number;
  dataProcessingOptions?: Record<string, unknown>[];
}

/** The agent.json for every Agent producer; `prefix` is the deployed environment prefix (names are `<prefix>-<name>`). */
export function agentConfig(doc: PipelineDoc, prefix = 'dev'): { flows: AgentFlow[] } {
  const flows: AgentFlow[] = [];
  for (const n of doc.nodes) {
    if (n.kind !== 'producer' || n.config.source !== 'agent') continue;
    const a = n.config.agent;
    for (const e of doc.edges.filter((x) => x.source === n.id)) {
      const target = doc.nodes.find((x) => x.id === e.target);
      if (!target) continue;
      const flow: AgentFlow = {
        filePattern: a.filePattern,
        initialPosition: a.initialPosition,
        maxBufferAgeMillis: a.maxBufferAgeMillis,
        maxBufferSizeRecords: a.maxBufferSizeRecords,
      };
      if (target.kind === 'stream') {
        flow.kinesisStream = `${prefix}-${target.name}`;
        flow.partitionKeyOption = a.partitionKeyOption;
      } else flow.deliveryStream = `${prefix}-${target.name}`;
      const processing = processingOptions(a.processing, a.logFormat, a.customFieldNames);
      if (processing.length > 0) flow.dataProcessingOptions = processing;
      flows.push(flow);
    }
  }
  return { flows };
}

function processingOptions(kind: string, logFormat: string, fields: string): Record<string, unknown>[] {
  if (kind === 'SINGLELINE') return [{ optionName: 'SINGLELINE' }];
  if (kind === 'LOGTOJSON') return [{ optionName: 'LOGTOJSON', logFormat }];
  if (kind === 'CSVTOJSON')
    return [
      {
        optionName: 'CSVTOJSON',
        customFieldNames: fields
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean),
      },
    ];
  return [];
}
