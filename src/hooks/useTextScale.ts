import { useState } from 'react';
import Taro from '@tarojs/taro';

// WeChat's standard font size; 关怀模式 and the larger settings go up to about twice that.
const STANDARD_FONT_PX = 17;
const MAX_SCALE = 2;

interface FontInfo {
  fontSizeScaleFactor?: number;
  fontSizeSetting?: number;
}

/**
 * How much larger than the design the person wants text, from WeChat's font size setting (关怀模式
 * included): `fontSizeScaleFactor`, else `fontSizeSetting` over the standard 17 px. Never below 1,
 * at most 2.
 */
export function textScaleOf(info: FontInfo | undefined): number {
  const factor = info?.fontSizeScaleFactor ?? (info?.fontSizeSetting ? info.fontSizeSetting / STANDARD_FONT_PX : 1);
  if (!Number.isFinite(factor)) return 1;
  return Math.round(Math.min(MAX_SCALE, Math.max(1, factor)) * 100) / 100;
}

/**
 * The page root's style that scales every font size in app.scss (`--text-scale`). weapp only: in a
 * browser text zoom already scales the rem-based sizes, so h5 needs no style.
 */
export function useTextScale(): string | undefined {
  const [style] = useState(() => {
    if (process.env.TARO_ENV === 'h5') return undefined;
    const info = Taro.getAppBaseInfo?.() as FontInfo | undefined;
    return `--text-scale: ${textScaleOf(info)};`;
  });
  return style;
}
