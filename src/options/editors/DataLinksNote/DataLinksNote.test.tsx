import React from 'react';
import { screen } from '@testing-library/react';
import { renderWithTheme } from '../../../testing/panelProps';
import { DataLinksNote } from './DataLinksNote';

describe('DataLinksNote', () => {
  it('says where data links are set, which placeholders fill them and how to link one code', () => {
    const onChange = jest.fn();
    const { container } = renderWithTheme(
      <DataLinksNote value={undefined} onChange={onChange} context={{ data: [] }} item={{} as never} />
    );
    expect(screen.getByText('Data links and actions')).toBeInTheDocument();
    expect(container).toHaveTextContent('${__value.raw}');
    expect(container).toHaveTextContent('Fields with name 503');
    expect(onChange).not.toHaveBeenCalled();
  });
});
