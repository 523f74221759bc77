import { DataLink, FieldConfigProperty, FieldConfigSource, FieldMatcherID, PanelModel } from '@grafana/data';
import { CORE_PIE_CHART_ID, keepDataLinks, sipCodesPanelChanged, viewFromPieType } from './panelChange';
import type { SipCodesOptions } from './types';

const kibana: DataLink = { title: 'Kibana', url: 'https://kibana/app?q=${__value.raw}' };
const runbook: DataLink = { title: 'Runbook', url: 'https://runbook/${__value.raw}', targetBlank: true };

const by503 = { id: FieldMatcherID.byName, options: '503' };

/** A core pie chart's field config: a default data link, one override with links and a colour. */
function pieFieldConfig(): FieldConfigSource {
  return {
    defaults: { links: [kibana], unit: 'short' },
    overrides: [
      {
        matcher: by503,
        properties: [
          { id: FieldConfigProperty.Links, value: [runbook] },
          { id: FieldConfigProperty.Color, value: { mode: 'fixed', fixedColor: 'red' } },
        ],
      },
    ],
  };
}

function panelWith(fieldConfig: FieldConfigSource): PanelModel<Partial<SipCodesOptions>> {
  return { id: 1, type: 'voiceops-sipcodes-panel', options: {}, fieldConfig } as PanelModel<Partial<SipCodesOptions>>;
}

describe('viewFromPieType', () => {
  it('maps pie and donut, and the pie chart default (pie) for anything else', () => {
    expect(viewFromPieType('donut')).toBe('donut');
    expect(viewFromPieType('pie')).toBe('pie');
    expect(viewFromPieType(undefined)).toBe('pie');
    expect(viewFromPieType('bar')).toBe('pie');
  });
});

describe('sipCodesPanelChanged', () => {
  it('turns the pie chart type into our view', () => {
    const options = { pieType: 'donut', reduceOptions: { values: true, calcs: [] }, displayLabels: ['percent'] };
    expect(sipCodesPanelChanged(panelWith(pieFieldConfig()), CORE_PIE_CHART_ID, options, pieFieldConfig())).toEqual({
      view: 'donut',
    });
    expect(
      sipCodesPanelChanged(panelWith(pieFieldConfig()), CORE_PIE_CHART_ID, { pieType: 'pie' }, pieFieldConfig())
    ).toEqual({ view: 'pie' });
  });

  it('keeps the data links Grafana already carried over, without doubling them', () => {
    const carried = pieFieldConfig();
    const panel = panelWith(carried);
    sipCodesPanelChanged(panel, CORE_PIE_CHART_ID, { pieType: 'pie' }, pieFieldConfig());
    expect(panel.fieldConfig).toEqual(pieFieldConfig());
    expect(panel.fieldConfig).toBe(carried);
  });

  it('puts back data links the new field config lost, in the object Grafana handed over', () => {
    const stripped: FieldConfigSource = { defaults: {}, overrides: [] };
    const panel = panelWith(stripped);
    sipCodesPanelChanged(panel, CORE_PIE_CHART_ID, { pieType: 'donut' }, pieFieldConfig());
    expect(panel.fieldConfig).toBe(stripped);
    expect(stripped).toEqual({
      defaults: { links: [kibana] },
      overrides: [{ matcher: by503, properties: [{ id: FieldConfigProperty.Links, value: [runbook] }] }],
    });
  });

  it('adds lost links to the override rule that kept its matcher', () => {
    const target: FieldConfigSource = {
      defaults: { links: [] },
      overrides: [{ matcher: by503, properties: [{ id: FieldConfigProperty.Color, value: { mode: 'fixed' } }] }],
    };
    keepDataLinks(target, pieFieldConfig());
    // An empty list the user left is a choice: not refilled.
    expect(target.defaults.links).toEqual([]);
    expect(target.overrides).toEqual([
      {
        matcher: by503,
        properties: [
          { id: FieldConfigProperty.Color, value: { mode: 'fixed' } },
          { id: FieldConfigProperty.Links, value: [runbook] },
        ],
      },
    ]);
  });

  it('gives our defaults when coming from any other panel, and leaves its field config alone', () => {
    const fieldConfig: FieldConfigSource = { defaults: {}, overrides: [] };
    expect(sipCodesPanelChanged(panelWith(fieldConfig), 'timeseries', { legend: {} }, pieFieldConfig())).toEqual({});
    expect(fieldConfig).toEqual({ defaults: {}, overrides: [] });
  });

  it('never throws on odd input', () => {
    const frozen = Object.freeze({
      defaults: Object.freeze({}),
      overrides: Object.freeze([]),
    }) as unknown as FieldConfigSource;
    expect(sipCodesPanelChanged(panelWith(frozen), CORE_PIE_CHART_ID, { pieType: 'donut' }, pieFieldConfig())).toEqual({
      view: 'donut',
    });
    const noFieldConfig = { id: 1, options: {} } as unknown as PanelModel<Partial<SipCodesOptions>>;
    expect(sipCodesPanelChanged(noFieldConfig, CORE_PIE_CHART_ID, null as never, undefined as never)).toEqual({
      view: 'pie',
    });
    const junk = { defaults: null, overrides: [null, { matcher: by503, properties: 'x' }] } as never;
    expect(() => keepDataLinks({ defaults: {}, overrides: [] }, junk)).not.toThrow();
  });
});
