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
