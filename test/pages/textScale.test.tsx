// WeChat's font size setting (关怀模式 included) → the --text-scale that app.scss multiplies font sizes by.
import { textScaleOf } from '../../src/hooks/useTextScale';

test.each([
  ['the scale factor WeChat reports', { fontSizeScaleFactor: 1.4 }, 1.4],
  ['the font size over the standard 17 px when there is no factor', { fontSizeSetting: 25.5 }, 1.5],
  ['the factor rather than the font size when both are given', { fontSizeScaleFactor: 1.2, fontSizeSetting: 30 }, 1.2],
  ['the standard size', { fontSizeSetting: 17 }, 1],
  ['no information (an older base library)', undefined, 1],
  ['a setting smaller than standard: never below the design', { fontSizeScaleFactor: 0.85 }, 1],
  ['关怀模式 beyond twice the size: at most 2', { fontSizeSetting: 40 }, 2],
  ['a nonsense factor', { fontSizeScaleFactor: Number.NaN }, 1],
])('takes %s', (_what, info, scale) => {
  expect(textScaleOf(info)).toBe(scale);
});
