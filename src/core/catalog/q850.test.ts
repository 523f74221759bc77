import { describeQ850, q850Cause, q850Causes } from '../index';

describe('q850Cause', () => {
  it.each([
    [1, 404],
    [17, 486],
    [18, 408],
    [19, 480],
    [20, 480],
    [31, 480],
    [21, 403],
    [28, 484],
    [34, 503],
    [38, 503],
    [41, 503],
    [42, 503],
    [47, 503],
    [88, 503],
    [65, 488],
    [102, 504],
    [127, 500],
  ])('RFC 3398 maps cause %i to %i', (cause, sipCode) => {
    expect(q850Cause(cause)).toMatchObject({ cause, sipCode });
  });

  it('maps normal clearing (16) to no response', () => {
    expect(q850Cause(16)).toMatchObject({ cause: 16, name: 'Normal call clearing', sipCode: null });
  });

  it('accepts 17, "17", " 17 ", FreeSWITCH names in any case and Reason header values', () => {
    const expected = { cause: 17, name: 'User busy', sipCode: 486 };
    for (const value of [
      17,
      '17',
      ' 17 ',
      'USER_BUSY',
      'user_busy',
      'Q.850;cause=17;text="USER_BUSY"',
      'Q.850 ; cause=17',
    ]) {
      expect(q850Cause(value)).toMatchObject(expected);
    }
  });

  it.each([
    [21, 403, 603, false],
    [88, 503, 488, false],
    [16, null, 480, true],
    [127, 500, 480, true],
  ] as const)('shows both where FreeSWITCH differs: cause %i', (cause, rfc, freeswitch, byDefault) => {
    const info = q850Cause(cause)!;
    expect(info.sipCode).toBe(rfc);
    expect(info.freeswitch).toMatchObject({ sipCode: freeswitch, byDefault });
    expect(info.differs).toBe(true);
    expect(describeQ850(cause)).toMatch(
      new RegExp(`RFC 3398 maps it to ${rfc ?? 'no SIP response'}; FreeSWITCH \\(\\w+\\) sends ${freeswitch}`)
    );
  });

  it('does not claim a difference for causes RFC 3398 does not list', () => {
    expect(q850Cause(44)).toMatchObject({
      sipCode: null,
      inRfc3398: false,
      differs: false,
      freeswitch: { sipCode: 503 },
    });
    expect(describeQ850(44)).toMatch(/not in RFC 3398’s table; FreeSWITCH \(REQUESTED_CHAN_UNAVAIL\) sends 503/);
    expect(q850Cause(16)).toMatchObject({ inRfc3398: true, sipCode: null, differs: true });
  });

  it('does not claim a difference where both agree', () => {
    expect(q850Cause(17)!.differs).toBe(false);
    expect(describeQ850(17)).toBe('Q.850 17 User busy: RFC 3398 maps it to 486 (FreeSWITCH USER_BUSY: the same).');
  });

  it('reads FreeSWITCH’s own causes as the Q.850 16 FreeSWITCH records for them', () => {
    expect(q850Cause('ORIGINATOR_CANCEL')).toMatchObject({
      cause: 16,
      sipCode: null,
      differs: true,
      freeswitch: { name: 'ORIGINATOR_CANCEL', value: 487, sipCode: 487 },
    });
  });

  it('is never the SIP code: a SIP status is not a Q.850 cause', () => {
    expect(q850Cause(486)).toBeNull();
    expect(q850Cause('486')).toBeNull();
    expect(q850Cause('SIP;cause=486')).toBeNull();
  });

  it('gives null for unknown values without throwing, and says so clearly', () => {
    for (const value of [0, 4, 200, -1, 17.5, NaN, '', 'abc', 'NOT_A_CAUSE', '17a']) {
      expect(q850Cause(value)).toBeNull();
    }
    for (const value of [undefined, null, {}, [17]]) {
      expect(() => q850Cause(value as never)).not.toThrow();
      expect(q850Cause(value as never)).toBeNull();
    }
    expect(describeQ850('abc')).toBe('"abc" is not a Q.850 cause in the dictionary.');
    expect(describeQ850(null)).toBe('This value is not a Q.850 cause in the dictionary.');
  });

  it('lists causes ascending, each once, every one in 1–127', () => {
    const causes = q850Causes().map((info) => info.cause);
    expect(causes).toEqual([...causes].sort((a, b) => a - b));
    expect(new Set(causes).size).toBe(causes.length);
    expect(causes.every((cause) => cause >= 1 && cause <= 127)).toBe(true);
  });
});
