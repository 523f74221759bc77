/**
 * Test-only stand-ins for Grafana's options pane around the policy editor: one that replaces the option's value with
 * what the editor emits (older Grafana, and `replace` callers), and one that merges it the way Grafana 12 does.
 */
import React, { useState } from 'react';
import { cloneDeep, mergeWith } from 'lodash';
import { StandardEditorsRegistryItem } from '@grafana/data';
import type { PolicyOverrides } from '../../../core';
import { renderWithTheme } from '../../../testing/panelProps';
import { PolicyEditor } from '../PolicyEditor';

/**
 * Applies an options update as Grafana 12 does: the options pane calls VizPanel.onOptionsChange(update) without
 * `replace`, and Scenes (packages/scenes/src/components/VizPanel/VizPanel.tsx, onOptionsChange) deep-merges the update
 * into a deep copy of the current options with lodash mergeWith. Its customizer takes arrays from the update as they
 * are, and writes an explicit undefined from the update over a different old value. Anything else merges key by key,
 * so a key that is simply missing from the update keeps its old value.
 */
export function mergeOptionsLikeScenes<T extends object>(current: T, update: T): T {
  return mergeWith(
    cloneDeep(current),
    update,
    (oldValue: unknown, newValue: unknown, key: string, target: Record<string, unknown>) => {
      if (Array.isArray(newValue)) {
        return newValue;
      }
      if (newValue === undefined && oldValue !== newValue) {
        target[key] = undefined;
      }
      // undefined: lodash merges as usual.
      return undefined;
    }
  );
}

export type HostMode = 'replace' | 'merge';

const ITEM = { id: 'policyOverrides', name: 'Policy overrides' } as StandardEditorsRegistryItem<
  PolicyOverrides | undefined
>;

interface PanelOptionsStandIn {
  policyOverrides?: PolicyOverrides;
  [option: string]: unknown;
}

/**
 * Renders the editor inside a host that feeds each change back as the editor's value: replaced (mode 'replace') or
 * merged into the panel options like Scenes does (mode 'merge'). `changes` are the values the editor emitted,
 * `current()` is the option's value now, and `saved()` what a dashboard save would store (JSON, undefined dropped).
 */
export function renderEditor(
  initial: PolicyOverrides | undefined,
  { mode = 'replace', options = {} }: { mode?: HostMode; options?: Record<string, unknown> } = {}
) {
  const changes: Array<PolicyOverrides | undefined> = [];
  let stored: PanelOptionsStandIn = { ...options, policyOverrides: initial };

  function Host() {
    const [panelOptions, setPanelOptions] = useState(stored);
    return (
      <PolicyEditor
        value={panelOptions.policyOverrides}
        item={ITEM}
        context={{ data: [], options: panelOptions }}
        onChange={(next) => {
          changes.push(next);
          // Like setOptionImmutably in Grafana's options pane: the whole options object, with this option's new value.
          const update = { ...stored, policyOverrides: next };
          stored = mode === 'merge' ? mergeOptionsLikeScenes(stored, update) : update;
          setPanelOptions(stored);
        }}
      />
    );
  }

  renderWithTheme(<Host />);
  return {
    changes,
    last: () => changes[changes.length - 1],
    current: () => stored.policyOverrides,
    saved: (): unknown => {
      const json = JSON.stringify(stored.policyOverrides);
      return json === undefined ? undefined : JSON.parse(json);
    },
  };
}
