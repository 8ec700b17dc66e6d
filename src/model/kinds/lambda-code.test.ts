import { describe, expect, it } from 'vitest';
import { createNode } from '../factory.ts';
import type { PipelineNodeOf } from '../types.ts';
import { KINDS } from './index.ts';
import { STARTER_CODE } from './lambda-code.ts';

const lambda = (locale?: 'en' | 'ja') => createNode('lambda', { locale }) as PipelineNodeOf<'lambda'>;

describe('Lambda starter code', () => {
  it('comments in the language of the studio the function is created in; the code is the same', () => {
    expect(lambda().config.code).toContain('// Invoked by the event source mapping');
    const ja = lambda('ja').config.code;
    expect(ja).toContain('// イベントソースマッピングが Kinesis レコードのバッチを渡して呼び出します。');
    const strip = (code: string) => code.replace(/\/\/.*$/gm, '');
    for (const use of ['consumer', 'firehoseTransform'] as const)
      expect(strip(STARTER_CODE.ja[use])).toBe(strip(STARTER_CODE.en[use]));
  });

  it('an untouched Japanese handler follows the use in Japanese; an edited one stays', () => {
    const follow = KINDS.lambda.afterSet;
    const before = lambda('ja').config;
    const next = follow?.(before, { ...before, use: 'firehoseTransform' }, 'use');
    expect(next?.code).toBe(STARTER_CODE.ja.firehoseTransform);
    const edited = { ...before, code: `${before.code}\n// mine` };
    expect(follow?.(edited, { ...edited, use: 'firehoseTransform' }, 'use').code).toBe(edited.code);
  });
});
