import { CpiGapError } from '../../src/errors.js';

/** The CpiGapError `f` throws (fails the test when it throws nothing or something else). */
export function caught(f: () => unknown): CpiGapError {
  try {
    f();
  } catch (e) {
    if (e instanceof CpiGapError) return e;
    throw e;
  }
  throw new Error('expected a CpiGapError');
}

/** The CpiGapError a promise rejects with (fails the test when it resolves or rejects with something else). */
export async function rejected(p: Promise<unknown>): Promise<CpiGapError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CpiGapError) return e;
    throw e;
  }
  throw new Error('expected a CpiGapError');
}
