import { FieldConfigProperty, PanelPlugin } from '@grafana/data';
import { SipCodesPanel } from './components/SipCodesPanel';
import {
  addSipCodesOptions,
  migrateOptions,
  needsMigration,
  sipCodesPanelChanged,
  sipCodesSuggestions,
  type SipCodesOptions,
} from './options';

export const plugin = new PanelPlugin<SipCodesOptions>(SipCodesPanel)
  .setMigrationHandler(migrateOptions, (panel) => needsMigration(panel.options))
  .setPanelChangeHandler(sipCodesPanelChanged)
  .useFieldConfig({
    // Colours come from the policy's severities; only data links (and filterable) apply to this panel.
    disableStandardOptions: [
      FieldConfigProperty.Unit,
      FieldConfigProperty.Min,
      FieldConfigProperty.Max,
      FieldConfigProperty.FieldMinMax,
      FieldConfigProperty.Decimals,
      FieldConfigProperty.DisplayName,
      FieldConfigProperty.NoValue,
      FieldConfigProperty.Thresholds,
      FieldConfigProperty.Mappings,
      FieldConfigProperty.Color,
      FieldConfigProperty.Actions,
    ],
  })
  .setPanelOptions(addSipCodesOptions)
  .setSuggestionsSupplier(sipCodesSuggestions);
