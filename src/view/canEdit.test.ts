import { buildViewModel, userCanEdit } from '.';
import { DEFAULT_OPTIONS } from '../options';
import { FieldType, toDataFrame } from '@grafana/data';
import { darkTheme, termsFrame } from '../testing/panelProps';

describe('userCanEdit', () => {
  it('reads the RBAC permission first, then the org role', () => {
    expect(userCanEdit({ orgRole: 'Viewer', permissions: { 'dashboards:write': true } })).toBe(true);
    expect(userCanEdit({ orgRole: 'Editor', permissions: { 'dashboards:read': true } })).toBe(false);
    expect(userCanEdit({ orgRole: 'Viewer' })).toBe(false);
    expect(userCanEdit({ orgRole: 'Editor' })).toBe(true);
    expect(userCanEdit({ orgRole: 'Viewer', isGrafanaAdmin: true })).toBe(true);
  });

  it('shows hints when nothing is known', () => {
    expect(userCanEdit(undefined)).toBe(true);
    expect(userCanEdit({})).toBe(true);
  });
});

describe('hints that need an editor', () => {
  const series = [termsFrame({ 200: 500, 487: 40, 404: 9 })];
  const targets = [
    { refId: 'A', bucketAggs: [{ id: '2', type: 'terms', field: 'sip.status_code', settings: { size: '3' } }] },
  ];
  const cutOff = (canEdit: boolean) =>
    buildViewModel({ series, targets, options: DEFAULT_OPTIONS, theme: darkTheme, canEdit }).messages.find(
      (message) => message.kind === 'terms-size'
    )!.text;

  it('are shown to editors only; the fact itself is shown to everyone', () => {
    expect(cutOff(true)).toContain('raise the Terms size');
    expect(cutOff(false)).not.toContain('raise the Terms size');
    expect(cutOff(false)).toContain('keeps only its 3 most frequent values');
  });
});

describe("the core's editor hints", () => {
  it('reach editors only', () => {
    const frame = toDataFrame({
      refId: 'A',
      fields: [
        { name: 'host', type: FieldType.string, values: ['sbc-1'] },
        { name: 'Count', type: FieldType.number, values: [10] },
      ],
    });
    const text = (canEdit: boolean) =>
      buildViewModel({ series: [frame], options: DEFAULT_OPTIONS, theme: darkTheme, canEdit }).messages.find(
        (message) => message.kind === 'no-code-field'
      )!.text;
    expect(text(true)).toContain('Set the panel option "Code field"');
    expect(text(false)).not.toContain('Set the panel option');
    expect(text(false)).toContain('Fields seen: host');
  });
});
