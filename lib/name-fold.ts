/**
 * The key a name is looked up by in Glossa's curated tables (country names, cities, treaty
 * names): lower case, ё as е, runs of spaces as one, no spaces at the ends. Pure.
 */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}
