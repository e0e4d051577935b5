/** Deeply readonly view of a value. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** Freeze an object and everything reachable from it; returns the same object. */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value as DeepReadonly<T>;
}

/**
 * Freeze an exported constant all the way down and keep its declared type (a tuple or an `as const`
 * object stays as precise as it was), so that `PROGRESS_STATES.reverse()` throws instead of
 * reordering every later report.
 */
export function frozen<T>(value: T): T {
  deepFreeze(value);
  return value;
}
