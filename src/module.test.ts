import {
  FieldConfigProperty,
  getPanelDataSummary,
  PanelOptionsEditorBuilder,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
} from '@grafana/data';
import { LazyPolicyEditor } from './components/PolicyEditor/LazyPolicyEditor';
import { SipCodesPanel } from './components/SipCodesPanel';
import { plugin } from './module';
import {
  CORE_PIE_CHART_ID,
  DATA_LINKS_NOTE_PATH,
  DEFAULT_OPTIONS,
  OPTIONS_VERSION,
  SUGGESTION_NAMES,
  SipCodesOptions,
} from './options';
import { LazyCodeFieldEditor, LazyLogsDatasourceEditor } from './options/editors/lazyEditors';
import { DataLinksNote } from './options/editors/DataLinksNote';
import { ES_TERMS_TABLE, toFrames } from './core/normalize/testing/frames';

// Outside Grafana the standard option editors are not registered; register stand-ins for the ones the builder uses.
beforeAll(() => {
  standardEditorsRegistry.setInit(() =>
    ['text', 'boolean', 'radio', 'number', 'select'].map((id) => ({ id, name: id, editor: () => null }))
  );
});

function optionItems() {
  const builder = new PanelOptionsEditorBuilder<SipCodesOptions>();
  plugin.getPanelOptionsSupplier()(builder, { data: [] });
  return builder.getItems();
}

describe('plugin module', () => {
  it('renders the SIP codes panel', () => {
    expect(plugin.panel).toBe(SipCodesPanel);
  });

  it('offers every option with the documented default', () => {
    const items = optionItems().filter((item) => item.path !== DATA_LINKS_NOTE_PATH);
    expect(items.map((item) => item.path).sort()).toEqual(Object.keys(DEFAULT_OPTIONS).sort());
    for (const item of items) {
      expect(item.defaultValue).toEqual(DEFAULT_OPTIONS[item.path as keyof SipCodesOptions]);
    }
    expect(plugin.defaults).toEqual({ ...DEFAULT_OPTIONS });
  });

  it('offers donut, pie and bar views', () => {
    const view = optionItems().find((item) => item.path === 'view')!;
    expect(view.settings.options.map((option: { value: string }) => option.value)).toEqual(['donut', 'pie', 'bar']);
  });

  it('edits the policy with the policy editor and hides the options version', () => {
    const items = optionItems();
    expect(items.find((item) => item.path === 'policyOverrides')!.editor).toBe(LazyPolicyEditor);
    const version = items.find((item) => item.path === 'optionsVersion')!;
    expect(version.defaultValue).toBe(OPTIONS_VERSION);
    expect(version.showIf!({} as SipCodesOptions, [])).toBe(false);
  });

  it('edits the code field and the logs data source with their own editors', () => {
    const items = optionItems();
    expect(items.find((item) => item.path === 'codeField')!.editor).toBe(LazyCodeFieldEditor);
    expect(items.find((item) => item.path === 'logsDatasourceUid')!.editor).toBe(LazyLogsDatasourceEditor);
  });

  it('keeps every link option in one Links category, opened by the note on Grafana data links', () => {
    const links = optionItems().filter((item) => item.category?.[0] === 'Links');
    expect(links[0]).toMatchObject({ path: DATA_LINKS_NOTE_PATH, editor: DataLinksNote });
    expect(links.map((item) => item.path)).toEqual(
      expect.arrayContaining(['logsDatasourceUid', 'traceUrlTemplate', 'linksInNewTab'])
    );
    // The note stores nothing in the options.
    expect(links[0].defaultValue).toBeUndefined();
    expect(DATA_LINKS_NOTE_PATH in DEFAULT_OPTIONS).toBe(false);
  });

  it('supplies suggestions in the function form when the data holds SIP codes', () => {
    // Grafana sets meta when it loads the plugin; getSuggestions names each suggestion after it.
    plugin.meta = { ...plugin.meta, id: 'voiceops-sipcodes-panel', name: 'SIP Response Codes' };
    const suggestions = plugin.getSuggestions(getPanelDataSummary(toFrames(ES_TERMS_TABLE)))!;
    expect(suggestions.map((suggestion) => [suggestion.pluginId, suggestion.name])).toEqual([
      ['voiceops-sipcodes-panel', SUGGESTION_NAMES.donut],
      ['voiceops-sipcodes-panel', SUGGESTION_NAMES.bar],
    ]);
    expect(plugin.getSuggestions(getPanelDataSummary([]))).toBeUndefined();
  });

  it('takes over a core pie chart: its pie type becomes the view', () => {
    const panel = { id: 1, type: 'voiceops-sipcodes-panel', options: {}, fieldConfig: { defaults: {}, overrides: [] } };
    const changed = plugin.onPanelTypeChanged!(
      panel as never,
      CORE_PIE_CHART_ID,
      { pieType: 'donut' },
      panel.fieldConfig
    );
    expect(changed).toEqual({ view: 'donut' });
  });

  it('migrates saved options of older versions', () => {
    expect(plugin.shouldMigrate!({ options: { chartType: 'pie' } } as never)).toBe(true);
    expect(plugin.shouldMigrate!({ options: { ...DEFAULT_OPTIONS } } as never)).toBe(false);
    const migrated = plugin.onPanelMigration!({
      id: 1,
      type: 'voiceops-sipcodes-panel',
      options: { chartType: 'pie' },
      fieldConfig: { defaults: {}, overrides: [] },
    } as never);
    expect(migrated).toEqual({ ...DEFAULT_OPTIONS, view: 'pie' });
  });

  it('keeps standard data links and disables field options that do not apply', () => {
    // Outside Grafana the standard field-config registry is empty; give it the ids Grafana registers.
    const ids = Object.values(FieldConfigProperty);
    standardFieldConfigEditorRegistry.setInit(() =>
      ids.map((id) => ({
        id,
        name: id,
        path: id,
        process: (value: unknown) => value,
        override: () => null,
        editor: () => null,
        shouldApply: () => true,
      }))
    );
    const registry = plugin.fieldConfigRegistry;
    expect(registry.getIfExists(FieldConfigProperty.Links)).toBeDefined();
    for (const disabled of [
      FieldConfigProperty.Thresholds,
      FieldConfigProperty.Color,
      FieldConfigProperty.Unit,
      FieldConfigProperty.Mappings,
    ]) {
      expect(registry.getIfExists(disabled)).toBeUndefined();
    }
  });
});
