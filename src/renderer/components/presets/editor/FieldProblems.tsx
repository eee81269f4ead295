import { useTranslation } from 'react-i18next';
import { problemsAt, type DraftProblem } from '../../../lib/preset-editing';
import { whatText } from './problem-text';

/** The problems at a field's path, under the field; the field points here with aria-describedby. */
export function FieldProblems({ id, problems, path }: { id: string; problems: DraftProblem[]; path: string }) {
  const { t } = useTranslation();
  const here = problemsAt(problems, path);
  if (here.length === 0) return null;
  return (
    <p id={id} className="preset-editor__error">
      {here.map((p) => whatText(p, t)).join(' · ')}
    </p>
  );
}

/** Props for an input with problems: invalid state and the description's id. */
export function invalidProps(
  problems: DraftProblem[],
  path: string,
  errorId: string,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return problemsAt(problems, path).length > 0 ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
}
