import { formatAgo, formatUtcTime, recencyText } from './recencyText';

const NOW = Date.UTC(2026, 2, 2, 15, 0, 0);
const MINUTE = 60_000;

describe('recencyText', () => {
  it('says how many calls in the window and how long ago, for an ongoing finding', () => {
    const finding = { lastSeen: NOW - 2 * MINUTE, recentCalls: 12, ongoing: true, recencyWindowMs: 15 * MINUTE };
    expect(recencyText(finding, NOW)).toBe('12 calls in the last 15 min · last seen 2 min ago');
    expect(recencyText({ ...finding, recentCalls: 1, lastSeen: NOW - 10_000 }, NOW)).toBe(
      '1 call in the last 15 min · last seen just now'
    );
  });

  it('uses the window the finding was measured over (whole coarse buckets)', () => {
    const finding = { lastSeen: NOW - 40 * MINUTE, recentCalls: 3, ongoing: true, recencyWindowMs: 60 * MINUTE };
    expect(recencyText(finding, NOW)).toBe('3 calls in the last 1 h · last seen 40 min ago');
    expect(recencyText({ ...finding, recencyWindowMs: undefined }, NOW, 30 * MINUTE)).toBe(
      '3 calls in the last 30 min · last seen 40 min ago'
    );
  });

  it('says "earlier in range" with the time of day for a finding that is over', () => {
    const finding = { lastSeen: Date.UTC(2026, 2, 2, 14, 55), recentCalls: 0, ongoing: false };
    expect(recencyText(finding, Date.UTC(2026, 2, 2, 15, 20))).toBe('earlier in range · last seen 14:55');
    expect(recencyText(finding, Date.UTC(2026, 2, 3, 9, 0))).toBe('earlier in range · last seen 2026-03-02 14:55');
    expect(recencyText(finding, NOW, undefined, () => '15:55 CET')).toBe('earlier in range · last seen 15:55 CET');
    expect(
      recencyText(finding, NOW, undefined, () => {
        throw new Error('bad zone');
      })
    ).toBe('earlier in range · last seen 2026-03-02 14:55');
  });

  it('has nothing to say without time data', () => {
    expect(recencyText({}, NOW)).toBeUndefined();
    expect(recencyText(undefined, NOW)).toBeUndefined();
    expect(recencyText({ lastSeen: NaN, ongoing: true, recentCalls: 3 }, NOW)).toBeUndefined();
  });
});

describe('time wording', () => {
  it('reads elapsed time in minutes, then hours and days', () => {
    expect(formatAgo(NOW - 59_999, NOW)).toBe('just now');
    expect(formatAgo(NOW + 5 * MINUTE, NOW)).toBe('just now');
    expect(formatAgo(NOW - 59 * MINUTE, NOW)).toBe('59 min ago');
    expect(formatAgo(NOW - 90 * MINUTE, NOW)).toBe('1.5 h ago');
    expect(formatAgo(NOW - 3 * 24 * 60 * MINUTE, NOW)).toBe('3 d ago');
    expect(formatUtcTime(NaN)).toBe('?');
  });
});
