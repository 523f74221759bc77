import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildPolicy, DEFAULT_POLICY, policyFor, type PolicyOverrides } from '../../core';
import { TEST_IDS } from '../../constants/testIds';
import { defaultThresholdText } from './policyEdits';
import { mergeOptionsLikeScenes, renderEditor } from './testing/editorHosts';

// Most tests use a host that replaces the option's value; "in Grafana 12" below merges it as Scenes does.
describe('PolicyEditor', () => {
  it('explains that the runbook applies when there are no overrides', () => {
    renderEditor(undefined);
    expect(screen.getByTestId(TEST_IDS.policyEditor)).toHaveTextContent('built-in runbook policy applies');
  });

  it('adds a code, sets severity, thresholds and notes', async () => {
    const user = userEvent.setup();
    const { last } = renderEditor({});
    await user.type(screen.getByTestId(TEST_IDS.policyAddInput), '486');
    await user.click(screen.getByTestId(TEST_IDS.policyAddButton));
    expect(last()).toEqual({ '486': {} });
    const row = screen.getByTestId(TEST_IDS.policyRow('486'));
    expect(row).toHaveTextContent('Busy Here');

    await user.selectOptions(within(row).getByLabelText('Severity of 486'), 'immediate');
    expect(last()).toEqual({ '486': { severity: 'immediate' } });

    await user.type(within(row).getByLabelText('Share % of 486'), '4.5');
    await user.tab();
    await user.type(within(row).getByLabelText('Count of 486'), '20');
    await user.tab();
    await user.type(within(row).getByLabelText('Rise × of 486'), '3');
    await user.tab();
    await user.type(within(row).getByLabelText('Follow-up fields of 486'), 'trunk, called_number');
    await user.tab();
    await user.type(within(row).getByLabelText('Guidance notes of 486'), 'Check the **callee**');
    await user.tab();
    expect(last()).toEqual({
      '486': {
        severity: 'immediate',
        rules: { shareAtLeast: 4.5, countAtLeast: 20, rise: expect.objectContaining({ factor: 3 }) },
        followUpFields: ['trunk', 'called_number'],
        guidance: { notes: 'Check the **callee**' },
      },
    });
    expect(buildPolicy(last()).issues).toEqual([]);
  });

  it('adds with Enter and refuses bad or duplicate codes', async () => {
    const user = userEvent.setup();
    const { changes } = renderEditor({ '404': {} });
    await user.type(screen.getByTestId(TEST_IDS.policyAddInput), '404{Enter}');
    expect(screen.getByTestId(TEST_IDS.policyEditor)).toHaveTextContent('404 already has an override');
    await user.clear(screen.getByTestId(TEST_IDS.policyAddInput));
    await user.type(screen.getByTestId(TEST_IDS.policyAddInput), '42{Enter}');
    expect(screen.getByTestId(TEST_IDS.policyEditor)).toHaveTextContent('"42" is not a SIP status code');
    expect(changes).toEqual([]);
  });

  it('rejects a threshold that is not a number without changing anything', async () => {
    const user = userEvent.setup();
    const { changes } = renderEditor({ '404': { rules: { shareAtLeast: 2 } } });
    const input = screen.getByLabelText('Share % of 404');
    expect(input).toHaveValue('2');
    await user.clear(input);
    await user.type(input, 'lots');
    await user.tab();
    expect(changes).toEqual([]);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId(TEST_IDS.policyRow('404'))).toHaveTextContent('"lots" is not a number');
    await user.clear(input);
    await user.tab();
    expect(changes).toEqual([{ '404': {} }]);
  });

  it('switches a threshold off, and back on to the default', async () => {
    const user = userEvent.setup();
    const { last } = renderEditor({ '486': { rules: { shareAtLeast: 4 } } });
    expect(screen.getByTestId(TEST_IDS.policyEditor)).toHaveTextContent('tick “off” to switch that rule off');
    const offSwitch = () => screen.getByRole('checkbox', { name: 'Switch off Share % of 486' });
    const share = () => screen.getByLabelText('Share % of 486');
    expect(offSwitch()).not.toBeChecked();
    expect(share()).toHaveValue('4');

    await user.click(offSwitch());
    expect(last()).toEqual({ '486': { rules: { shareAtLeast: null } } });
    expect(offSwitch()).toBeChecked();
    expect(share()).toBeDisabled();
    expect(share()).toHaveValue('');
    expect(share()).toHaveAttribute('placeholder', 'off');

    await user.click(offSwitch());
    expect(last()).toEqual({ '486': {} });
    expect(offSwitch()).not.toBeChecked();
    expect(share()).toBeEnabled();
    expect(share()).toHaveValue('');
    expect(share()).toHaveAttribute('placeholder', defaultThresholdText('486', 'shareAtLeast'));
  });

  it('switches the rise rule off from the keyboard', async () => {
    const user = userEvent.setup();
    const { changes, last } = renderEditor({ '487': {} });
    await user.click(screen.getByLabelText('Rise × of 487'));
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'Switch off Rise × of 487' })).toHaveFocus();
    await user.keyboard(' ');
    expect(changes).toHaveLength(1);
    expect(last()).toEqual({ '487': { rules: { rise: null } } });
    expect(buildPolicy(last()).policy.codes[487].rules.rise).toBeNull();
  });

  it('shows rules the saved policy switches off as off', () => {
    renderEditor({ '404': { rules: { countAtLeast: null, shareAtLeast: 2 } } });
    expect(screen.getByRole('checkbox', { name: 'Switch off Count of 404' })).toBeChecked();
    expect(screen.getByLabelText('Count of 404')).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Switch off Share % of 404' })).not.toBeChecked();
    expect(screen.getByLabelText('Share % of 404')).toHaveValue('2');
    expect(screen.getByRole('checkbox', { name: 'Switch off Rise × of 404' })).not.toBeChecked();
  });

  it('switching off drops a rejected entry in that field and keeps the other fields', async () => {
    const user = userEvent.setup();
    const { changes } = renderEditor({ '404': { severity: 'immediate', rules: { countAtLeast: 10 } } });
    await user.type(screen.getByLabelText('Share % of 404'), 'lots');
    await user.click(screen.getByRole('checkbox', { name: 'Switch off Share % of 404' }));
    expect(screen.getByTestId(TEST_IDS.policyRow('404'))).not.toHaveTextContent('is not a number');
    expect(screen.getByLabelText('Share % of 404')).toHaveAttribute('aria-invalid', 'false');
    expect(changes).toEqual([{ '404': { severity: 'immediate', rules: { countAtLeast: 10, shareAtLeast: null } } }]);
  });

  it('removes a code', async () => {
    const user = userEvent.setup();
    const { last } = renderEditor({ '404': {}, '503': { severity: 'immediate' } });
    await user.click(screen.getByRole('button', { name: 'Remove override of 404' }));
    expect(last()).toEqual({ '503': { severity: 'immediate' } });
    expect(screen.queryByTestId(TEST_IDS.policyRow('404'))).toBeNull();
  });

  it('exports and imports JSON', async () => {
    const user = userEvent.setup();
    const { last } = renderEditor({ '503': { severity: 'immediate' } });
    await user.click(screen.getByTestId(TEST_IDS.policyExport));
    const textarea = screen.getByTestId(TEST_IDS.policyJson) as HTMLTextAreaElement;
    expect(JSON.parse(textarea.value)).toEqual({ '503': { severity: 'immediate' } });

    fireEvent.change(textarea, {
      target: { value: '{"404": {"rules": {"countAtLeast": 10}}, "487": {"severity": "urgent"}}' },
    });
    await user.click(screen.getByTestId(TEST_IDS.policyImport));
    expect(last()).toEqual({ '404': { rules: { countAtLeast: 10 } }, '487': { severity: 'urgent' } });
    expect(screen.getByLabelText('Count of 404')).toHaveValue('10');
    expect(screen.getByTestId(TEST_IDS.policyEditor)).toHaveTextContent('Imported 2 codes');
    // The bad field is listed with code and field; the default stays for it.
    expect(screen.getByTestId(TEST_IDS.policyIssues)).toHaveTextContent(/487\.severity/);
  });

  it('shows invalid JSON issues and loses nothing', async () => {
    const user = userEvent.setup();
    const { changes } = renderEditor({ '503': { severity: 'immediate' } });
    const textarea = screen.getByTestId(TEST_IDS.policyJson);
    fireEvent.change(textarea, { target: { value: '{"404": {"severity": ' } });
    await user.click(screen.getByTestId(TEST_IDS.policyImport));
    expect(changes).toEqual([]);
    expect(screen.getByRole('alert')).toHaveTextContent('Not valid JSON');
    expect(textarea).toHaveValue('{"404": {"severity": ');
    expect(screen.getByTestId(TEST_IDS.policyRow('503'))).toBeInTheDocument();
  });

  it('offers unreadable policy text from an older version for repair', () => {
    renderEditor({}, { options: { unparsedPolicyJson: '{"404": {severity: immediate}' } });
    expect(screen.getByTestId(TEST_IDS.policyJson)).toHaveValue('{"404": {severity: immediate}');
    expect(screen.getByTestId(TEST_IDS.policyEditor)).toHaveTextContent('could not be read');
  });

  it('survives a saved value that is not an object', () => {
    renderEditor('junk' as unknown as PolicyOverrides);
    expect(screen.getByTestId(TEST_IDS.policyEditor)).toHaveTextContent('built-in runbook policy applies');
    expect(screen.getByTestId(TEST_IDS.policyIssues)).toHaveTextContent(/default policy is used/);
  });
});

describe('PolicyEditor any-incident switch', () => {
  it('shows the built-in setting and switches it off and back to the default', async () => {
    const user = userEvent.setup();
    expect(policyFor(603).rules.anyIncident).toBe(true);
    expect(policyFor(486).rules.anyIncident).toBe(false);
    const { last } = renderEditor({ '603': {}, '486': {} });
    const any603 = () => screen.getByRole('checkbox', { name: 'Any incident of 603' });
    expect(any603()).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Any incident of 486' })).not.toBeChecked();

    await user.click(any603());
    expect(last()).toEqual({ '603': { rules: { anyIncident: false } }, '486': {} });
    expect(any603()).not.toBeChecked();
    expect(buildPolicy(last()).policy.codes[603].rules.anyIncident).toBe(false);

    await user.click(any603());
    expect(last()).toEqual({ '603': {}, '486': {} });
    expect(any603()).toBeChecked();
  });

  it('switches it on for a code whose default does not flag every incident', async () => {
    const user = userEvent.setup();
    const { last } = renderEditor({ '486': { severity: 'track' } });
    await user.click(screen.getByRole('checkbox', { name: 'Any incident of 486' }));
    expect(last()).toEqual({ '486': { severity: 'track', rules: { anyIncident: true } } });
    expect(buildPolicy(last()).policy.codes[486].rules.anyIncident).toBe(true);
  });

  it('reads a saved null as off, as the policy does', () => {
    renderEditor({ '603': { rules: { anyIncident: null as unknown as boolean } } });
    expect(screen.getByRole('checkbox', { name: 'Any incident of 603' })).not.toBeChecked();
  });

  it('keeps severity and rules apart, and says when "normal" still flags every incident', async () => {
    const user = userEvent.setup();
    const { last } = renderEditor({ '603': {} });
    const row = () => screen.getByTestId(TEST_IDS.policyRow('603'));
    const any603 = () => screen.getByRole('checkbox', { name: 'Any incident of 603' });
    expect(row()).not.toHaveTextContent('still flags');

    await user.selectOptions(screen.getByLabelText('Severity of 603'), 'normal');
    expect(last()).toEqual({ '603': { severity: 'normal' } });
    expect(any603()).toBeChecked();
    expect(row()).toHaveTextContent('“Any incident” still flags every 603 until you untick it.');
    expect(any603()).toHaveAccessibleDescription('“Any incident” still flags every 603 until you untick it.');

    await user.click(any603());
    expect(last()).toEqual({ '603': { severity: 'normal', rules: { anyIncident: false } } });
    expect(row()).not.toHaveTextContent('still flags');
  });

  it('gives no hint for a "normal" code whose default does not flag every incident', async () => {
    const user = userEvent.setup();
    renderEditor({ '486': {} });
    await user.selectOptions(screen.getByLabelText('Severity of 486'), 'normal');
    expect(screen.getByTestId(TEST_IDS.policyRow('486'))).not.toHaveTextContent('still flags');
  });
});

describe('PolicyEditor threshold limits', () => {
  it.each([
    ['Share %', '150', 'is not a share between 0 and 100'],
    ['Share %', '-2', 'is not a number ≥ 0'],
    ['Count', '2.5', 'is not a whole number of calls'],
    ['Rise ×', '1', 'is not a factor greater than 1'],
    ['Rise ×', '0.5', 'is not a factor greater than 1'],
  ])('refuses %s %s inline and writes nothing', async (label, text, message) => {
    const user = userEvent.setup();
    const { changes } = renderEditor({ '486': {} });
    const input = screen.getByLabelText(`${label} of 486`);
    await user.type(input, text);
    await user.tab();
    expect(changes).toEqual([]);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId(TEST_IDS.policyRow('486'))).toHaveTextContent(`"${text}" ${message}`);
  });

  it('accepts the limits themselves and clears the error once the value is valid', async () => {
    const user = userEvent.setup();
    const { last } = renderEditor({ '486': {} });
    const share = screen.getByLabelText('Share % of 486');
    await user.type(share, '100.5');
    await user.tab();
    expect(share).toHaveAttribute('aria-invalid', 'true');
    await user.clear(share);
    await user.type(share, '100');
    await user.tab();
    expect(share).toHaveAttribute('aria-invalid', 'false');
    await user.type(screen.getByLabelText('Count of 486'), '0');
    await user.tab();
    await user.type(screen.getByLabelText('Rise × of 486'), '1.01');
    await user.tab();
    expect(last()).toEqual({
      '486': { rules: { shareAtLeast: 100, countAtLeast: 0, rise: expect.objectContaining({ factor: 1.01 }) } },
    });
    expect(buildPolicy(last()).issues).toEqual([]);
    expect(screen.getByTestId(TEST_IDS.policyRow('486'))).not.toHaveTextContent('is not');
  });
});

describe('PolicyEditor reading undefined entries', () => {
  const withUndefined = {
    '404': undefined,
    '503': {
      severity: 'immediate',
      rules: { shareAtLeast: undefined, countAtLeast: 7 },
      guidance: { notes: undefined },
    },
  } as unknown as PolicyOverrides;

  it('shows no row, reports no issue and exports nothing for them', async () => {
    const user = userEvent.setup();
    renderEditor(withUndefined);
    expect(screen.queryByTestId(TEST_IDS.policyRow('404'))).toBeNull();
    expect(screen.queryByTestId(TEST_IDS.policyIssues)).toBeNull();
    expect(screen.getByLabelText('Share % of 503')).toHaveValue('');
    expect(screen.getByLabelText('Count of 503')).toHaveValue('7');
    expect(screen.getByLabelText('Guidance notes of 503')).toHaveValue('');
    await user.click(screen.getByTestId(TEST_IDS.policyExport));
    expect(JSON.parse((screen.getByTestId(TEST_IDS.policyJson) as HTMLTextAreaElement).value)).toStrictEqual({
      '503': { severity: 'immediate', rules: { countAtLeast: 7 }, guidance: {} },
    });
  });

  it('adds a code that is there only as undefined', async () => {
    const user = userEvent.setup();
    const { saved } = renderEditor(withUndefined, { mode: 'merge' });
    await user.type(screen.getByTestId(TEST_IDS.policyAddInput), '404{Enter}');
    expect(screen.getByTestId(TEST_IDS.policyRow('404'))).toBeInTheDocument();
    expect(saved()).toStrictEqual({
      '404': {},
      '503': { severity: 'immediate', rules: { countAtLeast: 7 }, guidance: {} },
    });
  });
});

describe('mergeOptionsLikeScenes (the Grafana 12 stand-in)', () => {
  it('keeps keys missing from the update, clears keys given as undefined and takes arrays whole', () => {
    const current: { view: string; policyOverrides: PolicyOverrides } = {
      view: 'table',
      policyOverrides: { '404': { severity: 'track' }, '503': { guidance: { causes: ['a', 'b'] } } },
    };
    // The bug this editor works around: dropping 404 from the new value does not remove it.
    expect(
      mergeOptionsLikeScenes(current, { view: 'table', policyOverrides: { '503': { guidance: { causes: ['c'] } } } })
    ).toStrictEqual({
      view: 'table',
      policyOverrides: { '404': { severity: 'track' }, '503': { guidance: { causes: ['c'] } } },
    });
    const update = {
      view: 'table',
      policyOverrides: { '404': undefined, '503': { guidance: { causes: ['c'] } } } as unknown as PolicyOverrides,
    };
    const cleared = mergeOptionsLikeScenes(current, update);
    expect(JSON.parse(JSON.stringify(cleared))).toStrictEqual({
      view: 'table',
      policyOverrides: { '503': { guidance: { causes: ['c'] } } },
    });
    expect(current.policyOverrides['404']).toEqual({ severity: 'track' });
  });
});

describe('PolicyEditor in Grafana 12, where the options pane merges each change into the old options', () => {
  it('removes an override for good', async () => {
    const user = userEvent.setup();
    const { saved, current } = renderEditor(
      { '404': { severity: 'track', rules: { shareAtLeast: 3 } }, '503': { severity: 'immediate' } },
      { mode: 'merge' }
    );
    await user.click(screen.getByRole('button', { name: 'Remove override of 404' }));
    expect(saved()).toStrictEqual({ '503': { severity: 'immediate' } });
    expect(screen.queryByTestId(TEST_IDS.policyRow('404'))).toBeNull();
    const built = buildPolicy(current());
    expect(built.issues).toEqual([]);
    expect(built.policy.codes[404]).toBe(DEFAULT_POLICY.codes[404]);

    // A later edit of another code does not bring it back.
    await user.selectOptions(screen.getByLabelText('Severity of 503'), 'track');
    expect(saved()).toStrictEqual({ '503': { severity: 'track' } });
    expect(screen.queryByTestId(TEST_IDS.policyRow('404'))).toBeNull();
  });

  it('sets severity back to the default', async () => {
    const user = userEvent.setup();
    const { saved, current } = renderEditor(
      { '486': { severity: 'immediate', guidance: { notes: 'n' } } },
      { mode: 'merge' }
    );
    await user.selectOptions(screen.getByLabelText('Severity of 486'), '');
    expect(saved()).toStrictEqual({ '486': { guidance: { notes: 'n' } } });
    expect(screen.getByLabelText('Severity of 486')).toHaveValue('');
    expect(buildPolicy(current()).policy.codes[486].severity).toBe(policyFor(486).severity);
  });

  it('switches a rule back on after "off" (share and rise)', async () => {
    const user = userEvent.setup();
    const { saved, current } = renderEditor(
      { '486': { rules: { shareAtLeast: null, countAtLeast: 5, rise: null } } },
      { mode: 'merge' }
    );
    await user.click(screen.getByRole('checkbox', { name: 'Switch off Share % of 486' }));
    expect(saved()).toStrictEqual({ '486': { rules: { countAtLeast: 5, rise: null } } });
    expect(screen.getByRole('checkbox', { name: 'Switch off Share % of 486' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Switch off Rise × of 486' }));
    expect(saved()).toStrictEqual({ '486': { rules: { countAtLeast: 5 } } });
    const rules = buildPolicy(current()).policy.codes[486].rules;
    expect(rules.shareAtLeast).toBe(policyFor(486).rules.shareAtLeast);
    expect(rules.rise).toEqual(policyFor(486).rules.rise);
  });

  it('clears notes', async () => {
    const user = userEvent.setup();
    const { saved } = renderEditor(
      { '486': { severity: 'track', guidance: { notes: 'Old **notes**' } } },
      { mode: 'merge' }
    );
    await user.clear(screen.getByLabelText('Guidance notes of 486'));
    await user.tab();
    expect(saved()).toStrictEqual({ '486': { severity: 'track' } });
  });

  it('switches "any incident" off and back to the default', async () => {
    const user = userEvent.setup();
    const { saved } = renderEditor({ '603': { severity: 'normal' } }, { mode: 'merge' });
    await user.click(screen.getByRole('checkbox', { name: 'Any incident of 603' }));
    expect(saved()).toStrictEqual({ '603': { severity: 'normal', rules: { anyIncident: false } } });
    await user.click(screen.getByRole('checkbox', { name: 'Any incident of 603' }));
    expect(saved()).toStrictEqual({ '603': { severity: 'normal' } });
  });

  it('imports JSON that leaves out codes and fields already there', async () => {
    const user = userEvent.setup();
    const { saved } = renderEditor(
      {
        '404': { severity: 'track' },
        '503': { severity: 'immediate', rules: { shareAtLeast: 2 }, guidance: { notes: 'x' } },
      },
      { mode: 'merge' }
    );
    fireEvent.change(screen.getByTestId(TEST_IDS.policyJson), {
      target: { value: '{"503": {"severity": "track"}, "486": {}}' },
    });
    await user.click(screen.getByTestId(TEST_IDS.policyImport));
    expect(saved()).toStrictEqual({ '503': { severity: 'track' }, '486': {} });
    expect(screen.queryByTestId(TEST_IDS.policyRow('404'))).toBeNull();
    expect(screen.getByLabelText('Share % of 503')).toHaveValue('');
  });
});
