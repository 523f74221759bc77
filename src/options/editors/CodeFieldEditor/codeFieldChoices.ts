import type { ComboboxOption } from '@grafana/ui';
import type { NamesSeen } from '../../../core';

/**
 * The code-field drop-down: label keys first (a labelled Terms × Date Histogram keeps the code field there), then
 * field names, then the saved value when the data no longer shows it, so it is still displayed and kept.
 */
export function codeFieldChoices(seen: NamesSeen, current: string): Array<ComboboxOption<string>> {
  const choices: Array<ComboboxOption<string>> = [];
  const listed = new Set<string>();
  const add = (value: string, description: string) => {
    if (!listed.has(value)) {
      listed.add(value);
      choices.push({ value, label: value, description });
    }
  };
  seen.labelKeys.forEach((key) => add(key, 'Label of the query’s series'));
  seen.fieldNames.forEach((name) => add(name, 'Field of the query’s frames'));
  if (current.trim() !== '') {
    add(current, 'Not in the current data');
  }
  return choices;
}
