/**
 * A caller's callback (a progress report, a warning handler), guarded: whether it throws or returns
 * a promise that rejects, the failure is kept and reported by `check()` as a {@link CpiGapError} of
 * the run, never left as an unhandled rejection that would end the host process.
 */
import { CpiGapError, describeValue } from '../errors.js';

/** A guarded callback: `call` it as the callback, `check()` to throw its first failure. */
export interface GuardedCallback<A extends unknown[]> {
  readonly call: (...args: A) => void;
  readonly check: () => void;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';

/** Guard `callback`, an option of `fn` found at `path` (`['options', 'onProgress']`). */
export function guardCallback<A extends unknown[]>(fn: string, path: readonly (string | number)[], callback: (...args: A) => unknown): GuardedCallback<A> {
  let failure: { readonly error: unknown; readonly how: string } | null = null;
  const record = (error: unknown, how: string) => {
    failure ??= { error, how };
  };
  return {
    call: (...args) => {
      if (failure !== null) return;
      try {
        const result = callback(...args);
        if (isThenable(result)) Promise.resolve(result).catch((error: unknown) => { record(error, 'returned a promise that rejected'); });
      } catch (error) {
        record(error, 'threw');
      }
    },
    check: () => {
      if (failure === null) return;
      const reason = failure.error instanceof Error ? failure.error.message : describeValue(failure.error);
      throw new CpiGapError(fn, [{ path: [...path], message: `the callback ${failure.how}: ${reason}`, code: 'callback_failed' }], { cause: failure.error });
    },
  };
}
