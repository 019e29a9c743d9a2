/**
 * One place where a Glossa feature's failure is caught and logged (Refined GitHub's `runFeature`):
 * a failing feature never throws into the page, nor takes the other features down with it.
 */

/** Errors as text first: a log read from outside the extension shows the message, not "JSHandle". */
export function describeError(value: unknown): unknown {
  return value instanceof Error ? `${value.name}: ${value.message}\n${value.stack ?? ''}` : value;
}

export const logFailure = (...args: unknown[]) =>
  console.warn('[glossa]', ...args.map(describeError));

/** Run one feature; a failure is logged as "`what` failed" and `fallback` returned instead. */
export function runFeature<T>(what: string, run: () => T, fallback: T): T;
export function runFeature(what: string, run: () => void): void;
export function runFeature<T>(what: string, run: () => T, fallback?: T): T | undefined {
  try {
    return run();
  } catch (error) {
    logFailure(`${what} failed`, error);
    return fallback;
  }
}
