/**
 * The order in which the recognizer benches run the versions they compare, so that each sees the
 * same load on a shared machine.
 */

/**
 * Each round's order of `count` competitors taking turns: 0, 1, … and reversed every other round,
 * so that none always runs first (after the others' garbage, or on a cooler cache).
 */
export function turnOrder(round: number, count: number): number[] {
  const order = Array.from({ length: count }, (_, k) => k);
  return round % 2 ? order.reverse() : order;
}
