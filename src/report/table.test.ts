import { describe, expect, it } from 'vitest';
import { fmt } from './table.js';

describe('fmt', () => {
  it('rounds to the decimals asked and never prints -0', () => {
    expect(fmt(14.5)).toBe('14.5');
    expect(fmt(18.333333333333332)).toBe('18.33');
    expect(fmt(-0.001)).toBe('0');
    expect(fmt(-0)).toBe('0');
    expect(fmt(-0.4, 0)).toBe('0');
  });
});
