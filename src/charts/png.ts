/**
 * A chart's PNG: its standalone SVG drawn at twice its size (sharp in a committee paper),
 * on white, with Liberation Sans (Arial's metrics) where installed, else the system's fonts.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export const PNG_ZOOM = 2;

const FONT_FILES = ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'].filter((f) =>
  existsSync(f),
);

export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
    font: { fontFiles: FONT_FILES, loadSystemFonts: FONT_FILES.length === 0, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
