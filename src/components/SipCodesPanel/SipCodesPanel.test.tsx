import React from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataFrameFromJSON, FieldType, LoadingState, ScopedVars, toDataFrame } from '@grafana/data';
import { TEST_IDS } from '../../constants/testIds';
import { DEFAULT_OPTIONS } from '../../options';
import { codeColor } from '../../view';
import { lightTheme, panelProps, renderWithTheme, seriesFrames, termsFrame } from '../../testing/panelProps';
import { SipCodesPanel } from './SipCodesPanel';

function explorePane(href: string) {
  const url = new URL(href, 'http://grafana.local');
  expect(url.pathname).toBe('/explore');
  expect(url.searchParams.get('schemaVersion')).toBe('1');
  return Object.values(JSON.parse(url.searchParams.get('panes')!))[0] as Record<string, any>;
}

describe('SipCodesPanel', () => {
  it('draws the distribution, legend and findings from Elasticsearch terms data', () => {
    renderWithTheme(<SipCodesPanel {...panelProps()} />);
    for (const code of [200, 404, 480, 487, 500, 503]) {
      expect(screen.getByTestId(TEST_IDS.slice(code))).toBeInTheDocument();
      expect(screen.getByTestId(TEST_IDS.legendRow(code))).toBeInTheDocument();
    }
    expect(screen.getByTestId(TEST_IDS.slice(404))).toHaveAccessibleName('404 Not Found: 37 calls, 2.2 %, track');
    expect(screen.getByTestId(TEST_IDS.slice(500))).toHaveAttribute('data-severity', 'immediate');
    expect(screen.getByTestId(TEST_IDS.slice(200))).toHaveAttribute('data-severity', 'normal');
    expect(screen.getByTestId(TEST_IDS.findings)).toHaveTextContent('500 · 2 calls · investigate every one');
    expect(screen.getByTestId(TEST_IDS.panel)).toHaveAttribute('data-view', 'donut');
  });

  it('reads a dataFrameFromJSON wire frame exactly like the harness passes it', () => {
    const frame = dataFrameFromJSON({
      schema: {
        refId: 'A',
        fields: [
          { name: 'sip.status_code', type: FieldType.number, config: { filterable: true } },
          { name: 'Count', type: FieldType.number, config: {} },
        ],
      },
      data: {
        values: [
          [200, 404, 487],
          [1520, 37, 88],
        ],
      },
    });
    renderWithTheme(<SipCodesPanel {...panelProps({ series: [frame] })} />);
    expect(screen.getAllByTestId(/^sip-slice-/)).toHaveLength(3);
  });

  it('opens guidance from a slice with links for that code, and closes with Escape returning focus', async () => {
    const user = userEvent.setup();
    renderWithTheme(
      <SipCodesPanel
        {...panelProps({
          options: { traceUrlTemplate: 'https://homer/search?status=${code}&from=${__from}&to=${__to}&env=${env}' },
          replaceVariables: (text: string, scopedVars?: ScopedVars, format?: string | Function) =>
            text.replace('${env}', format === 'percentencode' ? encodeURIComponent('prod eu') : 'prod eu'),
          fieldConfig: {
            defaults: {
              links: [{ title: 'Kibana for ${code}', url: 'https://kibana/app?q=sip.status_code:${__value.raw}' }],
            },
            overrides: [],
          },
        })}
      />
    );
    const slice = screen.getByTestId(TEST_IDS.slice(404));
    await user.click(slice);
    const card = await screen.findByTestId(TEST_IDS.guidance);
    expect(card).toHaveAttribute('data-code', '404');
    expect(card).toHaveTextContent('404 Not Found');

    const pane = explorePane(within(card).getByTestId(TEST_IDS.logsLink).getAttribute('href')!);
    expect(pane.datasource).toBe('sip-es');
    expect(pane.queries[0].query).toBe('sip.status_code:404');
    expect(pane.queries[0].datasource).toEqual({ type: 'elasticsearch', uid: 'sip-es' });
    expect(pane.range).toEqual({ from: 'now-6h', to: 'now' });

    expect(within(card).getByTestId(TEST_IDS.tracesLink)).toHaveAttribute(
      'href',
      'https://homer/search?status=404&from=1741593600000&to=1741615200000&env=prod%20eu'
    );
    const dataLink = within(card).getByTestId(TEST_IDS.dataLink(0));
    expect(dataLink).toHaveTextContent('Kibana for 404');
    expect(dataLink).toHaveAttribute('href', 'https://kibana/app?q=sip.status_code:404');

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId(TEST_IDS.guidance)).toBeNull();
    expect(document.activeElement).toBe(slice);
  });

  it('opens guidance from the keyboard on a legend row (Enter) and a finding (Space)', async () => {
    const user = userEvent.setup();
    renderWithTheme(<SipCodesPanel {...panelProps()} />);
    const row = screen.getByTestId(TEST_IDS.legendRow(503));
    row.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId(TEST_IDS.guidance)).toHaveAttribute('data-code', '503');
    await user.click(screen.getByTestId(TEST_IDS.guidanceClose));
    expect(screen.queryByTestId(TEST_IDS.guidance)).toBeNull();
    expect(document.activeElement).toBe(row);

    const finding = screen.getByTestId(TEST_IDS.finding(500));
    finding.focus();
    await user.keyboard(' ');
    const card = await screen.findByTestId(TEST_IDS.guidance);
    expect(card).toHaveAttribute('data-code', '500');
    expect(card).toHaveTextContent('Any incident: 2 calls — investigate every one');
  });

  it('switches to another code while the card is open', async () => {
    const user = userEvent.setup();
    renderWithTheme(<SipCodesPanel {...panelProps()} />);
    await user.click(screen.getByTestId(TEST_IDS.slice(404)));
    await user.click(screen.getByTestId(TEST_IDS.legendRow(487)));
    expect(screen.getAllByTestId(TEST_IDS.guidance)).toHaveLength(1);
    expect(await screen.findByTestId(TEST_IDS.guidance)).toHaveAttribute('data-code', '487');
  });

  it('draws bars and pies on request', () => {
    const { rerender } = renderWithTheme(<SipCodesPanel {...panelProps({ options: { view: 'bar' } })} />);
    expect(screen.getByTestId(TEST_IDS.chart)).toHaveAttribute('data-view', 'bar');
    expect(screen.getByTestId(TEST_IDS.slice(404)).tagName).toBe('BUTTON');
    rerender(<SipCodesPanel {...panelProps({ options: { view: 'pie' } })} />);
    expect(screen.getByTestId(TEST_IDS.chart)).toHaveAttribute('data-view', 'pie');
    expect(screen.getByTestId(TEST_IDS.slice(404)).tagName).toBe('path');
  });

  it('hides 2xx and says so', () => {
    renderWithTheme(<SipCodesPanel {...panelProps({ options: { include2xx: false } })} />);
    expect(screen.queryByTestId(TEST_IDS.slice(200))).toBeNull();
    expect(screen.queryByTestId(TEST_IDS.legendRow(200))).toBeNull();
    expect(screen.getByTestId(TEST_IDS.panel)).toHaveTextContent('2xx hidden: 1,520 calls (91.3 %)');
  });

  it('shows a message, not a blank panel, without data', () => {
    renderWithTheme(<SipCodesPanel {...panelProps({ series: [] })} />);
    const message = screen.getByTestId(TEST_IDS.message);
    expect(message).toHaveAttribute('data-kind', 'no-data');
    expect(message.querySelector('details')).toBeNull(); // nothing else to show: the message is shown in full
    expect(message.textContent!.length).toBeGreaterThan('No data'.length);
    expect(screen.queryByTestId(TEST_IDS.findings)).toBeNull();
    expect(screen.queryByTestId(TEST_IDS.chart)).toBeNull();
  });

  it('shows nothing alarming while loading', () => {
    renderWithTheme(<SipCodesPanel {...panelProps({ series: [], state: LoadingState.Loading })} />);
    expect(screen.queryByTestId(TEST_IDS.message)).toBeNull();
  });

  it('lists the fields seen when no field holds SIP codes', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'host', type: FieldType.string, values: ['sbc-1', 'sbc-2'] },
        { name: 'Count', type: FieldType.number, values: [10, 20] },
      ],
    });
    renderWithTheme(<SipCodesPanel {...panelProps({ series: [frame] })} />);
    const message = screen
      .getAllByTestId(TEST_IDS.message)
      .find((m) => m.getAttribute('data-kind') === 'no-code-field')!;
    expect(message).toHaveTextContent('host');
    expect(message).toHaveTextContent('Code field');
  });

  it('draws the distribution and the messages when both apply', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'sip.status_code', type: FieldType.string, values: ['200', '404', 'n/a'] },
        { name: 'Count', type: FieldType.number, values: [100, 5, 7] },
      ],
    });
    renderWithTheme(
      <SipCodesPanel
        {...panelProps({ series: [frame], options: { policyOverrides: { '404': { severity: 'urgent' } as never } } })}
      />
    );
    const kinds = screen.getAllByTestId(TEST_IDS.message).map((m) => m.getAttribute('data-kind'));
    expect(kinds).toEqual(expect.arrayContaining(['invalid-values', 'policy-issues', 'rise-needs-histogram']));
    expect(screen.getByTestId(TEST_IDS.slice(404))).toHaveAttribute('data-severity', 'track');
    const policy = screen
      .getAllByTestId(TEST_IDS.message)
      .find((m) => m.getAttribute('data-kind') === 'policy-issues')!;
    expect(policy).toHaveTextContent('404.severity');
  });

  it('reports an invalid recent window and uses the default', () => {
    renderWithTheme(<SipCodesPanel {...panelProps({ options: { recentWindow: 'later' } })} />);
    const message = screen.getAllByTestId(TEST_IDS.message).find((m) => m.getAttribute('data-kind') === 'options')!;
    expect(message).toHaveTextContent('later');
    expect(screen.getByTestId(TEST_IDS.slice(404))).toBeInTheDocument();
  });

  it('finds a rise on a date histogram and shows it in the strip', () => {
    const series = seriesFrames({
      200: Array.from({ length: 24 }, () => 100),
      487: Array.from({ length: 24 }, (_, i) => (i >= 18 ? 30 : 3)),
    });
    renderWithTheme(<SipCodesPanel {...panelProps({ series, options: { recentWindow: '90m' } })} />);
    expect(screen.getByTestId(TEST_IDS.finding(487))).toHaveTextContent(
      /487 · .*\d+(\.\d)?× as frequent as earlier in the range/
    );
  });

  it('says when nothing needs follow-up', () => {
    renderWithTheme(<SipCodesPanel {...panelProps({ series: [termsFrame({ 200: 900, 404: 1 })] })} />);
    expect(screen.getByTestId(TEST_IDS.findings)).toHaveTextContent('No code needs follow-up');
  });

  it('keeps team guidance notes inert in the card', async () => {
    const user = userEvent.setup();
    const { container } = renderWithTheme(
      <SipCodesPanel
        {...panelProps({
          options: {
            policyOverrides: {
              '404': { guidance: { notes: 'See <img src=x onerror=alert(1)> and [x](javascript:alert(1))' } },
            },
          },
        })}
      />
    );
    await user.click(screen.getByTestId(TEST_IDS.legendRow(404)));
    expect(screen.getByTestId(TEST_IDS.guidanceNotes)).toBeInTheDocument();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.innerHTML).not.toMatch(/javascript:/i);
  });

  it('keeps the panel alive with a message whatever happens while rendering', () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => {});
    const exploding = new Proxy(
      {},
      {
        get() {
          throw new Error('options exploded');
        },
      }
    );
    const props = panelProps();
    renderWithTheme(<SipCodesPanel {...props} options={exploding as typeof props.options} />);
    const message = screen.getByTestId(TEST_IDS.message);
    expect(message).toHaveAttribute('data-level', 'error');
    expect(message).toHaveTextContent('options exploded');
    consoleError.mockRestore();
  });

  it('closes the card when its code disappears from new data', async () => {
    const user = userEvent.setup();
    const { rerender } = renderWithTheme(<SipCodesPanel {...panelProps()} />);
    await user.click(screen.getByTestId(TEST_IDS.slice(404)));
    act(() => rerender(<SipCodesPanel {...panelProps({ series: [termsFrame({ 200: 10 })] })} />));
    expect(screen.queryByTestId(TEST_IDS.guidance)).toBeNull();
    // …and does not pop up again when the code comes back later.
    act(() => rerender(<SipCodesPanel {...panelProps()} />));
    expect(screen.queryByTestId(TEST_IDS.guidance)).toBeNull();
  });

  it('keeps the card open across data refreshes, and closes it when options change', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    const { rerender } = renderWithTheme(<SipCodesPanel {...props} />);
    await user.click(screen.getByTestId(TEST_IDS.slice(404)));
    act(() =>
      rerender(<SipCodesPanel {...props} data={{ ...props.data, series: [termsFrame({ 200: 1600, 404: 40 })] }} />)
    );
    expect(await screen.findByTestId(TEST_IDS.guidance)).toHaveTextContent('40 calls');
    act(() => rerender(<SipCodesPanel {...props} options={{ ...props.options, view: 'bar' }} />));
    expect(screen.queryByTestId(TEST_IDS.guidance)).toBeNull();
  });

  it('lays out narrow panels and the light theme', () => {
    renderWithTheme(
      <SipCodesPanel {...panelProps({ width: 360, height: 640, options: DEFAULT_OPTIONS })} />,
      lightTheme
    );
    expect(screen.getByTestId(TEST_IDS.panel)).toHaveStyle({ width: '360px', height: '640px' });
    expect(screen.getByTestId(TEST_IDS.slice(500)).getAttribute('fill')).toBe(
      codeColor(500, 'immediate', false, lightTheme)
    );
  });
});

describe('SipCodesPanel with raw documents', () => {
  it('says the counts are partial when raw rows reach the query size', () => {
    const codes = Array.from({ length: 500 }, (_, i) => (i % 50 === 0 ? 503 : 200));
    const frame = toDataFrame({
      refId: 'A',
      fields: [
        { name: '@timestamp', type: FieldType.time, values: codes.map((_, i) => 1741593600000 + i * 1000) },
        { name: 'sip.status_code', type: FieldType.number, values: codes },
        { name: 'call_id', type: FieldType.string, values: codes.map((_, i) => `c-${i}`) },
      ],
    });
    const targets = [
      {
        refId: 'A',
        datasource: { uid: 'sip-es', type: 'elasticsearch' },
        metrics: [{ id: '1', type: 'raw_data', settings: { size: '500' } }],
      },
    ];
    renderWithTheme(<SipCodesPanel {...panelProps({ series: [frame], targets })} />);
    const partial = screen.getAllByTestId(TEST_IDS.message).find((m) => m.getAttribute('data-kind') === 'partial-data');
    expect(partial).toBeDefined();
    expect(partial).toHaveTextContent('500');
    expect(screen.getByTestId(TEST_IDS.legendRow(503))).toHaveTextContent('10');
  });
});
