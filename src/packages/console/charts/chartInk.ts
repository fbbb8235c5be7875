import type { ColorScheme } from '../../../hooks/useColorScheme';

/** The console card's background per theme (app.scss --surface), which the charts are drawn on. */
export const CARD_SURFACE: Record<ColorScheme, string> = { light: '#ffffff', dark: '#1e1e1e' };

/**
 * Axis labels, legend names and grid lines per theme: F2's default grey (#808080) is under 4.5:1 on
 * both the white card and the dark one. The text colours are app.scss's --text-2.
 */
export const CHART_INK: Record<ColorScheme, { text: string; grid: string }> = {
  light: { text: '#595959', grid: '#e0e0e0' },
  dark: { text: '#b0b0b0', grid: '#3a3a3a' },
};
