import React, { useState } from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StandardEditorsRegistryItem } from '@grafana/data';
import { buildPolicy, type PolicyOverrides } from '../../core';
import { TEST_IDS } from '../../constants/testIds';
import { renderWithTheme } from '../testUtils';
import { PolicyEditor } from './PolicyEditor';
import { defaultThresholdText } from './policyEdits';

const ITEM = { id: 'policyOverrides', name: 'Policy overrides' } as StandardEditorsRegistryItem<PolicyOverrides | undefined>;

/** The editor inside a tiny stand-in for Grafana's options pane, which feeds onChange back as value. */
function renderEditor(initial: PolicyOverrides | undefined, options: Record<string, unknown> = {}) {
  const changes: Array<PolicyOverrides | undefined> = [];
  function Host() {
    const [value, setValue] = useState(initial);
    return (
      <PolicyEditor
        value={value}
        item={ITEM}
        context={{ data: [], options }}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
    );
  }
  renderWithTheme(<Host />);
  return { changes, last: () => changes[changes.length - 1] };
}

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
    await user.type(within(row).getByLabelText('Guidance notes of 486'), 'Check the **callee**');
    await user.tab();
    expect(last()).toEqual({
      '486': {
        severity: 'immediate',
        rules: { shareAtLeast: 4.5, countAtLeast: 20, rise: expect.objectContaining({ factor: 3 }) },
        guidance: { notes: 'Check the **callee**' },
      },
    });
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

    fireEvent.change(textarea, { target: { value: '{"404": {"rules": {"countAtLeast": 10}}, "487": {"severity": "urgent"}}' } });
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
    renderEditor({}, { unparsedPolicyJson: '{"404": {severity: immediate}' });
    expect(screen.getByTestId(TEST_IDS.policyJson)).toHaveValue('{"404": {severity: immediate}');
    expect(screen.getByTestId(TEST_IDS.policyEditor)).toHaveTextContent('could not be read');
  });

  it('survives a saved value that is not an object', () => {
    renderEditor('junk' as unknown as PolicyOverrides);
    expect(screen.getByTestId(TEST_IDS.policyEditor)).toHaveTextContent('built-in runbook policy applies');
    expect(screen.getByTestId(TEST_IDS.policyIssues)).toHaveTextContent(/default policy is used/);
  });
});
