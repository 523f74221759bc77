import fc from 'fast-check';

import {
  codeRecency,
  DEFAULT_RECENCY_MS,
  isUsableRiseRule,
  planRecencyWindow,
  RecentWindow,
  medianGap,
  planRecentWindow,
  riseFactor,
  riseFires,
  riseMayFire,
  riseStatsFrom,
  riseStats,
  sumSplit,
  twoProportionZ,
} from './rise';
import { Timeline } from '../types';
import { HOUR, repeat, START, timelineOf } from './testing/policies';

const RISE_RULE = { factor: 2, minCount: 10, minZ: 3 };

function windowOf(plan: ReturnType<typeof planRecentWindow>): RecentWindow {
  if (!plan.ok) {
    throw new Error(`expected a window, got ${plan.problem}`);
  }
  return plan.window;
}

describe('twoProportionZ', () => {
  it('matches the pooled two-proportion statistic (60/100 vs 40/100 gives 2√2)', () => {
    expect(twoProportionZ(60, 100, 40, 100)).toBeCloseTo(2 * Math.SQRT2, 10);
  });

  it('is one-sided: a fall gives a negative z', () => {
    expect(twoProportionZ(40, 100, 60, 100)).toBeCloseTo(-2 * Math.SQRT2, 10);
  });

  it('keeps 2 → 4 calls in 1,000 far from significant and makes 5 → 60 highly significant', () => {
    expect(twoProportionZ(4, 1000, 2, 1000)).toBeCloseTo(0.8177, 3);
    expect(twoProportionZ(60, 1000, 5, 1000)).toBeCloseTo(6.9355, 3);
  });

  it('is still computed when the code was absent earlier', () => {
    expect(twoProportionZ(30, 2000, 0, 6000)).toBeCloseTo(9.5047, 3);
  });

  it('is 0 when a side has no calls or the pooled share is 0 or 1', () => {
    expect(twoProportionZ(5, 0, 1, 100)).toBe(0);
    expect(twoProportionZ(5, 100, 0, 0)).toBe(0);
    expect(twoProportionZ(0, 100, 0, 100)).toBe(0);
    expect(twoProportionZ(100, 100, 50, 50)).toBe(0);
    expect(twoProportionZ(NaN, 100, 1, 100)).toBe(0);
  });
});

describe('twoProportionZ properties', () => {
  const side = fc
    .integer({ min: 1, max: 100_000 })
    .chain((total) => fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total)));

  it('grows with the square root of the sample size at equal shares', () => {
    fc.assert(
      fc.property(side, side, fc.integer({ min: 2, max: 100 }), ([rc, rt], [ec, et], k) => {
        const z = twoProportionZ(rc, rt, ec, et);
        expect(twoProportionZ(k * rc, k * rt, k * ec, k * et)).toBeCloseTo(Math.sqrt(k) * z, 6);
      })
    );
  });

  it('is antisymmetric and positive exactly when the recent share is higher', () => {
    fc.assert(
      fc.property(side, side, ([rc, rt], [ec, et]) => {
        const z = twoProportionZ(rc, rt, ec, et);
        expect(Number.isFinite(z)).toBe(true);
        expect(twoProportionZ(ec, et, rc, rt)).toBeCloseTo(-z, 9);
        expect(Math.sign(z)).toBe(Math.sign(rc * et - ec * rt));
      })
    );
  });
});

describe('riseFactor', () => {
  it('is exact for exact ratios', () => {
    expect(riseFactor(20, 1000, 10, 1000)).toBe(2);
    expect(riseFactor(42, 2000, 41, 6000)).toBeCloseTo(3.0732, 4);
  });

  it('is Infinity when the code is new and 0 when it is absent now or a side is empty', () => {
    expect(riseFactor(3, 100, 0, 100)).toBe(Infinity);
    expect(riseFactor(0, 100, 3, 100)).toBe(0);
    expect(riseFactor(3, 100, 3, 0)).toBe(0);
    expect(riseFactor(3, 0, 3, 100)).toBe(0);
  });
});

describe('medianGap', () => {
  it('returns the common gap of a regular timeline', () => {
    expect(medianGap([0, 60, 120, 180])).toBe(60);
  });

  it('ignores a missing bucket or a short last bucket', () => {
    expect(medianGap([0, 60, 180, 240, 300])).toBe(60);
    expect(medianGap([0, 60, 120, 180, 190])).toBe(60);
  });

  it('averages the two middle gaps of an even count and is 0 for one time', () => {
    expect(medianGap([0, 10, 30, 60, 100])).toBe(25);
    expect(medianGap([5])).toBe(0);
  });
});

describe('planRecentWindow', () => {
  const eight = timelineOf(repeat(100, 8), {});

  it('takes the last quarter of the range by default', () => {
    const window = windowOf(planRecentWindow(eight));
    expect(window.firstRecentIndex).toBe(6);
    expect(window.windowStart).toBe(START + 6 * HOUR);
    expect(window.bucketMs).toBe(HOUR);
    expect(window.recentTotal).toBe(200);
    expect(window.earlierTotal).toBe(600);
    expect(window.label).toBe('the last quarter');
  });

  it('uses recentFraction, counting a bucket as recent when at least half of it is inside', () => {
    const ten = timelineOf(repeat(1, 10), {});
    expect(windowOf(planRecentWindow(ten, { recentFraction: 0.5 })).firstRecentIndex).toBe(5);
    // 30 % of 10 buckets starts at 7.0: bucket 7 is entirely inside.
    expect(windowOf(planRecentWindow(ten, { recentFraction: 0.3 })).firstRecentIndex).toBe(7);
    // 35 % starts at 6.5: exactly half of bucket 6 is inside, so it counts.
    expect(windowOf(planRecentWindow(ten, { recentFraction: 0.35 })).firstRecentIndex).toBe(6);
    // 34 % starts at 6.6: less than half of bucket 6 is inside.
    expect(windowOf(planRecentWindow(ten, { recentFraction: 0.34 })).firstRecentIndex).toBe(7);
    expect(windowOf(planRecentWindow(ten, { recentFraction: 0.3 })).label).toBe('the last 30 % of the range');
  });

  it('falls back to a quarter for fractions outside (0, 1)', () => {
    for (const recentFraction of [0, 1, 2, -0.5, NaN, Infinity]) {
      expect(windowOf(planRecentWindow(eight, { recentFraction })).firstRecentIndex).toBe(6);
    }
  });

  it('uses a fixed duration ending at the last bucket end when recentMs is set (and it wins)', () => {
    const day = timelineOf(repeat(10, 24), {});
    const sixHours = windowOf(planRecentWindow(day, { recentMs: 6 * HOUR, recentFraction: 0.5 }));
    expect(sixHours.firstRecentIndex).toBe(18);
    expect(sixHours.windowStart).toBe(START + 18 * HOUR);
    expect(sixHours.label).toBe('the last 6 h');
    expect(sixHours.recentTotal).toBe(60);
    expect(sixHours.earlierTotal).toBe(180);
    expect(windowOf(planRecentWindow(day, { recentMs: 90 * 60_000 })).firstRecentIndex).toBe(22);
    expect(windowOf(planRecentWindow(day, { recentMs: 80 * 60_000 })).firstRecentIndex).toBe(23);
  });

  it('keeps at least the last bucket when the duration is shorter than a bucket', () => {
    const day = timelineOf(repeat(10, 24), {});
    const tiny = windowOf(planRecentWindow(day, { recentMs: 60_000 }));
    expect(tiny.firstRecentIndex).toBe(23);
    expect(tiny.label).toBe('the last 1 min');
  });

  it('ignores a non-positive or non-finite recentMs', () => {
    for (const recentMs of [0, -HOUR, NaN, Infinity]) {
      expect(windowOf(planRecentWindow(eight, { recentMs })).firstRecentIndex).toBe(6);
    }
  });

  it('infers the bucket duration from the median spacing', () => {
    // Five-minute buckets with one missing bucket; the last quarter of 40 minutes is the last 10 minutes.
    const fiveMin = 5 * 60_000;
    const times = [0, 1, 2, 3, 5, 6, 7].map((i) => START + i * fiveMin);
    const timeline = { times, totals: repeat(1, 7), byCode: {} };
    const window = windowOf(planRecentWindow(timeline));
    expect(window.bucketMs).toBe(fiveMin);
    expect(window.windowStart).toBe(START + 6 * fiveMin);
    expect(window.firstRecentIndex).toBe(5);
  });

  it('reports why the rise cannot be checked', () => {
    expect(planRecentWindow(undefined)).toEqual({ ok: false, problem: 'no-timeline' });
    expect(planRecentWindow({ times: [], totals: [], byCode: {} })).toEqual({ ok: false, problem: 'no-timeline' });
    expect(planRecentWindow(timelineOf([5], {}))).toEqual({ ok: false, problem: 'single-bucket' });
    expect(planRecentWindow({ times: [2, 1], totals: [1, 1], byCode: {} })).toEqual({
      ok: false,
      problem: 'unordered-times',
    });
    expect(planRecentWindow({ times: [1, NaN], totals: [1, 1], byCode: {} })).toEqual({
      ok: false,
      problem: 'unordered-times',
    });
    for (const times of [
      [NaN, 1],
      [1, Infinity],
      [1, 1],
      [1, '2'],
      ['1', 2],
    ]) {
      const timeline = { times, totals: [1, 1], byCode: {} } as unknown as Timeline;
      expect(planRecentWindow(timeline)).toEqual({ ok: false, problem: 'unordered-times' });
    }
    expect(planRecentWindow(eight, { recentMs: 8 * HOUR })).toEqual({ ok: false, problem: 'no-earlier-part' });
  });

  it('sums typed series when totals are missing', () => {
    const timeline = {
      times: [0, 1, 2, 3].map((i) => START + i * HOUR),
      byCode: { 200: Float64Array.from([10, 10, 10, 10]), 503: Uint16Array.from([0, 1, 2, 5]) },
    } as unknown as Timeline;
    const window = windowOf(planRecentWindow(timeline));
    expect([window.earlierTotal, window.recentTotal]).toEqual([33, 15]);
  });

  it('sums the final codes when totals are missing or too short, skipping invalid values', () => {
    const timeline = {
      times: [0, 1, 2, 3].map((i) => START + i * HOUR),
      totals: [1],
      byCode: { 200: [10, 10, 10, 10], 503: [0, 1, NaN, 5], 180: [100, 100, 100, 100], 999: [7, 7, 7, 7] },
    };
    const window = windowOf(planRecentWindow(timeline));
    expect(window.recentTotal).toBe(15);
    expect(window.earlierTotal).toBe(31);
  });
});

describe('riseStats', () => {
  const timeline = timelineOf(repeat(1000, 4), { 503: [3, 2, 30, 30] });
  const window = windowOf(planRecentWindow(timeline, { recentFraction: 0.5 }));

  it('splits the code counts at the window', () => {
    expect(riseStats(timeline.byCode[503], window)).toEqual({
      recentCount: 60,
      recentTotal: 2000,
      earlierCount: 5,
      earlierTotal: 2000,
      factor: 12,
      z: expect.closeTo(twoProportionZ(60, 2000, 5, 2000), 12),
      windowStart: START + 2 * HOUR,
    });
  });

  it('reads typed arrays like plain ones', () => {
    const typed = {
      times: Float64Array.from(timeline.times),
      totals: Float64Array.from(timeline.totals),
      byCode: {},
    } as unknown as Timeline;
    const typedWindow = windowOf(planRecentWindow(typed, { recentFraction: 0.5 }));
    expect(typedWindow).toEqual(window);
    expect(riseStats(Int32Array.from([3, 2, 30, 30]), typedWindow)).toEqual(riseStats(timeline.byCode[503], window));
    expect(riseStats(new DataView(new ArrayBuffer(8)), window)).toMatchObject({ recentCount: 0, earlierCount: 0 });
  });

  it('reads a missing or malformed series as no calls', () => {
    for (const series of [undefined, null, 'abc', {}]) {
      const stats = riseStats(series, window);
      expect(stats).toMatchObject({ recentCount: 0, earlierCount: 0, factor: 0, z: 0 });
    }
  });

  it('skips NaN, negative and infinite bucket values and tolerates a short series', () => {
    const stats = riseStats([NaN, -4, Infinity], window);
    expect(stats).toMatchObject({ recentCount: 0, earlierCount: 0 });
    expect(riseStats([1, 2, 3], window)).toMatchObject({ recentCount: 3, earlierCount: 3 });
  });

  it('raises totals that are below the code count to that count', () => {
    const broken = timelineOf([1, 1, 1, 1], { 503: [1, 1, 10, 10] });
    const stats = riseStats(broken.byCode[503], windowOf(planRecentWindow(broken, { recentFraction: 0.5 })));
    expect(stats.recentTotal).toBe(20);
    expect(stats.earlierTotal).toBe(2);
    expect(Number.isFinite(stats.z)).toBe(true);
  });
});

describe('riseFires', () => {
  const stats = {
    recentCount: 20,
    recentTotal: 1000,
    earlierCount: 10,
    earlierTotal: 1000,
    factor: 2,
    z: 2.5,
    windowStart: 0,
  };

  it('fires only when factor, count and z all reach their thresholds', () => {
    expect(riseFires(stats, { factor: 2, minCount: 20, minZ: 2.5 })).toBe(true);
    expect(riseFires(stats, { factor: 2.01, minCount: 20, minZ: 2.5 })).toBe(false);
    expect(riseFires(stats, { factor: 2, minCount: 21, minZ: 2.5 })).toBe(false);
    expect(riseFires(stats, { factor: 2, minCount: 20, minZ: 2.51 })).toBe(false);
  });

  it('never fires with an empty side or without recent calls', () => {
    const lax = { factor: 0, minCount: 0, minZ: -10 };
    expect(riseFires({ ...stats, earlierTotal: 0 }, lax)).toBe(false);
    expect(riseFires({ ...stats, recentTotal: 0 }, lax)).toBe(false);
    expect(riseFires({ ...stats, recentCount: 0 }, lax)).toBe(false);
  });
});

describe('riseMayFire', () => {
  it('never rules out a rise that riseFires would accept', () => {
    const window = windowOf(planRecentWindow(timelineOf(repeat(100, 4), {}), { recentFraction: 0.5 }));
    const count = fc.integer({ min: 0, max: 400 });
    const rule = fc.record({
      factor: fc.double({ min: 0, max: 10, noNaN: true }),
      minCount: fc.integer({ min: 0, max: 50 }),
      minZ: fc.double({ min: -5, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(count, count, rule, (earlier, recent, riseRule) => {
        if (riseFires(riseStatsFrom(earlier, recent, window), riseRule)) {
          expect(riseMayFire(earlier, recent, window, riseRule)).toBe(true);
        }
      })
    );
  });

  it('rules out flat codes and codes with too few recent calls', () => {
    const window = windowOf(planRecentWindow(timelineOf(repeat(1000, 4), {}), { recentFraction: 0.5 }));
    expect(riseMayFire(100, 100, window, RISE_RULE)).toBe(false);
    expect(riseMayFire(0, 9, window, RISE_RULE)).toBe(false);
    expect(riseMayFire(0, 10, window, RISE_RULE)).toBe(true);
  });
});

describe('isUsableRiseRule', () => {
  it('needs three finite numbers', () => {
    expect(isUsableRiseRule({ factor: 2, minCount: 10, minZ: 3 })).toBe(true);
    expect(isUsableRiseRule(null)).toBe(false);
    expect(isUsableRiseRule(undefined)).toBe(false);
    expect(isUsableRiseRule(false)).toBe(false);
    expect(isUsableRiseRule({ factor: NaN, minCount: 10, minZ: 3 })).toBe(false);
    expect(isUsableRiseRule({ factor: 2, minCount: 10 } as never)).toBe(false);
  });
});

describe('sumSplit', () => {
  const split = (values: ArrayLike<unknown>, at: number, end: number) => {
    const out = new Float64Array(4);
    sumSplit(values, at, end, out, 2);
    return [out[2], out[3]];
  };

  it('sums both sides of the split, up to the end or the length of the values', () => {
    expect(split([1, 2, 3, 4], 2, 4)).toEqual([3, 7]);
    expect(split([1, 2, 3, 4], 2, 3)).toEqual([3, 3]);
    expect(split([1, 2, 3], 5, 10)).toEqual([6, 0]);
    expect(split([1, 2, 3], 0, 10)).toEqual([0, 6]);
    expect(split(new Float64Array([1.5, 2.5]), 1, 2)).toEqual([1.5, 2.5]);
  });

  it('counts only positive finite numbers (numeric text included)', () => {
    expect(split([1, 'x', null, -1, NaN, undefined, {}, 2], 4, 8)).toEqual([1, 2]);
    expect(split([1, Infinity, 2, 3, Infinity, 4], 3, 6)).toEqual([3, 7]);
    expect(split(['5', '6'], 1, 2)).toEqual([5, 6]);
  });
});

describe('planRecencyWindow', () => {
  const MINUTE = 60_000;
  /** `n` one-minute buckets from START. */
  const minutes = (n: number) => timelineOf(repeat(10, n), {}, MINUTE);

  it('takes the last 15 minutes before the last bucket’s end by default', () => {
    const window = planRecencyWindow(minutes(60))!;
    expect(DEFAULT_RECENCY_MS).toBe(15 * MINUTE);
    expect(window).toEqual({ firstIndex: 45, bucketCount: 60, end: START + 60 * MINUTE, windowMs: 15 * MINUTE });
  });

  it('uses recencyMs, counting a bucket when at least half of it is inside', () => {
    expect(planRecencyWindow(minutes(60), { recencyMs: 5 * MINUTE })!.firstIndex).toBe(55);
    // 5.5 min back: exactly half of bucket 54 is inside.
    expect(planRecencyWindow(minutes(60), { recencyMs: 5.5 * MINUTE })!.firstIndex).toBe(54);
    expect(planRecencyWindow(minutes(60), { recencyMs: 5.4 * MINUTE })!.firstIndex).toBe(55);
    for (const recencyMs of [0, -5, NaN, Infinity]) {
      expect(planRecencyWindow(minutes(60), { recencyMs })!.firstIndex).toBe(45);
    }
  });

  it('measures from the range end when it is later than the data (raw rows stop at the latest row)', () => {
    // The data ends at START + 60 min; the range 20 minutes later: no bucket is within the last 15 minutes.
    const late = planRecencyWindow(minutes(60), { rangeEnd: START + 80 * MINUTE })!;
    expect(late).toMatchObject({ firstIndex: 60, end: START + 80 * MINUTE, windowMs: 15 * MINUTE });
    // 10 minutes later: the last 5 buckets are.
    expect(planRecencyWindow(minutes(60), { rangeEnd: START + 70 * MINUTE })!.firstIndex).toBe(55);
    // A range end inside the last bucket (a date histogram) changes nothing.
    expect(planRecencyWindow(minutes(60), { rangeEnd: START + 59.5 * MINUTE })).toEqual(planRecencyWindow(minutes(60)));
  });

  it('measures the last bucket whole when buckets are coarser than the window, and says so', () => {
    const hours = timelineOf(repeat(10, 6), {}, HOUR);
    expect(planRecencyWindow(hours)).toEqual({ firstIndex: 5, bucketCount: 6, end: START + 6 * HOUR, windowMs: HOUR });
    // The last hourly bucket ended 20 minutes before the range end: nothing is recent.
    expect(planRecencyWindow(hours, { rangeEnd: START + 6 * HOUR + 20 * MINUTE })!.firstIndex).toBe(6);
  });

  it('has no window without usable ascending times', () => {
    expect(planRecencyWindow(undefined)).toBeUndefined();
    expect(planRecencyWindow({ times: [], totals: [], byCode: {} })).toBeUndefined();
    expect(planRecencyWindow({ times: [3, 2, 1], totals: [], byCode: {} })).toBeUndefined();
    expect(planRecencyWindow({ times: 'x', totals: [], byCode: {} } as unknown as Timeline)).toBeUndefined();
  });

  it('takes a single bucket as an instant', () => {
    const single = timelineOf([10], {}, MINUTE);
    expect(planRecencyWindow(single)!.firstIndex).toBe(0);
    expect(planRecencyWindow(single, { rangeEnd: START + 10 * MINUTE })!.firstIndex).toBe(0);
    expect(planRecencyWindow(single, { rangeEnd: START + 16 * MINUTE })!.firstIndex).toBe(1);
  });
});

describe('codeRecency', () => {
  const times = [0, 1, 2, 3, 4, 5].map((i) => START + i * HOUR);
  const window = { firstIndex: 4, bucketCount: 6, end: START + 6 * HOUR, windowMs: 2 * HOUR };

  it('finds the first and latest bucket with calls and sums the calls in the window', () => {
    expect(codeRecency([0, 2, 0, 5, 1, 0], times, window)).toEqual({
      firstSeen: START + HOUR,
      lastSeen: START + 4 * HOUR,
      recentCalls: 1,
    });
    expect(codeRecency([3, 0, 0, 0, 0, 0], times, window)).toEqual({
      firstSeen: START,
      lastSeen: START,
      recentCalls: 0,
    });
  });

  it('reads junk cells as no calls and numeric text as calls, as the rise rule does', () => {
    expect(codeRecency([NaN, -1, null, Infinity, '2', 0], times, window)).toEqual({
      recentCalls: 2,
      firstSeen: START + 4 * HOUR,
      lastSeen: START + 4 * HOUR,
    });
    expect(codeRecency(undefined, times, window)).toEqual({ recentCalls: 0 });
    expect(codeRecency({ length: 3 }, times, window)).toEqual({ recentCalls: 0 });
  });
});
