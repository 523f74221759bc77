import React, { useId, useMemo, useState } from 'react';
import { StandardEditorProps } from '@grafana/data';
import { Button, useStyles2 } from '@grafana/ui';
import { buildPolicy, DEFAULT_POLICY, PolicyIssue, PolicyOverrides, policyFor, Severity } from '../../core';
import { SEVERITY_LABEL } from '../../constants/severity';
import { policyIssueText } from '../../view';
import { TEST_IDS } from '../../constants/testIds';
import { getPolicyEditorStyles } from './PolicyEditor.styles';
import {
  addCode,
  anyIncidentOf,
  asOverrides,
  defaultThresholdText,
  exportOverridesJson,
  importOverrides,
  markRemovals,
  overrideCodes,
  readThreshold,
  removeCode,
  setAnyIncident,
  followUpFieldsText,
  setFollowUpFields,
  setNotes,
  setSeverity,
  setThreshold,
  thresholdIsOff,
  thresholdOf,
  ThresholdField,
} from './policyEdits';

export type PolicyEditorProps = StandardEditorProps<PolicyOverrides | undefined>;

const SEVERITIES: Severity[] = ['immediate', 'track', 'normal'];

const THRESHOLD_COLUMNS: Array<{ field: ThresholdField; label: string; title: string }> = [
  {
    field: 'shareAtLeast',
    label: 'Share %',
    title: 'Follow up when the code reaches this share of all final responses',
  },
  { field: 'countAtLeast', label: 'Count', title: 'Follow up when the code reaches this many calls' },
  {
    field: 'riseFactor',
    label: 'Rise ×',
    title: 'Follow up when the recent share is this many times the earlier share',
  },
];

/** Where a threshold input's error is kept. */
const inputKey = (code: string, field: ThresholdField) => `${code}-${field}`;

/**
 * The team's policy: per code severity, thresholds (share %, count, rise factor; each can be switched off) and
 * guidance notes (markdown); add and remove codes; import and export JSON. Invalid input is reported and never loses
 * what is there, and nothing the policy would reject is written.
 *
 * Every change goes out through markRemovals: Grafana 12 merges the new value into the old one, so whatever an edit
 * drops (a code, a severity back to default, an "off" unticked, cleared notes) is sent as undefined to clear it there.
 */
export function PolicyEditor({ value, onChange, context }: PolicyEditorProps) {
  const styles = useStyles2(getPolicyEditorStyles);
  const overrides = asOverrides(value);
  const codes = overrideCodes(overrides);
  const hintIdPrefix = useId();
  const legacyText = (context?.options as { unparsedPolicyJson?: unknown } | undefined)?.unparsedPolicyJson;

  const [newCode, setNewCode] = useState('');
  const [addError, setAddError] = useState<string>();
  const [inputErrors, setInputErrors] = useState<Record<string, string>>({});
  const [jsonText, setJsonText] = useState<string>(typeof legacyText === 'string' ? legacyText : '');
  const [importIssues, setImportIssues] = useState<PolicyIssue[]>([]);
  const [importNote, setImportNote] = useState<string>();
  // Inputs are uncontrolled while typing; a new generation re-reads them after an import or removal.
  const [generation, setGeneration] = useState(0);

  const currentIssues = useMemo(() => buildPolicy(value ?? {}).issues, [value]);

  const emit = (next: PolicyOverrides) => onChange(markRemovals(value, next));

  const onAdd = () => {
    const result = addCode(overrides, newCode);
    setAddError(result.error);
    if (!result.error) {
      emit(result.overrides);
      setNewCode('');
    }
  };

  const onThreshold = (code: string, field: ThresholdField, text: string) => {
    const key = inputKey(code, field);
    const parsed = readThreshold(code, field, text);
    if (parsed.error) {
      setInputErrors((errors) => ({ ...errors, [key]: parsed.error! }));
      return;
    }
    setInputErrors(({ [key]: _cleared, ...rest }) => rest);
    // Leaving an input without changing it is not an edit.
    if (parsed.value !== thresholdOf(overrides[code] ?? {}, field)) {
      emit(setThreshold(overrides, code, field, parsed.value));
    }
  };

  /** Off writes null (the rule never fires for this code); back on clears the override, so the default applies. */
  const onSwitchOff = (code: string, field: ThresholdField, off: boolean) => {
    const key = inputKey(code, field);
    setInputErrors(({ [key]: _cleared, ...rest }) => rest);
    emit(setThreshold(overrides, code, field, off ? null : undefined));
  };

  const onImport = () => {
    const result = importOverrides(jsonText);
    setImportIssues(result.issues);
    if (result.overrides) {
      emit(result.overrides);
      setGeneration((n) => n + 1);
      const count = Object.keys(result.overrides).length;
      setImportNote(
        `Imported ${count} ${count === 1 ? 'code' : 'codes'}${result.issues.length > 0 ? '; the fields listed below keep their defaults' : ''}.`
      );
    } else {
      setImportNote(undefined);
    }
  };

  return (
    <div className={styles.editor} data-testid={TEST_IDS.policyEditor}>
      {codes.length === 0 ? (
        <p className={styles.hint}>No overrides: the built-in runbook policy applies to every code.</p>
      ) : (
        <table className={styles.table}>
          <caption className={styles.caption}>
            An empty threshold uses the default shown in grey; tick “off” to switch that rule off for the code. “Any
            incident” flags the code at its first occurrence, whatever its severity.
          </caption>
          <thead>
            <tr>
              <th>Code</th>
              <th>Severity</th>
              <th title="Follow up at the first incident of the code, whatever the thresholds">Any incident</th>
              {THRESHOLD_COLUMNS.map((column) => (
                <th key={column.field} title={column.title}>
                  {column.label}
                </th>
              ))}
              <th title="Fields the guidance card breaks the code's calls down by (top contributors), comma-separated">
                Follow-up fields
              </th>
              <th>Guidance notes (markdown)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {codes.map((code) => {
              const override = overrides[code] ?? {};
              const defaults = policyFor(Number(code), DEFAULT_POLICY);
              const severity = typeof override.severity === 'string' ? override.severity : '';
              const anyIncident = anyIncidentOf(override, code);
              // Severity and rules are independent: "normal" does not stop the any-incident rule of the runbook.
              const anyIncidentHintId =
                severity === 'normal' && anyIncident && defaults.rules.anyIncident
                  ? `${hintIdPrefix}-any-${code}`
                  : undefined;
              return (
                <tr key={`${code}-${generation}`} data-testid={TEST_IDS.policyRow(code)}>
                  <td className={styles.code}>
                    {code}
                    <span className={styles.reason}>{override.reason ?? defaults.reason}</span>
                  </td>
                  <td>
                    <select
                      className={styles.input}
                      aria-label={`Severity of ${code}`}
                      value={SEVERITIES.includes(severity as Severity) ? severity : ''}
                      onChange={(event) =>
                        emit(setSeverity(overrides, code, (event.target.value || undefined) as Severity | undefined))
                      }
                    >
                      <option value="">Default ({SEVERITY_LABEL[defaults.severity]})</option>
                      {SEVERITIES.map((option) => (
                        <option key={option} value={option}>
                          {SEVERITY_LABEL[option]}
                        </option>
                      ))}
                    </select>
                    {anyIncidentHintId && (
                      <p id={anyIncidentHintId} className={styles.hint}>
                        “Any incident” still flags every {code} until you untick it.
                      </p>
                    )}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Any incident of ${code}`}
                      aria-describedby={anyIncidentHintId}
                      title={`Built-in for ${code}: ${defaults.rules.anyIncident ? 'on' : 'off'}`}
                      checked={anyIncident}
                      onChange={(event) => emit(setAnyIncident(overrides, code, event.currentTarget.checked))}
                    />
                  </td>
                  {THRESHOLD_COLUMNS.map(({ field, label }) => {
                    const current = thresholdOf(override, field);
                    const off = thresholdIsOff(override, field);
                    const error = inputErrors[inputKey(code, field)];
                    return (
                      <td key={field}>
                        <div className={styles.threshold}>
                          <input
                            // A field switched back on starts empty (the default applies), not with its old text.
                            key={off ? 'off' : 'on'}
                            className={styles.input}
                            type="text"
                            inputMode="decimal"
                            aria-label={`${label} of ${code}`}
                            aria-invalid={Boolean(error)}
                            disabled={off}
                            placeholder={off ? 'off' : defaultThresholdText(code, field)}
                            defaultValue={off || current === undefined ? '' : String(current)}
                            onBlur={(event) => onThreshold(code, field, event.currentTarget.value)}
                          />
                          <label className={styles.off} title="Switch this rule off for the code">
                            <input
                              type="checkbox"
                              aria-label={`Switch off ${label} of ${code}`}
                              checked={off}
                              onChange={(event) => onSwitchOff(code, field, event.currentTarget.checked)}
                            />
                            off
                          </label>
                        </div>
                        {error && <p className={styles.error}>{error}</p>}
                      </td>
                    );
                  })}
                  <td>
                    <input
                      className={styles.input}
                      aria-label={`Follow-up fields of ${code}`}
                      placeholder={followUpFieldsText(defaults.followUpFields)}
                      defaultValue={followUpFieldsText(override.followUpFields)}
                      onBlur={(event) => {
                        const text = event.currentTarget.value;
                        if (text.trim() !== followUpFieldsText(override.followUpFields)) {
                          emit(setFollowUpFields(overrides, code, text));
                        }
                      }}
                    />
                  </td>
                  <td>
                    <textarea
                      className={`${styles.input} ${styles.notes}`}
                      aria-label={`Guidance notes of ${code}`}
                      placeholder={defaults.guidance.notes ? 'Built-in notes apply' : 'Markdown'}
                      defaultValue={typeof override.guidance?.notes === 'string' ? override.guidance.notes : ''}
                      onBlur={(event) => {
                        const notes = event.currentTarget.value;
                        const current = typeof override.guidance?.notes === 'string' ? override.guidance.notes : '';
                        if (notes.trim() !== current.trim()) {
                          emit(setNotes(overrides, code, notes));
                        }
                      }}
                    />
                  </td>
                  <td>
                    <Button
                      size="sm"
                      variant="secondary"
                      icon="trash-alt"
                      aria-label={`Remove override of ${code}`}
                      onClick={() => {
                        emit(removeCode(overrides, code));
                        setGeneration((n) => n + 1);
                      }}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <div className={styles.row}>
        <input
          className={styles.input}
          style={{ width: '8em' }}
          aria-label="Code to add"
          placeholder="e.g. 486"
          value={newCode}
          data-testid={TEST_IDS.policyAddInput}
          onChange={(event) => setNewCode(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onAdd();
            }
          }}
        />
        <Button size="sm" variant="secondary" icon="plus" onClick={onAdd} data-testid={TEST_IDS.policyAddButton}>
          Add code
        </Button>
        {addError && <p className={styles.error}>{addError}</p>}
      </div>

      {currentIssues.length > 0 && (
        <div>
          <p className={styles.error}>These overrides are not applied (defaults stay):</p>
          <ul className={styles.issues} data-testid={TEST_IDS.policyIssues}>
            {currentIssues.map((issue, index) => (
              <li key={index}>{policyIssueText(issue)}</li>
            ))}
          </ul>
        </div>
      )}

      <div>
        {typeof legacyText === 'string' && legacyText !== '' && (
          <p className={styles.hint}>
            The policy saved by an older version could not be read; it is shown below. Fix it and press Import.
          </p>
        )}
        <textarea
          className={`${styles.input} ${styles.json}`}
          aria-label="Policy JSON"
          placeholder='{"503": {"severity": "immediate", "rules": {"shareAtLeast": 2}}}'
          value={jsonText}
          data-testid={TEST_IDS.policyJson}
          onChange={(event) => setJsonText(event.currentTarget.value)}
        />
        <div className={styles.row}>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setJsonText(exportOverridesJson(overrides))}
            data-testid={TEST_IDS.policyExport}
          >
            Export JSON
          </Button>
          <Button size="sm" variant="primary" onClick={onImport} data-testid={TEST_IDS.policyImport}>
            Import JSON
          </Button>
          {importNote && <p className={styles.hint}>{importNote}</p>}
        </div>
        {importIssues.length > 0 && (
          <ul className={styles.issues} role="alert">
            {importIssues.map((issue, index) => (
              <li key={index}>{policyIssueText(issue)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
