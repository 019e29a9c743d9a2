import { describe, expect, it } from 'vitest';
import { entityFromHash, entityHash } from '../../lib/memory/entity-route';

describe('the entity page address', () => {
  it('round-trips every kind of key, spaces and Cyrillic included', () => {
    for (const key of ['PER:vladimir-putin', 'LOC:KP', 'TREATY:new-start', 'PER:~kim chen yn']) {
      expect(entityFromHash(entityHash(key))).toBe(key);
    }
    expect(entityHash('LOC:~москва')).toBe('#entity=LOC%3A~%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0');
  });

  it('names no entity for other fragments and malformed keys', () => {
    for (const hash of [
      '',
      '#notes',
      '#entity=',
      '#entity=ORG:un',
      '#entity=%E0%A4%A',
      '#entity=PER:',
    ]) {
      expect(entityFromHash(hash)).toBeNull();
    }
  });
});
