import { describe, expect, it } from 'vitest';
import { NOT_SURNAMES_ALONE, PEOPLE_REGISTER } from '../../lib/recognize/curated/people-register';
import lexicon from '../../lib/recognize/data/lexicon.json';
import type { LexiconData } from '../../lib/recognize/lexicon-format';
import {
  buildDeclinedIndex,
  buildPeopleIndex,
  type DeclinedIndex,
  type PeopleIndex,
} from '../../lib/recognize/people-index';
import {
  encodePeopleIndex,
  type PeopleIndexData,
  readDeclinedIndex,
  readPeopleIndex,
  registerFingerprint,
} from '../../lib/recognize/people-index-data';

/** Both halves read from `data`, or null when either is refused. */
function decodePeopleIndex(data: unknown) {
  const index = readPeopleIndex(data);
  const declined = readDeclinedIndex(data);
  return index && declined ? { index, declined } : null;
}

/** The index with people as ids and sets as sorted arrays: what a lookup can tell apart. */
function plain(ix: PeopleIndex, declined: DeclinedIndex) {
  const id = (r: { id: string } | null) => r?.id ?? null;
  return {
    full: [...ix.full].map(([k, r]) => [k, id(r)]),
    surnames: [...ix.surnames].map(([k, rs]) => [k, rs.map(id)]),
    initials: [...ix.initials].map(([k, s]) => [k, [...s].sort()]),
    givenNames: [...ix.givenNames].sort(),
    declinedFull: [...declined.full].map(([k, r]) => [k, id(r)]),
    declinedSurnames: [...declined.surnames].map(([k, rs]) => [k, rs.map(id)]),
    nominatives: [...declined.nominatives],
  };
}

const built = buildPeopleIndex();
const builtDeclined = buildDeclinedIndex(built);
const shipped = (lexicon as unknown as LexiconData).people as PeopleIndexData;

describe('the people index the lexicon ships', () => {
  it('is the index the register builds now (run npm run build:lexicon after editing the register or its keys)', () => {
    const decoded = decodePeopleIndex(shipped);
    expect(decoded).not.toBeNull();
    const d = decoded as NonNullable<typeof decoded>;
    expect(plain(d.index, d.declined)).toEqual(plain(built, builtDeclined));
  });

  it('comes back from its encoding the same, canonical names included', () => {
    const decoded = decodePeopleIndex(encodePeopleIndex(built, builtDeclined));
    const d = decoded as NonNullable<typeof decoded>;
    expect(plain(d.index, d.declined)).toEqual(plain(built, builtDeclined));
    const putin = d.index.full.get('владимир путин');
    expect(putin).toEqual({ id: 'vladimir-putin', en: 'Vladimir Putin', ru: 'Владимир Путин' });
    expect(d.declined.full.get('владимира путина')?.id).toBe('vladimir-putin');
    expect(d.declined.nominatives.get('шольцем')).toBe('шольц');
  });
});

describe('reading a shipped index', () => {
  const good = encodePeopleIndex(built, builtDeclined);

  it('refuses an index built from another register: the caller builds its own', () => {
    expect(decodePeopleIndex({ ...good, register: '1:0' })).toBeNull();
  });

  it('refuses what is missing or malformed, and never throws', () => {
    expect(decodePeopleIndex(undefined)).toBeNull();
    expect(decodePeopleIndex(null)).toBeNull();
    expect(decodePeopleIndex('people')).toBeNull();
    const { declinedFull: _, ...withoutField } = good;
    expect(decodePeopleIndex(withoutField)).toBeNull();
    expect(decodePeopleIndex({ ...good, full: 123 })).toBeNull();
    // A person past the register's end, a row without its person, a row without its nominative.
    expect(decodePeopleIndex({ ...good, full: 'someone\tzzzz' })).toBeNull();
    expect(decodePeopleIndex({ ...good, surnames: 'someone' })).toBeNull();
    expect(decodePeopleIndex({ ...good, declinedSurnames: 'someone' })).toBeNull();
    expect(decodePeopleIndex({ ...good, declinedSurnames: 'someone\t0' })).toBeNull();
  });

  it('reads each half alone: a fault in the declined half leaves the nominative half', () => {
    const broken = { ...good, declinedFull: undefined };
    expect(readPeopleIndex(broken)?.full.get('vladimir putin')?.id).toBe('vladimir-putin');
    expect(readDeclinedIndex(broken)).toBeNull();
    expect(readPeopleIndex({ ...good, initials: 'zzzz\tv' })).toBeNull();
    expect(readDeclinedIndex({ ...good, initials: 'zzzz\tv' })).not.toBeNull();
  });

  it('fingerprints what the index is made of: names, their order, the words never surnames', () => {
    const now = registerFingerprint();
    expect(registerFingerprint(PEOPLE_REGISTER, NOT_SURNAMES_ALONE)).toBe(now);
    const renamed = PEOPLE_REGISTER.map((p, i) => (i === 0 ? { ...p, ru: `${p.ru}а` } : p));
    expect(registerFingerprint(renamed)).not.toBe(now);
    const aliased = PEOPLE_REGISTER.map((p, i) => (i === 5 ? { ...p, enAliases: ['X Y'] } : p));
    expect(registerFingerprint(aliased)).not.toBe(now);
    const swapped = [PEOPLE_REGISTER[1], PEOPLE_REGISTER[0], ...PEOPLE_REGISTER.slice(2)];
    expect(registerFingerprint(swapped as typeof PEOPLE_REGISTER)).not.toBe(now);
    expect(registerFingerprint(PEOPLE_REGISTER, [...NOT_SURNAMES_ALONE, 'иван'])).not.toBe(now);
    // Roles and sources are not in the index: editing them keeps the shipped index.
    const roles = PEOPLE_REGISTER.map((p, i) => (i === 0 ? { ...p, roles: ['x'] } : p));
    expect(registerFingerprint(roles)).toBe(now);
  });
});
