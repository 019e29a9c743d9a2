import fc from 'fast-check';

/**
 * Property tests run a fixed number of cases each time, from a new random seed (fast-check prints
 * the seed and the shrunk case of a failure). `npm run test:soak` multiplies every count by
 * GLOSSA_PROPERTY_SCALE to hunt the rare case before CI meets it.
 */
const scale = Math.max(1, Number(process.env.GLOSSA_PROPERTY_SCALE) || 1);

fc.configureGlobal({ numRuns: 100 * scale });

/** The number of cases for a property that asks for `n` in a normal run. */
export const runs = (n: number): number => n * scale;
