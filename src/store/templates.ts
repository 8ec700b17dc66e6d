/** The template gallery's list: the model's templates (`src/model/templates/index.ts`). */
export { TEMPLATES, type Template as TemplateInfo } from '../model/templates/index.ts';
