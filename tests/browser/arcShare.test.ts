/**
 * The slice-angle reader of the size tests, against paths drawn by d3-shape (the chart's own arc library) whose
 * angles are known: donut and pie, rounded corners, pad angles, tiny, half, large and whole slices.
 */
import { arc as d3Arc, pie as d3Pie } from 'd3-shape';
import { drawnSharePercent, samplePath, sliceAngle } from './arcShare';

interface Variant {
  name: string;
  inner: number;
  corner: number;
  pad: number;
}

const VARIANTS: Variant[] = [
  { name: 'donut with rounded corners and pads (the panel)', inner: 57.6, corner: 1.5, pad: 0.006 },
  { name: 'plain donut', inner: 57.6, corner: 0, pad: 0 },
  { name: 'pie', inner: 0, corner: 0, pad: 0 },
  { name: 'padded pie', inner: 0, corner: 0, pad: 0.006 },
];

const SHARES = [
  [90, 10],
  [0.8, 99.2],
  [50, 25, 25],
  [3, 30, 67],
  [99, 1],
];

describe.each(VARIANTS)('$name', ({ inner, corner, pad }) => {
  const drawArc = d3Arc<{ startAngle: number; endAngle: number; padAngle: number }>()
    .innerRadius(inner)
    .outerRadius(96)
    .cornerRadius(corner);

  test.each(SHARES)('shares %p', (...shares: number[]) => {
    const arcs = d3Pie<number>().sort(null).padAngle(pad)(shares);
    let sum = 0;
    const percent = (angle: number) => (angle / (2 * Math.PI)) * 100;
    arcs.forEach((arc, index) => {
      const measured = drawnSharePercent(drawArc(arc)!);
      sum += measured;
      // The arc's angle, less at most the pad the drawing leaves between slices; the pads aside, its share.
      expect(measured).toBeGreaterThan(percent(arc.endAngle - arc.startAngle - arc.padAngle) - 0.02);
      expect(measured).toBeLessThan(percent(arc.endAngle - arc.startAngle) + 0.02);
      expect(Math.abs(measured - shares[index])).toBeLessThan(0.5);
    });
    expect(sum).toBeGreaterThan(99);
    expect(sum).toBeLessThanOrEqual(100.05);
  });

  test('a slice that crosses 12 o’clock and the left horizontal is measured, not its complement', () => {
    for (const [start, end] of [
      [-0.4, 0.5],
      [Math.PI * 1.4, Math.PI * 1.6],
      [0.2, 0.2 + Math.PI * 1.8],
    ]) {
      const d = drawArc({ startAngle: start, endAngle: end, padAngle: 0 })!;
      expect(sliceAngle(d)).toBeCloseTo(end - start, 3);
    }
  });
});

test('a whole ring is the whole circle', () => {
  const d = d3Arc()({ innerRadius: 57.6, outerRadius: 96, startAngle: 0, endAngle: 2 * Math.PI })!;
  expect(drawnSharePercent(d)).toBeCloseTo(100, 5);
});

test('it measures angles, not lengths: the same share at another radius and centre offset reads the same', () => {
  const small = d3Arc()({ innerRadius: 10, outerRadius: 20, startAngle: 0, endAngle: Math.PI / 2 })!;
  expect(drawnSharePercent(small)).toBeCloseTo(25, 3);
});

test('paths it cannot read fail loudly', () => {
  expect(() => samplePath('M0,0C1,1,2,2,3,3')).toThrow(/unsupported/);
  expect(() => samplePath('M0,0A10,20,0,0,1,5,5')).toThrow(/circular/);
  expect(() => samplePath('10,10')).toThrow(/command/);
  expect(sliceAngle('')).toBe(0);
});
