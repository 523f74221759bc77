/**
 * @grafana/data's two option registries, which Grafana's application fills at boot (its options-pane editors):
 *
 * - standardEditorsRegistry: the editors a plugin's option builder asks for by id (`addBooleanSwitch` → "boolean").
 *   Without them PanelPlugin cannot even list its options, so neither defaults nor migrations run.
 * - standardFieldConfigEditorRegistry: the standard field options (unit, links, …) with the processors that
 *   applyFieldOverrides runs on their values; a plugin's field config is these minus what it disables.
 *
 * The options pane is Grafana's application code and is not rendered here, so the editors are empty components;
 * the data side (ids, paths, processors, which fields an option applies to) is what Grafana registers, built from
 * @grafana/data's own processors. Defaults of the standard field options are left out (this panel disables all
 * of them but links and filterable, which have none).
 */
import {
  booleanOverrideProcessor,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  Field,
  FieldConfigProperty,
  FieldConfigPropertyItem,
  FieldType,
  identityOverrideProcessor,
  numberOverrideProcessor,
  StandardEditorsRegistryItem,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  unitOverrideProcessor,
  valueMappingsOverrideProcessor,
} from '@grafana/data';

const NoEditor = () => null;

/** The editor ids @grafana/data's option builders (PanelOptionsEditorBuilder, FieldConfigEditorBuilder) ask for. */
const EDITOR_IDS = [
  'boolean',
  'color',
  'dashboard-uid',
  'field-name',
  'multi-select',
  'number',
  'radio',
  'select',
  'slider',
  'strings',
  'text',
  'timezone',
  'unit',
];

type Processor = FieldConfigPropertyItem['process'];
const always = () => true;
const numeric = (field: Field) => field.type === FieldType.number;
const notTime = (field: Field) => field.type !== FieldType.time;

const FIELD_OPTIONS: Array<[FieldConfigProperty, Processor, (field: Field) => boolean, boolean?]> = [
  [FieldConfigProperty.Unit, unitOverrideProcessor, notTime],
  [FieldConfigProperty.Min, numberOverrideProcessor, numeric],
  [FieldConfigProperty.Max, numberOverrideProcessor, numeric],
  [FieldConfigProperty.FieldMinMax, booleanOverrideProcessor, numeric],
  [FieldConfigProperty.Decimals, numberOverrideProcessor, numeric],
  [FieldConfigProperty.DisplayName, displayNameOverrideProcessor, always],
  [FieldConfigProperty.NoValue, stringOverrideProcessor, always],
  [FieldConfigProperty.Color, identityOverrideProcessor, always],
  [FieldConfigProperty.Thresholds, thresholdsOverrideProcessor, always],
  [FieldConfigProperty.Mappings, valueMappingsOverrideProcessor, always],
  [FieldConfigProperty.Links, dataLinksOverrideProcessor, always],
  [FieldConfigProperty.Actions, identityOverrideProcessor, always],
  // Set by data sources for ad hoc filters, not by users: Grafana hides it from the defaults too.
  [FieldConfigProperty.Filterable, booleanOverrideProcessor, always, true],
];

export function registerStandardOptions() {
  standardEditorsRegistry.setInit(() =>
    EDITOR_IDS.map((id): StandardEditorsRegistryItem => ({ id, name: id, editor: NoEditor }))
  );
  standardFieldConfigEditorRegistry.setInit(() =>
    FIELD_OPTIONS.map(([id, process, shouldApply, hideFromDefaults]): FieldConfigPropertyItem => ({
      id,
      path: id,
      name: id,
      editor: NoEditor,
      override: NoEditor,
      process,
      shouldApply,
      hideFromDefaults,
    }))
  );
}
