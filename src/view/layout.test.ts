import { MAX_SCALE, panelLayout } from './layout';

describe('panelLayout', () => {
  it.each([
    [400, 250, 'tiny', false, 'list'],
    [600, 300, 'small', true, 'compact'],
    [800, 400, 'small', true, 'compact'],
    [1000, 500, 'medium', true, 'compact'],
    [1200, 500, 'large', true, 'full'],
  ] as const)('%i×%i is %s (chart %s, legend %s)', (width, height, sizeClass, showChart, legend) => {
    const layout = panelLayout(width, height, 'fixed');
    expect(layout).toMatchObject({ sizeClass, showChart, legend, scale: 1, width, height });
  });

  it('scales text and marks up on a wallboard when text size is auto, and lays out the scaled-down box', () => {
    const layout = panelLayout(1800, 900, 'auto');
    expect(layout.scale).toBe(1.5);
    expect(layout).toMatchObject({ width: 1200, height: 600, sizeClass: 'large' });
    expect(panelLayout(1800, 900, 'fixed').scale).toBe(1);
    expect(panelLayout(400, 250, 'auto').scale).toBe(1);
    expect(panelLayout(10_000, 10_000, 'auto').scale).toBe(MAX_SCALE);
  });

  it('puts the chart above the legend on tall, narrow panels', () => {
    const layout = panelLayout(360, 640, 'auto');
    expect(layout).toMatchObject({ direction: 'column', showChart: true });
    expect(layout.chartSize).toBeLessThanOrEqual(360);
    expect(panelLayout(800, 400, 'auto').direction).toBe('row');
  });

  it('survives sizes that are not numbers', () => {
    expect(panelLayout(NaN, -5, 'auto')).toMatchObject({ sizeClass: 'large', scale: 1 });
  });
});
