import {
  DataFrame,
  FieldType,
  PanelDataSummary,
  VisualizationSuggestionScore,
  getPanelDataSummary,
  toDataFrame,
} from '@grafana/data';
import {
  ES_DATE_HISTOGRAM_ONLY,
  ES_RAW_DATA,
  ES_TERMS_TABLE,
  ES_TERMS_TIMESERIES,
  NO_FRAMES,
  toFrames,
} from '../core/normalize/testing/frames';
import { SUGGESTION_NAMES, sipCodesSuggestions } from './suggestions';

function table(codeField: string, codes: number[]): DataFrame {
  return toDataFrame({
    fields: [
      { name: codeField, type: FieldType.number, values: codes },
      { name: 'Count', type: FieldType.number, values: codes.map(() => 10) },
    ],
  });
}

const summaryOf = (frames: DataFrame[]): PanelDataSummary => getPanelDataSummary(frames);

describe('sipCodesSuggestions', () => {
  it('suggests the donut and the bars for a Terms table of SIP codes, best when the field says SIP', () => {
    const suggestions = sipCodesSuggestions(summaryOf(toFrames(ES_TERMS_TABLE)))!;
    expect(suggestions.map((suggestion) => [suggestion.name, suggestion.options?.view])).toEqual([
      [SUGGESTION_NAMES.donut, 'donut'],
      [SUGGESTION_NAMES.bar, 'bar'],
    ]);
    expect(suggestions.every((suggestion) => suggestion.score === VisualizationSuggestionScore.Best)).toBe(true);
    expect(suggestions[0].description).toContain('6 SIP response codes');
  });

  it('suggests itself for raw call records', () => {
    expect(sipCodesSuggestions(summaryOf(toFrames(ES_RAW_DATA)))).toHaveLength(2);
  });

  it('suggests itself for Terms × Date Histogram frames named by code, sure of SIP only with a SIP-only code', () => {
    const suggestions = sipCodesSuggestions(summaryOf(toFrames(ES_TERMS_TIMESERIES)))!;
    expect(suggestions).toHaveLength(2);
    // 200, 404, 503 alone could be HTTP; 487 is SIP's.
    expect(suggestions[0].score).toBe(VisualizationSuggestionScore.Good);
  });

  it('is less sure of codes HTTP has too, under a name that does not say SIP', () => {
    const suggestions = sipCodesSuggestions(summaryOf([table('status', [200, 404, 503])]))!;
    expect(suggestions[0].score).toBe(VisualizationSuggestionScore.OK);
    expect(sipCodesSuggestions(summaryOf([table('status', [200, 603])]))![0].score).toBe(
      VisualizationSuggestionScore.Good
    );
  });

  it('does not suggest itself without SIP codes', () => {
    expect(sipCodesSuggestions(summaryOf(toFrames(ES_DATE_HISTOGRAM_ONLY)))).toBeUndefined();
    expect(sipCodesSuggestions(summaryOf(toFrames(NO_FRAMES)))).toBeUndefined();
    const cpu = toDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [1, 2, 3] },
        { name: 'cpu', type: FieldType.number, values: [0.2, 0.5, 0.9] },
      ],
    });
    expect(sipCodesSuggestions(summaryOf([cpu]))).toBeUndefined();
  });

  it('returns nothing rather than throwing on a summary it cannot read', () => {
    expect(sipCodesSuggestions({} as PanelDataSummary)).toBeUndefined();
    expect(sipCodesSuggestions(undefined as unknown as PanelDataSummary)).toBeUndefined();
    expect(
      sipCodesSuggestions({ rawFrames: [null, 7, { fields: 'x' }] } as unknown as PanelDataSummary)
    ).toBeUndefined();
    const hostile = {
      get rawFrames(): DataFrame[] {
        throw new Error('boom');
      },
    } as unknown as PanelDataSummary;
    expect(sipCodesSuggestions(hostile)).toBeUndefined();
  });
});
