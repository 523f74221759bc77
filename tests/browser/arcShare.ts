/**
 * How much of the circle a drawn slice takes, read back from its SVG path alone (the chart's viewBox is centred on
 * 0,0): the path is sampled along its lines and circular arcs, the angle of each sample around the centre is
 * unwrapped along the way, and the slice's angle is the spread of those angles. Works for donut and pie slices, with or
 * without rounded corners and pad angles, for slices larger than half the circle and for a whole ring.
 */

interface Point {
  x: number;
  y: number;
}

const TOKEN = /[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;
/** Samples closer than this to the centre say nothing about the angle (a pie slice's tip). */
const CENTRE_EPSILON = 1e-6;
const SAMPLES_PER_SEGMENT = 64;

/** The points along one circular SVG arc (endpoint form, F.6.5 of the SVG spec), `from` excluded. */
function arcPoints(from: Point, args: number[]): Point[] {
  const [rx, ry, rotation, largeArc, sweep, x, y] = args;
  if (Math.abs(rx - ry) > 1e-6 * Math.max(1, rx) || Math.abs(rotation) > 1e-9) {
    throw new Error(`only circular, unrotated arcs are supported (rx ${rx}, ry ${ry}, rotation ${rotation})`);
  }
  const to = { x, y };
  const chord = Math.hypot(to.x - from.x, to.y - from.y);
  if (rx === 0 || chord === 0) {
    return [to];
  }
  const r = Math.max(rx, chord / 2); // the spec scales a too-small radius up
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const offset = Math.sqrt(Math.max(0, r * r - (chord / 2) ** 2));
  // The centre lies on the chord's perpendicular bisector, on the side the flags pick.
  const sign = largeArc === sweep ? -1 : 1;
  const centre = {
    x: mid.x + (sign * offset * -(to.y - from.y)) / chord,
    y: mid.y + (sign * offset * (to.x - from.x)) / chord,
  };
  const start = Math.atan2(from.y - centre.y, from.x - centre.x);
  let delta = Math.atan2(to.y - centre.y, to.x - centre.x) - start;
  // sweep 1 = positive angle direction (clockwise on screen, since y points down).
  if (sweep === 1 && delta < 0) {
    delta += 2 * Math.PI;
  } else if (sweep === 0 && delta > 0) {
    delta -= 2 * Math.PI;
  }
  const points: Point[] = [];
  for (let i = 1; i <= SAMPLES_PER_SEGMENT; i++) {
    const angle = start + (delta * i) / SAMPLES_PER_SEGMENT;
    points.push({ x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) });
  }
  points[points.length - 1] = to;
  return points;
}

function linePoints(from: Point, to: Point): Point[] {
  return Array.from({ length: SAMPLES_PER_SEGMENT }, (_, i) => ({
    x: from.x + ((to.x - from.x) * (i + 1)) / SAMPLES_PER_SEGMENT,
    y: from.y + ((to.y - from.y) * (i + 1)) / SAMPLES_PER_SEGMENT,
  }));
}

/**
 * The outline of a path as sub-paths of sampled points. Supports the absolute commands d3-shape's arcs use
 * (M, L, A, Z) and throws on anything else, so an unexpected drawing fails loudly instead of measuring wrong.
 */
export function samplePath(d: string): Point[][] {
  const tokens = d.match(TOKEN) ?? [];
  const paths: Point[][] = [];
  let current: Point = { x: 0, y: 0 };
  let start: Point = current;
  let points: Point[] = [];
  let command = '';
  let i = 0;
  const numbers = (count: number) => {
    const values = tokens.slice(i, i + count).map(Number);
    if (values.length < count || values.some((value) => !Number.isFinite(value))) {
      throw new Error(`bad arguments for ${command} in path "${d}"`);
    }
    i += count;
    return values;
  };
  while (i < tokens.length) {
    if (/[a-zA-Z]/.test(tokens[i])) {
      command = tokens[i++];
    } else if (command === '') {
      throw new Error(`path "${d}" does not start with a command`);
    }
    switch (command) {
      case 'M': {
        const [x, y] = numbers(2);
        if (points.length > 0) {
          paths.push(points);
        }
        current = start = { x, y };
        points = [current];
        command = 'L'; // further pairs after M are lines
        break;
      }
      case 'L': {
        const [x, y] = numbers(2);
        points.push(...linePoints(current, { x, y }));
        current = { x, y };
        break;
      }
      case 'A': {
        const args = numbers(7);
        points.push(...arcPoints(current, args));
        current = { x: args[5], y: args[6] };
        break;
      }
      case 'Z':
      case 'z':
        points.push(...linePoints(current, start));
        current = start;
        command = '';
        break;
      default:
        throw new Error(`unsupported path command "${command}" in "${d}"`);
    }
  }
  if (points.length > 0) {
    paths.push(points);
  }
  return paths;
}

/** The angle a slice's outline spans around the centre 0,0, in radians (at most 2π). */
export function sliceAngle(d: string): number {
  let min = Infinity;
  let max = -Infinity;
  let first: number | undefined;
  let previous: number | undefined;
  for (const points of samplePath(d)) {
    // A new sub-path (a ring's inner circle), or a step across the centre (a pie's tip): continue from the first
    // angle seen, the only reference that does not depend on the way round.
    previous = undefined;
    for (const point of points) {
      if (Math.hypot(point.x, point.y) < CENTRE_EPSILON) {
        previous = undefined;
        continue;
      }
      const raw = Math.atan2(point.y, point.x);
      const reference: number = previous ?? first ?? raw;
      const angle: number = raw + 2 * Math.PI * Math.round((reference - raw) / (2 * Math.PI));
      first = first ?? angle;
      previous = angle;
      min = Math.min(min, angle);
      max = Math.max(max, angle);
    }
  }
  return Number.isFinite(min) ? Math.min(2 * Math.PI, max - min) : 0;
}

/** The slice's drawn share of the circle, in percent. */
export function drawnSharePercent(d: string): number {
  return (sliceAngle(d) / (2 * Math.PI)) * 100;
}
