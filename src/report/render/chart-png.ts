import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT } from '../charts/theme.js';

/** Debian's fonts-dejavu-core puts the chart font here. */
const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';
const DEJAVU_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => join(DEJAVU_DIR, f));

/** Pixels per SVG unit: sharp on a high-density screen, a few hundred kB per chart. */
const PNG_ZOOM = 2;

export interface RenderedPng {
  readonly png: Buffer;
  /** False when the DejaVu files were missing and whatever fonts the system has were used instead. */
  readonly fontsFound: boolean;
}

/**
 * SVG -> PNG with resvg. The chart font is loaded from its files and the system's
 * fonts are not, so that a PNG depends only on the SVG and those files, not on
 * what else a machine has installed. Without the files (fonts-dejavu-core not
 * installed) the system's fonts stand in, and the caller is told.
 */
export function chartPng(svg: string): RenderedPng {
  const fontsFound = DEJAVU_FILES.every((f) => existsSync(f));
  const font = fontsFound
    ? { loadSystemFonts: false, fontFiles: DEJAVU_FILES, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT }
    : { loadSystemFonts: true };
  const resvg = new Resvg(svg, { font, fitTo: { mode: 'zoom', value: PNG_ZOOM }, background: 'white', logLevel: 'off' });
  return { png: resvg.render().asPng(), fontsFound };
}
