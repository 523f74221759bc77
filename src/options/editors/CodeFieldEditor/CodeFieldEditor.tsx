import React, { useMemo } from 'react';
import type { StandardEditorProps } from '@grafana/data';
import { Combobox } from '@grafana/ui';
import { namesSeenInFrames, normalizeFrames } from '../../../core';
import { codeFieldChoices } from './codeFieldChoices';

type Props = StandardEditorProps<string | undefined>;

/**
 * The code field: the fields and label keys the query returned, or any text. Grafana's field-name picker would not
 * do: it offers and keeps only field display names, and those of a Terms × Date Histogram frame are the codes
 * themselves ("503"), not the field the codes come from.
 */
export function CodeFieldEditor({ value, onChange, context, id }: Props) {
  const current = typeof value === 'string' ? value : '';
  const data = context?.data;
  const options = useMemo(() => codeFieldChoices(namesSeenInFrames(data), current), [data, current]);
  const detected = useMemo(() => normalizeFrames(data ?? []).codeField, [data]);
  return (
    <Combobox<string>
      id={id}
      options={options}
      value={current === '' ? null : current}
      createCustomValue
      isClearable
      placeholder={detected ? `auto (found: ${detected})` : 'auto (e.g. sip.status_code)'}
      onChange={(option) => onChange(option?.value?.trim() ?? '')}
    />
  );
}
