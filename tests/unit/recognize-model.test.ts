import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../lib/recognize/lexicon';
import {
  MAX_FEATURES,
  setDocumentEvidence,
  tokenFeatures,
  tokenTable,
} from '../../lib/recognize/model/features';
import {
  ALLOWED,
  decodeSegment,
  featureEmission,
  L,
  LABELS,
  labelSpans,
  segments,
  transitionBounds,
  viterbi,
} from '../../lib/recognize/model/tagger';
import { encodeSlots, loadModel, toBase64 } from '../../lib/recognize/model/weights';
import { getTagger, tagSpans } from '../../lib/recognize/tagged';
import { createTokenizedText } from '../../lib/recognize/tokenized-text';
import { tokenize } from '../../lib/recognize/tokens';
import { runs } from '../setup/property-runs';

function tokenizedOf(text: string, lang: 'ru' | 'en') {
  return createTokenizedText(text, tokenize(text), getLexicon(), lang);
}

describe('weights format', () => {
  it('round-trips slots and per-slot scaled bytes', () => {
    const slots = [3, 70, 200, 70000, (1 << 21) - 1];
    const bytes = new Int8Array(slots.length * L);
    slots.forEach((_, r) => {
      for (let y = 0; y < L; y++) bytes[r * L + y] = ((r * 31 + y * 7) % 255) - 127;
    });
    const exps = Int8Array.from([0, 8, -8, 16, 3]);
    const model = loadModel({
      version: 1,
      bits: 21,
      labels: [...LABELS],
      transitions: new Array((L + 1) * L).fill(0),
      slots: toBase64(encodeSlots(slots)),
      weights: toBase64(new Uint8Array(bytes.buffer)),
      exponents: toBase64(new Uint8Array(exps.buffer)),
    });
    slots.forEach((slot, r) => {
      const row = new Float32Array(L);
      model.add(Uint32Array.of(slot), 1, row);
      for (let y = 0; y < L; y++) {
        expect(row[y]).toBeCloseTo((bytes[r * L + y] as number) * 2 ** ((exps[r] as number) / 8));
      }
    });
    // An id whose slot was pruned adds nothing; ids are taken modulo 2^bits.
    const row = new Float32Array(L);
    model.add(Uint32Array.of(5, 70 + (1 << 21)), 2, row);
    expect(row[0]).toBeCloseTo((bytes[L] as number) * 2);
  });
});

describe('decoder', () => {
  it('never continues a name it did not begin (I- only after B-/I- of the same type)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.float({ min: -50, max: 50, noNaN: true }), { minLength: L, maxLength: L }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (rows) => {
          const labels = new Uint8Array(rows.length);
          const transitions = new Float32Array((L + 1) * L);
          decodeSegment(
            { start: 0, end: rows.length },
            (i, row) => row.set(rows[i] as number[]),
            transitions,
            labels,
          );
          for (let i = 0; i < rows.length; i++) {
            const prev = i === 0 ? L : (labels[i - 1] as number);
            if (!ALLOWED[prev * L + (labels[i] as number)]) return false;
          }
          return labelSpans(labels, rows.length).every((s) => s.end > s.start);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('decodes the same labels with the transition-bound shortcut as without it', () => {
    // Small integer-valued scores make ties between paths common: the shortcut must break them
    // as the full comparison does (lowest predecessor label).
    const score = fc.integer({ min: -6, max: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(score, { minLength: L, maxLength: L }), { minLength: 1, maxLength: 25 }),
        fc.array(score, { minLength: (L + 1) * L, maxLength: (L + 1) * L }),
        fc.boolean(),
        (rows, trans, prune) => {
          const emit = Float32Array.from(rows.flat());
          const transitions = Float32Array.from(trans);
          const seg = { start: 0, end: rows.length };
          const full = new Uint8Array(rows.length);
          const fast = new Uint8Array(rows.length);
          viterbi(emit, 0, seg, transitions, full, prune);
          viterbi(emit, 0, seg, transitions, fast, prune, transitionBounds(transitions));
          expect([...fast]).toEqual([...full]);
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('cuts segments at sentences but not after initials or abbreviations', () => {
    const tokenized = tokenizedOf(
      'Глава ФБР Дж.Коми и В. Путин прибыли в U.S. Embassy. Потом уехали.',
      'ru',
    );
    const table = tokenTable(tokenized);
    const segs = segments(table);
    expect(segs[0]?.start).toBe(0);
    for (let k = 1; k < segs.length; k++) expect(segs[k]?.start).toBe(segs[k - 1]?.end);
    expect(segs[segs.length - 1]?.end).toBe(table.n);
    const starts = segs.map((s) => tokenized.tokens[s.start]?.text);
    expect(starts).toEqual(['Глава', 'Потом']);
  });
});

describe('document evidence', () => {
  it('gives a word the kinds its stem was tagged as elsewhere, and nothing to other stems', () => {
    // "Путина"/"Путину" share the stem "пути" (the word less two letters), "Путиловым" does not.
    const tokenized = tokenizedOf('Путина видели. Путину писали. Путиловым гордились.', 'ru');
    const table = tokenTable(tokenized);
    const labels = new Uint8Array(table.n);
    const at = (text: string) => tokenized.tokens.findIndex((t) => t.text === text);
    labels[at('Путина')] = LABELS.indexOf('B-PER');
    setDocumentEvidence(table, labels);
    const stem = table.evidence?.stem as Uint8Array;
    // Bit 0: a person elsewhere (the kind slot of B-PER and I-PER).
    expect(stem[at('Путину')]).toBe(1);
    expect(stem[at('Путиловым')]).toBe(0);
    // The same stem elsewhere, outside any name only (SEEN_OUTSIDE).
    expect(stem[at('Путина')]).toBe(32);
  });
});

describe('runtime emissions', () => {
  it('equal the sum of the training features (caches change speed, not scores)', () => {
    const model = getTagger();
    for (const [text, lang] of [
      ['Президент России Владимир Путин встретился с Ким Чен Ыном в Пхеньяне. Путин улетел.', 'ru'],
      ['President Bill Clinton met Boris Yeltsin in Moscow on Monday. Clinton said so.', 'en'],
    ] as const) {
      const tokenized = tokenizedOf(text, lang);
      const table = tokenTable(tokenized);
      const code = lang === 'ru' ? 1 : 2;
      const labels = new Uint8Array(table.n);
      const emission = featureEmission(table, code, model);
      for (const seg of segments(table)) decodeSegment(seg, emission, model.transitions, labels);
      if (model.stacked) {
        setDocumentEvidence(table, labels);
        const second = featureEmission(table, code, model);
        for (const seg of segments(table)) decodeSegment(seg, second, model.transitions, labels);
      }
      expect(tagSpans(tokenizedOf(text, lang))).toEqual(labelSpans(labels, table.n));
      const ids = new Uint32Array(MAX_FEATURES);
      for (let i = 0; i < table.n; i++) {
        expect(tokenFeatures(table, i, code, ids)).toBeLessThanOrEqual(MAX_FEATURES);
      }
    }
  });
});
