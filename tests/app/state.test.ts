import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, MAX_CUSTOM_PEERS, parseState, stateHash, type AppState } from '../../app/src/state.js';

/** The explorer's state in the URL's hash: a link reproduces the view; a hostile link falls back to defaults. */
describe('the CPI explorer state in the URL', () => {
  it('writes nothing for the defaults and reads them back', () => {
    expect(stateHash(DEFAULT_STATE)).toBe('');
    expect(parseState('')).toEqual(DEFAULT_STATE);
  });

  it('round-trips every field', () => {
    const s: AppState = {
      country: 'IDN',
      year: 2019,
      target: 40,
      rank: 80,
      locale: 'en',
      era: 'be',
      thaiDigits: true,
      peers: 'custom',
      custom: ['IDN', 'MYS'],
      uplifts: { WEF: 10, IMD: -2.5, EIU: 17.387897777777773 },
      levers: { 2: 4 },
      bound: 7,
      horizon: 5,
      solved: 'bounded',
      rollup: 'agency',
    };
    const hash = stateHash(s);
    expect(hash).toBe('#c=IDN&y=2019&t=40&r=80&lang=en&era=be&digits=th&group=custom&peers=IDN,MYS&u=WEF:10,IMD:-2.5,EIU:17.387897777777773&l=2:4&b=7&h=5&solved=bounded&by=agency');
    expect(parseState(hash)).toEqual(s);
  });

  it('keeps the default for every bad value, and cuts long lists', () => {
    const bad = parseState('#c=thailand&y=1999&t=101&r=0&lang=fr&era=xx&group=world&peers=<script>&u=WEF:abc,XYZ:5,IMD:1e999,PERC:200&l=0:5,x:1&b=0&h=99&solved=magic&by=everything');
    expect(bad).toEqual({ ...DEFAULT_STATE, uplifts: {}, levers: {} });
    const many = Array.from({ length: 500 }, () => 'VNM').join(',');
    expect(parseState(`#peers=${many}`).custom).toHaveLength(MAX_CUSTOM_PEERS);
    const pairs = Array.from({ length: 500 }, (_, i) => `${i + 1}:1`).join(',');
    expect(Object.keys(parseState(`#l=${pairs}`).levers)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20']);
  });
});
