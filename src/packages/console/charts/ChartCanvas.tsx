// One chart's canvas: canvas type="2d" in weapp, a plain DOM canvas in h5; redrawn when the spec changes.
import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import { useColorScheme } from '../../../hooks/useColorScheme';
import { drawChart, type Surface } from './drawChart';
import type { ChartSpec } from './chartSpecs';

interface Props {
  spec: ChartSpec;
}

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(id: number): void;
}

/** weapp: the page's canvas node, sized for the screen's pixel ratio. */
function weappSurface(id: string): Promise<Surface | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode; width: number; height: number }[]) => {
        const found = res[0];
        if (!found?.node) return resolve(null);
        const { node, width, height } = found;
        const pixelRatio = Taro.getWindowInfo().pixelRatio;
        node.width = width * pixelRatio;
        node.height = height * pixelRatio;
        resolve({
          context: node.getContext('2d'),
          width,
          height,
          pixelRatio,
          // F2 only measures text on it (getContext); Taro's type lacks the DOM event methods F2's type lists.
          offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d' }) as unknown as Surface['offscreenCanvas'],
          requestAnimationFrame: (callback) => node.requestAnimationFrame(callback),
          cancelAnimationFrame: (frame) => node.cancelAnimationFrame(frame),
        });
      });
  });
}

/** h5: the DOM canvas, sized for the screen's pixel ratio. */
function h5Surface(canvas: HTMLCanvasElement): Surface | null {
  const { width, height } = canvas.getBoundingClientRect();
  const context = canvas.getContext('2d');
  if (!context || !width) return null;
  const pixelRatio = window.devicePixelRatio || 1;
  canvas.width = width * pixelRatio;
  canvas.height = height * pixelRatio;
  return { context, width, height, pixelRatio };
}

export function ChartCanvas({ spec }: Props) {
  const domCanvas = useRef<HTMLCanvasElement>(null);
  // Redrawn in the other theme's ink when the system switches.
  const scheme = useColorScheme();

  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let active = true;
    const draw = (surface: Surface | null) => {
      if (active && surface) chart = drawChart(surface, spec, scheme);
    };
    if (process.env.TARO_ENV === 'h5') {
      if (domCanvas.current) draw(h5Surface(domCanvas.current));
    } else {
      // The canvas node exists once this render has reached the page.
      Taro.nextTick(() => void weappSurface(spec.id).then(draw));
    }
    return () => {
      active = false;
      chart?.destroy();
    };
  }, [spec, scheme]);

  // A conditional expression, so that webpack drops the other platform's branch and its imports
  // (Taro's h5 Canvas component would otherwise be bundled into every h5 page).
  return process.env.TARO_ENV === 'h5' ? (
    <canvas id={spec.id} ref={domCanvas} className="chart-canvas" />
  ) : (
    <Canvas id={spec.id} type="2d" className="chart-canvas" />
  );
}
