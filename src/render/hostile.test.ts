import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loader as vegaLoader } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { RENDER_LIMITS, toPng, toSvg } from './index.js';

const quiet = { onWarning: () => undefined };

async function rejection(run: Promise<unknown>): Promise<CpiGapError> {
  const error = await run.then(() => null, (e: unknown) => e);
  if (!(error instanceof CpiGapError)) throw new Error(`expected a CpiGapError, got ${String(error)}`);
  return error;
}

/** A spec that draws the lines of a file or URL as text. */
const readsUrl = (url: string): TopLevelSpec => ({ data: { url, format: { type: 'dsv', delimiter: ':' } }, mark: 'text', encoding: { y: { field: 'a', type: 'nominal' }, text: { field: 'a' } } });

describe('the renderers load nothing by URL unless given a loader', () => {
  it('refuses data.url file:///etc/passwd: a CpiGapError, nothing of the file in any output', async () => {
    for (const render of [toSvg, toPng] as const) {
      const e = await rejection(render(readsUrl('file:///etc/passwd'), quiet));
      expect(e.issues[0]).toMatchObject({ path: ['spec'], code: 'load_refused', value: 'file:///etc/passwd' });
      expect(e.message).toMatch(/the spec asks to load "file:\/\/\/etc\/passwd": nothing is loaded by URL unless options\.loader is given/);
    }
  });

  it('makes no request for an http:// URL: a local server sees no hit', async () => {
    let hits = 0;
    const server = createServer((_, res) => {
      hits += 1;
      res.end('a\nleaked\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data.csv`;
      const e = await rejection(toSvg({ ...readsUrl(url), data: { url } }, quiet));
      expect(e.issues[0]?.code).toBe('load_refused');
      // The same spec with vega's own loader, given on purpose, does load (the server is reached).
      const svg = await toSvg({ ...readsUrl(url), data: { url, format: { type: 'csv' } } }, { ...quiet, loader: vegaLoader() });
      expect(svg).toContain('leaked');
    } finally {
      server.close();
    }
    expect(hits).toBe(1);
  });

  it('refuses an image mark URL too, and draws from a caller loader that serves data itself', async () => {
    const image = { data: { values: [{ u: 'file:///usr/share/pixmaps/debian-logo.png' }] }, mark: 'image', encoding: { url: { field: 'u' }, x: { value: 1 }, y: { value: 1 } } } as TopLevelSpec;
    expect((await rejection(toSvg(image, quiet))).issues[0]?.code).toBe('load_refused');
    const dir = mkdtempSync(join(tmpdir(), 'cpi-gap-loader-'));
    writeFileSync(join(dir, 'd.csv'), 'a\nfrom-the-loader\n');
    const own = { ...vegaLoader(), load: () => Promise.resolve('a\nfrom-the-loader\n'), sanitize: (uri: string) => Promise.resolve({ href: uri }) };
    expect(await toSvg({ ...readsUrl('d.csv'), data: { url: 'd.csv', format: { type: 'csv' } } }, { ...quiet, loader: own })).toContain('from-the-loader');
    expect((await rejection(toSvg(readsUrl('x'), { loader: { load: 1 } as never }))).issues[0]?.path).toEqual(['options', 'loader']);
  });
});

describe('the renderers bound the drawing: width x height x scale^2', () => {
  const big: TopLevelSpec = { width: 4000, height: 4000, data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } };

  it('refuses a 4000 x 4000 PNG at scale 10 before rasterising it (1.6 billion pixels)', async () => {
    const e = await rejection(toPng(big, { ...quiet, scale: 10 }));
    expect(e.issues[0]).toMatchObject({ path: ['options', 'scale'], code: 'too_large', value: 10 });
    expect(e.message).toMatch(/^toPng: options\.scale: the drawing would be \d+ x \d+ at scale 10, \d+ million pixels; at most 100 million are drawn/);
  });

  it('refuses an SVG past the bound, and draws one within it', async () => {
    const side = Math.ceil(Math.sqrt(RENDER_LIMITS.pixels)) + 100;
    const e = await rejection(toSvg({ ...big, width: side, height: side }, quiet));
    expect(e.issues[0]).toMatchObject({ path: ['spec'], code: 'too_large' });
    expect((await toSvg(big, quiet)).startsWith('<svg')).toBe(true);
  });
});

describe('a warning handler that fails', () => {
  // vega-lite warns: "angle dropped as it is incompatible with "bar"".
  const warns = { data: { values: [{ x: 1 }] }, mark: 'bar', encoding: { x: { field: 'x', type: 'quantitative' }, angle: { value: 5 } } } as TopLevelSpec;

  it('throwing or rejecting: a CpiGapError of the render, never an unhandled rejection', async () => {
    const boom = new Error('handler broke');
    const thrown = await rejection(toSvg(warns, { onWarning: () => { throw boom; } }));
    expect(thrown.issues[0]).toEqual({ path: ['options', 'onWarning'], message: 'the callback threw: handler broke', code: 'callback_failed' });
    const rejected = await rejection(toPng(warns, { onWarning: () => Promise.reject(boom) }));
    expect(rejected.issues[0]?.message).toBe('the callback returned a promise that rejected: handler broke');
    expect(rejected.cause).toBe(boom);
  });
});
