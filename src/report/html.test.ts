import { describe, expect, it } from 'vitest';
import { gapReport } from './gapReport.js';
import { jupyterDisplay, toHTML } from './html.js';
import { thailand } from '../dataset/thailand.js';

const DISPLAY = Symbol.for('Jupyter.display');

describe('toHTML', () => {
  it('a list of records is one table: a column per field in the order first seen, numbers right-aligned, text escaped', () => {
    const html = toHTML([{ name: 'a<b', score: 35.123456 }, { name: 'x & y', score: 0.000123456, extra: true }]);
    expect(html).toBe(
      '<table class="cpi-gap"><thead><tr><th>name</th><th>score</th><th>extra</th></tr></thead><tbody>' +
        '<tr><td>a&lt;b</td><td style="text-align:right">35.123</td><td></td></tr>' +
        '<tr><td>x &amp; y</td><td style="text-align:right">0.0001235</td><td>true</td></tr></tbody></table>',
    );
  });

  it('a record: its plain fields, then a captioned table per list of records and per nested record', () => {
    const html = toHTML({ year: 2022, rows: [{ a: 1 }, { a: 2 }], inner: { b: 'x', deep: { c: { d: 1 } } }, hist: new Float64Array(101), short: [1, 2], list: [{ id: 'VDEM', n: 1 }] });
    expect(html).toContain('<tr><td>year</td><td style="text-align:right">2022</td></tr>');
    expect(html).toContain('<caption>rows</caption><thead><tr><th>a</th></tr></thead><tbody><tr><td style="text-align:right">1</td></tr><tr><td style="text-align:right">2</td></tr>');
    expect(html).toContain('<caption>inner</caption>');
    expect(html).toContain('<td>hist</td><td>101 values</td>');
    expect(html).toContain('<td>short</td><td>1, 2</td>');
    expect(html).toContain('<caption>list</caption>');
  });

  it('a gap report shows its sources, workstreams and CPI; long lists end with a count', () => {
    const html = toHTML(gapReport(thailand, { year: 2022 }));
    expect(html).toContain('<caption>sources</caption>');
    expect(html).toContain('<caption>workstreams</caption>');
    expect(html).toContain('<caption>cpi</caption>');
    // Thailand's 2022 CPI is 36 (TI 2022): the published score is in the CPI table.
    expect(html).toContain('<tr><td>published</td><td style="text-align:right">36</td></tr>');
    const long = toHTML(Array.from({ length: 503 }, (_, i) => ({ i })));
    expect(long).toContain('<tr><td colspan="1">... 3 more rows</td></tr>');
    expect(long.match(/<tr>/g)).toHaveLength(1 + 500 + 1);
  });

  it('stops at a depth: cyclic and deeply nested values give bounded text, never a stack overflow', () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(toHTML(cyclic)).toBe('<pre>1 values</pre>');
    const loop: Record<string, unknown> = { a: 1 };
    loop['self'] = loop;
    expect(toHTML([loop])).toContain('<td style="text-align:right">1</td>');
    expect(toHTML([{ deep: [[[{ a: { b: 1 } }]]] }])).toContain('<td>...</td>');
    expect(toHTML([{ deep: [[[[1]]]] }])).toContain('<td>1 values</td>');
    expect(toHTML([{ f: () => 1, s: Symbol('x'), b: 2n }])).toContain('<td>Symbol(x)</td>');
    expect(jupyterDisplay(cyclic)[DISPLAY]?.()['text/plain']).toBe('a value with a cycle (not JSON)');
    expect(jupyterDisplay(Symbol('s'))[DISPLAY]?.()['text/plain']).toBe('Symbol(s)');
  });

  it('a value that is no record is shown as escaped text', () => {
    expect(toHTML('<x>')).toBe('<pre>&lt;x&gt;</pre>');
    expect(toHTML(null)).toBe('<pre></pre>');
  });
});

describe('jupyterDisplay', () => {
  it("gives Deno's kernel an HTML table with JSON as plain text", () => {
    const bundle = jupyterDisplay([{ a: 1 }])[DISPLAY]?.();
    expect(bundle).toEqual({ 'text/html': toHTML([{ a: 1 }]), 'text/plain': '[\n  {\n    "a": 1\n  }\n]' });
  });

  it('an SVG as image/svg+xml; typed arrays and undefined without throwing', () => {
    expect(jupyterDisplay('<svg>ก</svg>')[DISPLAY]?.()).toEqual({ 'image/svg+xml': '<svg>ก</svg>', 'text/html': '<img alt="chart" src="data:image/svg+xml;charset=utf-8,%3Csvg%3E%E0%B8%81%3C%2Fsvg%3E">', 'text/plain': 'an SVG chart' });
    expect(jupyterDisplay({ h: new Float64Array([1, 2]) })[DISPLAY]?.()['text/plain']).toBe('{\n  "h": [\n    1,\n    2\n  ]\n}');
    expect(jupyterDisplay(undefined)[DISPLAY]?.()['text/plain']).toBe('undefined');
    expect(jupyterDisplay({ big: 1n })[DISPLAY]?.()['text/plain']).toContain('"1"');
    expect(jupyterDisplay({ s: 'x'.repeat(5000) })[DISPLAY]?.()['text/plain']).toMatch(/\.\.\.$/);
  });
});
