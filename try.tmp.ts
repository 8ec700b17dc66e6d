import { readFileSync } from 'node:fs';
import { RegoEngine } from '@aws/cloudformation-validate';
import { toCloudFormation } from './src/export/cloudformation/index.ts';
const engine = new RegoEngine();
for (const f of ['adtech','clickstream','hot-key','leaderboard','log-analytics','selfie-dashboard','slow-lambda','sushi-iot']) {
  const doc = JSON.parse(readFileSync(`/work/wt/export2/examples/${f}.json`, 'utf8'));
  const t = toCloudFormation(doc.design ?? doc).template;
  const mem = { path: `${f}.json`, readBytes: () => Buffer.from(JSON.stringify(t)) } as never;
  const r = engine.validateStandard(mem, { severityLevel: 'WARN' } as never) as { diagnostics: { severity: string; ruleId?: string; message: string; path?: unknown }[] };
  console.log(f, Object.keys(t.Resources).length, 'resources');
  for (const d of r.diagnostics) console.log('  ', d.severity, JSON.stringify(d).slice(0, 300));
}
