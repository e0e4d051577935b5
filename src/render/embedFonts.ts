import type { FontFace } from './fonts.js';

/** An `@font-face` rule carrying the font file as a base64 data URL. */
function fontFaceRule(face: FontFace): string {
  const family = face.family.replace(/["\\]/g, '');
  return `@font-face{font-family:"${family}";font-weight:${face.weight};font-style:${face.italic ? 'italic' : 'normal'};src:url(data:font/ttf;base64,${face.data.toString('base64')}) format("truetype");}`;
}

/**
 * The SVG with the faces it draws with embedded in a `<style>` element (`@font-face`, base64), so it
 * shows the same text in any browser, whatever fonts the reader's machine has. Faces are embedded
 * once each, in the order given.
 */
export function embedFonts(svg: string, faces: readonly FontFace[]): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (open === null || faces.length === 0) return svg;
  const style = `<defs><style>${[...new Set(faces)].map(fontFaceRule).join('')}</style></defs>`;
  return `${open[0]}${style}${svg.slice(open[0].length)}`;
}
