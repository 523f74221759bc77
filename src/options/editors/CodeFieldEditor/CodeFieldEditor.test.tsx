import React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataFrame, StandardEditorContext } from '@grafana/data';
import { ES_TERMS_TABLE, ES_TWO_TERMS_TIMESERIES_LABELS, toFrames } from '../../../core/normalize/testing/frames';
import { renderWithTheme } from '../../../testing/panelProps';
import { CodeFieldEditor } from './CodeFieldEditor';
import { codeFieldChoices } from './codeFieldChoices';

// jsdom lays nothing out and has neither a canvas (Combobox measures its options' text with one) nor
// IntersectionObserver (its menu's scroll indicators watch with one); the virtual option list needs a size to show.
class NoIntersectionObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeAll(() => {
  Object.defineProperty(window, 'IntersectionObserver', { configurable: true, value: NoIntersectionObserver });
  jest.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(300);
  jest.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(300);
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockImplementation(() => ({ measureText: (text: string) => ({ width: text.length * 7 }) }) as never);
});

const contextOf = (data: DataFrame[]) => ({ data }) as StandardEditorContext<unknown>;

function renderEditor(value: string | undefined, data: DataFrame[]) {
  const onChange = jest.fn();
  renderWithTheme(<CodeFieldEditor value={value} onChange={onChange} context={contextOf(data)} item={{} as never} />);
  return { onChange, input: screen.getByRole('combobox') };
}

describe('codeFieldChoices', () => {
  it('offers label keys, then field names, then a saved value the data does not show', () => {
    const choices = codeFieldChoices(
      { fieldNames: ['Value', 'sip.status_code'], labelKeys: ['sip.status_code'] },
      'sip_code'
    );
    expect(choices.map((choice) => choice.value)).toEqual(['sip.status_code', 'Value', 'sip_code']);
    expect(choices[0].description).toMatch(/label/i);
    expect(choices[2].description).toMatch(/not in the current data/i);
  });

  it('adds no empty choice for "auto"', () => {
    expect(codeFieldChoices({ fieldNames: [], labelKeys: [] }, '  ')).toEqual([]);
  });
});

describe('CodeFieldEditor', () => {
  it('shows the field the panel found when the option is empty', () => {
    const { input } = renderEditor('', toFrames(ES_TERMS_TABLE));
    expect(input).toHaveAttribute('placeholder', 'auto (found: sip.status_code)');
  });

  it('lists the label keys and fields of the query', async () => {
    const { input } = renderEditor('', toFrames(ES_TWO_TERMS_TIMESERIES_LABELS));
    await userEvent.click(input);
    screen.debug(screen.getByRole('listbox'), 5000);
    expect(await screen.findByText('sip.status_code')).toBeInTheDocument();
    expect(screen.getByText('sip.method')).toBeInTheDocument();
  });

  it('picks a listed name', async () => {
    const { input, onChange } = renderEditor('', toFrames(ES_TWO_TERMS_TIMESERIES_LABELS));
    await userEvent.click(input);
    await userEvent.click(await screen.findByText('sip.status_code'));
    expect(onChange).toHaveBeenLastCalledWith('sip.status_code');
  });

  it('keeps a name typed freely, which no frame shows (frames named by code)', async () => {
    const { input, onChange } = renderEditor('', toFrames(ES_TERMS_TABLE));
    await userEvent.type(input, 'sip_status{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('sip_status');
  });

  it('shows a saved value and clears it back to auto', async () => {
    const { input, onChange } = renderEditor('sip_status', []);
    expect(input).toHaveValue('sip_status');
    // Escape on the closed menu clears the choice (the clear icon's click is lost in jsdom's icon stand-in).
    input.focus();
    await userEvent.keyboard('{Escape}');
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('renders without data', () => {
    const onChange = jest.fn();
    renderWithTheme(<CodeFieldEditor value={undefined} onChange={onChange} context={{} as never} item={{} as never} />);
    expect(screen.getByRole('combobox')).toHaveAttribute('placeholder', 'auto (e.g. sip.status_code)');
  });
});
