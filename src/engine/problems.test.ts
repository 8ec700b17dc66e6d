import { describe, expect, it } from 'vitest';
import { templateById } from '../model/templates/index.ts';
import type { PipelineDoc } from '../model/types.ts';
import { DesignError } from './api.ts';
import { createSimulation } from './index.ts';
import { designProblems } from './problems.ts';

/** The source talk's query as first typed on stage: an aggregate without a ROWTIME GROUP BY. */
const TALK_QUERY =
  "SELECT STREAM COUNT(*) AS MUSTACH_COUNT, STEP(ROWTIME BY INTERVAL '1' SECOND) FROM SOURCE_SQL_STREAM_001 WHERE HAS_MUSTACH = TRUE;";

function selfieWith(sql: string): PipelineDoc {
  const doc = structuredClone(templateById('selfie-dashboard')?.doc as PipelineDoc);
  for (const n of doc.nodes) if (n.kind === 'analytics') n.config.sql = sql;
  return doc;
}

describe('design problems include the Analytics SQL', () => {
  it('the selfie dashboard as shipped has no errors', () => {
    const doc = templateById('selfie-dashboard')?.doc as PipelineDoc;
    expect(designProblems(doc).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("the talk's invalid query is an error on the Analytics node, with its line and column", () => {
    const doc = selfieWith(TALK_QUERY);
    const analytics = doc.nodes.find((n) => n.kind === 'analytics');
    const sqlErrors = designProblems(doc).filter((d) => d.code === 'sql');
    expect(sqlErrors.length).toBeGreaterThan(0);
    expect(sqlErrors[0]).toMatchObject({ severity: 'error', nodeId: analytics?.id, field: 'sql' });
    expect(sqlErrors[0]?.message).toMatch(/^SQL 1:\d+: .*GROUP BY/);
  });

  it('the engine refuses to run it with the same problem the studio shows', () => {
    const doc = selfieWith(TALK_QUERY);
    const shown = designProblems(doc).filter((d) => d.severity === 'error');
    let thrown: unknown;
    try {
      createSimulation(doc, { seed: 1 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DesignError);
    expect((thrown as DesignError).problems).toEqual(shown);
  });
});
