import React from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toDataFrame } from '@grafana/data';
import { renderWithTheme } from '../../../testing/panelProps';
import { QueryRolesEditor, refIdsOf } from './QueryRolesEditor';

const context = (refIds: string[]) => ({ data: refIds.map((refId) => toDataFrame({ refId, fields: [] })) }) as never;

describe('QueryRolesEditor', () => {
  it('lists each query of the panel once, with its role or auto', () => {
    expect(refIdsOf(context(['B', 'A', 'B']))).toEqual(['A', 'B']);
  });

  it('sets and clears a role by refId', async () => {
    const onChange = jest.fn();
    renderWithTheme(
      <QueryRolesEditor
        value={{ B: 'calls' }}
        onChange={onChange}
        context={context(['A', 'B'])}
        item={{} as never}
        id="queryRoles"
      />
    );
    const a = screen.getByLabelText('Role of query A');
    expect(within(a).getByLabelText('Auto')).toBeChecked();
    expect(within(screen.getByLabelText('Role of query B')).getByLabelText('Calls')).toBeChecked();
    await userEvent.click(within(a).getByLabelText('Breakdown'));
    expect(onChange).toHaveBeenLastCalledWith({ A: 'breakdown', B: 'calls' });
    await userEvent.click(within(screen.getByLabelText('Role of query B')).getByLabelText('Auto'));
    expect(onChange).toHaveBeenLastCalledWith({});
  });

  it('says what to do before the queries ran', () => {
    renderWithTheme(
      <QueryRolesEditor
        value={undefined}
        onChange={jest.fn()}
        context={context([])}
        item={{} as never}
        id="queryRoles"
      />
    );
    expect(screen.getByText(/Run the panel’s queries/)).toBeInTheDocument();
  });
});
