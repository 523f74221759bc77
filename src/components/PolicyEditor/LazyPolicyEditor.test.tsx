import React from 'react';
import { screen } from '@testing-library/react';
import { StandardEditorsRegistryItem } from '@grafana/data';
import type { PolicyOverrides } from '../../core';
import { TEST_IDS } from '../../constants/testIds';
import { renderWithTheme } from '../../testing/panelProps';
import { LazyPolicyEditor } from './LazyPolicyEditor';

const ITEM = { id: 'policyOverrides', name: 'Policy overrides' } as StandardEditorsRegistryItem<
  PolicyOverrides | undefined
>;

describe('LazyPolicyEditor', () => {
  it('shows a placeholder, then the real editor with the saved overrides once its chunk has loaded', async () => {
    renderWithTheme(
      <LazyPolicyEditor
        value={{ '503': { severity: 'immediate' } }}
        item={ITEM}
        context={{ data: [] }}
        onChange={() => {}}
      />
    );
    expect(screen.getByText('Loading the policy editor…')).toBeInTheDocument();
    expect(await screen.findByTestId(TEST_IDS.policyEditor)).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.policyRow(503))).toBeInTheDocument();
  });
});
