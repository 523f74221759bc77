import type { PanelOptionsEditorBuilder } from '@grafana/data';
import { LazyPolicyEditor } from '../components/PolicyEditor/LazyPolicyEditor';
import { DataLinksNote } from './editors/DataLinksNote';
import { LazyCodeFieldEditor, LazyLogsDatasourceEditor, LazyQueryRolesEditor } from './editors/lazyEditors';
import { DEFAULT_OPTIONS } from './options';
import { OPTIONS_VERSION, SipCodesOptions } from './types';

const DATA = ['Data'];
const DISPLAY = ['Display'];
const FOLLOW_UP = ['Follow-up policy'];
const LINKS = ['Links'];

/** The Links category's note on Grafana's data links: an item of the pane that stores nothing under its path. */
export const DATA_LINKS_NOTE_PATH = 'dataLinksNote';

/** Renders nothing: `optionsVersion` is stored with the options but never edited by hand. */
const NoEditor = () => null;

/** The panel's options pane: every option the dashboard JSON can hold, by category. */
export function addSipCodesOptions(
  builder: PanelOptionsEditorBuilder<SipCodesOptions>
): PanelOptionsEditorBuilder<SipCodesOptions> {
  return builder
    .addCustomEditor({
      id: 'optionsVersion',
      path: 'optionsVersion',
      name: 'Options version',
      editor: NoEditor,
      defaultValue: OPTIONS_VERSION,
      showIf: () => false,
    })
    .addCustomEditor({
      id: 'codeField',
      path: 'codeField',
      name: 'Code field',
      description:
        'Field (or label) holding the SIP status code, e.g. sip.status_code: pick one the query returned or type any name. Empty: found automatically. Also used by the "Matching logs" link.',
      editor: LazyCodeFieldEditor,
      defaultValue: DEFAULT_OPTIONS.codeField,
      category: DATA,
    })
    .addCustomEditor({
      id: 'queryRoles',
      path: 'queryRoles',
      name: 'Query roles',
      description:
        'What each query serves: the distribution (Terms on the code field), calls (raw rows of recent failed calls) or a breakdown (Terms code → another field). Auto recognises it from the query.',
      editor: LazyQueryRolesEditor,
      defaultValue: DEFAULT_OPTIONS.queryRoles,
      category: DATA,
    })
    .addBooleanSwitch({
      path: 'include2xx',
      name: 'Show 2xx (answered)',
      description: 'Draw answered calls. Shares are always of all final responses.',
      defaultValue: DEFAULT_OPTIONS.include2xx,
      category: DATA,
    })
    .addBooleanSwitch({
      path: 'include1xx',
      name: 'List 1xx (provisional)',
      description: 'List provisional responses in the legend; they are never counted as a call outcome.',
      defaultValue: DEFAULT_OPTIONS.include1xx,
      category: DATA,
    })
    .addRadio({
      path: 'view',
      name: 'View',
      defaultValue: DEFAULT_OPTIONS.view,
      settings: {
        options: [
          { value: 'donut', label: 'Donut' },
          { value: 'pie', label: 'Pie' },
          { value: 'bar', label: 'Bars' },
        ],
      },
      category: DISPLAY,
    })
    .addRadio({
      path: 'textSize',
      name: 'Text size',
      description:
        'Auto: text and marks grow with the panel, readable from across the room on a wallboard. Fixed: Grafana’s size.',
      defaultValue: DEFAULT_OPTIONS.textSize,
      settings: {
        options: [
          { value: 'auto', label: 'Auto' },
          { value: 'fixed', label: 'Fixed' },
        ],
      },
      category: DISPLAY,
    })
    .addTextInput({
      path: 'recencyWindow',
      name: 'Recency window',
      description:
        'A finding is ongoing when its code has calls in this last part of the range (a duration like 15m or 1h); older ones read "earlier in range". Needs time data.',
      defaultValue: DEFAULT_OPTIONS.recencyWindow,
      settings: { placeholder: '15m' },
      category: FOLLOW_UP,
    })
    .addTextInput({
      path: 'recentWindow',
      name: 'Recent window (rise rule)',
      description:
        'How far back "recent" goes when comparing a code’s share with earlier in the range, as a duration like 30m, 1h or 2d. Empty: the last quarter of the time range. Needs a date histogram in the query.',
      defaultValue: DEFAULT_OPTIONS.recentWindow,
      settings: { placeholder: 'last quarter of the range' },
      category: FOLLOW_UP,
    })
    .addCustomEditor({
      id: 'policyOverrides',
      path: 'policyOverrides',
      name: 'Policy overrides',
      description:
        'Change severity, thresholds and guidance notes per code; import or export the whole policy as JSON. Codes without an override follow the built-in runbook.',
      editor: LazyPolicyEditor,
      defaultValue: {},
      category: FOLLOW_UP,
    })
    .addCustomEditor({
      id: DATA_LINKS_NOTE_PATH,
      path: DATA_LINKS_NOTE_PATH,
      name: 'Data links',
      editor: DataLinksNote,
      category: LINKS,
    })
    .addCustomEditor({
      id: 'logsDatasourceUid',
      path: 'logsDatasourceUid',
      name: 'Logs data source',
      description:
        'Elasticsearch data source for the "Matching logs" link (Explore), or a data source variable. Empty: the data source of the panel query.',
      editor: LazyLogsDatasourceEditor,
      defaultValue: DEFAULT_OPTIONS.logsDatasourceUid,
      category: LINKS,
    })
    .addTextInput({
      path: 'traceUrlTemplate',
      name: 'SIP traces URL template',
      description:
        'Link to your SIP trace tool (e.g. Homer). Placeholders: ${code}, ${__from}, ${__to} and dashboard variables; every value is URL-encoded.',
      defaultValue: DEFAULT_OPTIONS.traceUrlTemplate,
      settings: { placeholder: 'https://homer.example/search?status=${code}&from=${__from}&to=${__to}' },
      category: LINKS,
    })
    .addTextInput({
      path: 'callIdField',
      name: 'Call-ID field',
      description:
        'Field of the call rows that holds the Call-ID, for the recent calls and their trace and log links. Empty: detected.',
      defaultValue: DEFAULT_OPTIONS.callIdField,
      settings: { placeholder: 'auto (sip_callid, call_id, sip.call_id)' },
      category: LINKS,
    })
    .addTextInput({
      path: 'alertRuleUidPrefix',
      name: 'Alert rules uid prefix',
      description:
        'The uid prefix of the alert rules generated from this policy (npm run alert-rules). The guidance card then links to the code’s rule.',
      defaultValue: DEFAULT_OPTIONS.alertRuleUidPrefix,
      settings: { placeholder: 'none' },
      category: LINKS,
    })
    .addBooleanSwitch({
      path: 'linksInNewTab',
      name: 'Open links in a new tab',
      description: 'Logs, traces and alert rules open in a new tab, so a wallboard stays on the dashboard.',
      defaultValue: DEFAULT_OPTIONS.linksInNewTab,
      category: LINKS,
    });
}
