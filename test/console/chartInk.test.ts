import { CARD_SURFACE, CHART_INK } from '../../src/packages/console/charts/chartInk';
import { billingChart, latencyChart, outcomesChart } from '../../src/packages/console/charts/chartSpecs';
import { OTHER_COLOR, STATUS_COLORS } from '../../src/packages/console/labels';
import { busyWeek } from './statsFixtures';

// WCAG 2.1 relative luminance and contrast ratio of two #rrggbb colours.
const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('the console charts’ ink', () => {
  test.each(['light', 'dark'] as const)('reaches 4.5:1 for axis labels and legend names on the %s card', (scheme) => {
    expect(contrast(CHART_INK[scheme].text, CARD_SURFACE[scheme])).toBeGreaterThanOrEqual(4.5);
  });

  test('is F2’s default grey in neither theme, which is under 4.5:1 on both cards', () => {
    expect(contrast('#808080', CARD_SURFACE.light)).toBeLessThan(4.5);
    expect(contrast('#808080', CARD_SURFACE.dark)).toBeLessThan(4.5);
  });

  // Every series any chart can draw: each status, 其他, billed, maybe billed, cached, p50 and p95.
  const seriesColors = [...new Set([
    ...Object.values(STATUS_COLORS), OTHER_COLOR,
    ...[billingChart, latencyChart, outcomesChart].flatMap((chart) => chart(busyWeek()).series.map((s) => s.color)),
  ])];

  test.each(['light', 'dark'] as const)('draws every series at 3:1 or more on the %s card, as WCAG 1.4.11 asks of graphics', (scheme) => {
    expect(seriesColors.filter((color) => contrast(color, CARD_SURFACE[scheme]) < 3)).toEqual([]);
  });

  test('does not draw WeChat’s own green, yellow or orange, which are under 3:1 on the light card', () => {
    for (const color of ['#07c160', '#ffc300', '#ff8f1f', '#fa9d3b', '#10aeff']) {
      expect(contrast(color, CARD_SURFACE.light)).toBeLessThan(3);
      expect(seriesColors).not.toContain(color);
    }
  });
});
