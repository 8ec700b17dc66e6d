/**
 * The template gallery's list, read from the model's `src/model/templates/index.ts` through a glob
 * so the studio still builds (with an empty gallery and an empty first design) while that module
 * is absent.
 */
import type { Text } from '../model/kinds/types.ts';
import type { PipelineDoc } from '../model/types.ts';

export interface TemplateInfo {
  id: string;
  title: Text;
  description: Text;
  doc: PipelineDoc;
}

const modules = import.meta.glob<{ TEMPLATES: TemplateInfo[] }>('../model/templates/index.ts', {
  eager: true,
});

export const TEMPLATES: TemplateInfo[] = Object.values(modules)[0]?.TEMPLATES ?? [];
