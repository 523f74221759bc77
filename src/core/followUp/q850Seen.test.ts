import { callRecords, rawRowsFrame } from '../roles/testing/esFrames';
import { q850CausesSeen } from './q850Seen';

function rows(extra: Array<Record<string, unknown>>) {
  const documents = callRecords(extra.map((_, i) => ({ minute: i, code: Number(extra[i].code ?? 488) }))).map(
    (document, i) => ({ ...document, ...extra[i] })
  );
  return [rawRowsFrame(documents.map(({ code, ...rest }) => ({ ...rest, sip_status: code ?? rest.sip_status })))];
}

describe('q850CausesSeen', () => {
  it("counts the causes of the code's calls, most frequent first, with their meaning", () => {
    const calls = rows([
      { code: 488, q850_cause: 88 },
      { code: 488, q850_cause: 88 },
      { code: 488, q850_cause: 65 },
      { code: 486, q850_cause: 17 },
    ]);
    const seen = q850CausesSeen(488, calls, 'sip_status');
    expect(seen.map(({ value, calls: count, field }) => ({ value, count, field }))).toEqual([
      { value: '88', count: 2, field: 'q850_cause' },
      { value: '65', count: 1, field: 'q850_cause' },
    ]);
    expect(seen[0].meaning).toMatch(/^Q\.850 88 /);
    expect(seen[0].meaning).toContain('488');
  });

  it('reads FreeSWITCH names, says when a value is not in the dictionary, and never takes the code field', () => {
    const calls = rows([
      { code: 486, hangup_cause: 'USER_BUSY' },
      { code: 486, hangup_cause: 'SOMETHING_ODD' },
    ]);
    const seen = q850CausesSeen(486, calls, 'sip_status');
    expect(seen.find((item) => item.value === 'USER_BUSY')!.meaning).toMatch(/^Q\.850 17 /);
    expect(seen.find((item) => item.value === 'SOMETHING_ODD')!.meaning).toContain(
      'not a Q.850 cause in the dictionary'
    );
    expect(seen.every((item) => item.field !== 'sip_status')).toBe(true);
  });

  it('gives nothing for rows without a cause field, and for junk', () => {
    expect(q850CausesSeen(488, rows([{ code: 488 }]), 'sip_status')).toEqual([]);
    expect(q850CausesSeen(488, undefined)).toEqual([]);
    expect(q850CausesSeen(488, [null, 42, { fields: 'x' }] as never)).toEqual([]);
  });
});
