// Which changed answers a file the user kept no longer reflects, so a rerun can say
// so: "README.md and IrisUrlscanConfig.py keep the old description: edit them, or
// rerun with --force".
import type { Answers } from './answers.js';
import { renderFile } from './layout.js';
import type { Question } from './questions.js';
import type { TemplateFile } from './template-files.js';

/** A kept file, and the labels of the changed answers it does not reflect. */
export interface StaleFile {
  shown: string;
  labels: string[];
}

/**
 * The labels of the answers that changed from `previous` to `current` and that
 * would change `file`: rendering it with the previous answers, then with one
 * answer changed at a time, tells which answers it depends on.
 */
export function staleAnswers(
  file: TemplateFile,
  dataFor: (answers: Answers) => object,
  previous: Answers,
  current: Answers,
  questions: readonly Question[],
): string[] {
  const changed = questions.filter(
    (question) => current[question.name] !== undefined && previous[question.name] !== current[question.name],
  );
  if (changed.length === 0) return [];
  const before = renderFile(file, dataFor(previous));
  return changed
    .filter((question) => renderFile(file, dataFor({ ...previous, [question.name]: current[question.name]! })) !== before)
    .map((question) => question.label);
}

/** One line per changed answer that kept files do not reflect. */
export function staleMessages(files: readonly StaleFile[]): string[] {
  const byLabel = new Map<string, string[]>();
  for (const file of files) {
    for (const label of file.labels) byLabel.set(label, [...(byLabel.get(label) ?? []), file.shown]);
  }
  return [...byLabel].map(([label, shown]) => {
    const list = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`;
    return shown.length === 1
      ? `${list} keeps the old ${label}: edit it, or rerun with --force.`
      : `${list} keep the old ${label}: edit them, or rerun with --force.`;
  });
}
