/** Small helpers to turn lookup keys back into display names. */

const LOWER_PARTS = new Set(['на', 'де', 'ла', 'ле', 'да', 'дель', 'эль', 'аль', 'сюр', 'и', 'д']);

/** "нью-йорк" → "Нью-Йорк", "ростов-на-дону" → "Ростов-на-Дону". */
export function titleCase(key: string): string {
  // One word without hyphens (most names): the general path's result without its arrays.
  if (!key.includes(' ') && !key.includes('-')) return (key[0] ?? '').toUpperCase() + key.slice(1);
  return key
    .split(' ')
    .map((word) =>
      word
        .split('-')
        .map((part, i) =>
          i > 0 && LOWER_PARTS.has(part) ? part : (part[0] ?? '').toUpperCase() + part.slice(1),
        )
        .join('-'),
    )
    .join(' ');
}

/**
 * Writes a nominative key the way the surface form was written ("путин" seen as "Путина" →
 * "Путин"), keeping ё and inner capitals where the surface shares the stem.
 */
export function displayLike(key: string, surface: string): string {
  const lower = surface.toLowerCase();
  const lowerSurface = lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
  let common = 0;
  while (
    common < key.length &&
    common < lowerSurface.length &&
    key[common] === lowerSurface[common]
  ) {
    common++;
  }
  if (surface.toUpperCase() === surface && surface.length > 1) return titleCase(key);
  return surface.slice(0, common) + titleCase(key).slice(common);
}
