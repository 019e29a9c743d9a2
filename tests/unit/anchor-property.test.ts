import fc from 'fast-check';
import { expect, describe as group, it } from 'vitest';
import { anchor } from '../../lib/anchor/anchor';
import { describe } from '../../lib/anchor/describe';
import { matchQuote } from '../../lib/anchor/match-quote';
import type { Selector } from '../../lib/notes/model';

/** A text and a non-empty span of it. */
const textAndSpan = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 300 })
  .chain((text) =>
    fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
      .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
  );

/** Few letters, so quotes repeat and contexts collide: the hard case for choosing between places. */
const repetitiveTextAndSpan = fc
  .string({ unit: fc.constantFrom('a', 'b', ' ', 'я'), minLength: 1, maxLength: 200 })
  .chain((text) =>
    fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
      .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
  );

group('anchor properties', () => {
  it('describe then anchor on the same text gives back the same span', () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, start, end }) => {
        expect(anchor(text, describe(text, start, end))).toMatchObject({ start, end });
      }),
    );
  });

  it('holds on repetitive text too', () => {
    fc.assert(
      fc.property(repetitiveTextAndSpan, ({ text, start, end }) => {
        expect(anchor(text, describe(text, start, end))).toMatchObject({ start, end });
      }),
    );
  });

  it('finds the quote after text is inserted far before it, when the quote is unique', () => {
    fc.assert(
      fc.property(
        textAndSpan,
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }),
        ({ text, start, end }, inserted) => {
          const selectors = describe(text, start, end);
          const changed = inserted + text;
          const exact = text.slice(start, end);
          fc.pre(changed.indexOf(exact) === changed.lastIndexOf(exact));
          expect(anchor(changed, selectors)).toMatchObject({
            start: start + inserted.length,
            end: end + inserted.length,
          });
        },
      ),
    );
  });

  it('never throws and stays inside the text, whatever the selectors', () => {
    const selector: fc.Arbitrary<Selector> = fc.oneof(
      fc.record({
        type: fc.constant('TextQuoteSelector' as const),
        exact: fc.string({ maxLength: 40 }),
        prefix: fc.string({ maxLength: 40 }),
        suffix: fc.string({ maxLength: 40 }),
      }),
      fc.record({
        type: fc.constant('TextPositionSelector' as const),
        start: fc.integer({ min: -5, max: 400 }),
        end: fc.integer({ min: -5, max: 400 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.array(selector, { maxLength: 3 }),
        (text, selectors) => {
          const found = anchor(text, selectors);
          if (found) {
            expect(0 <= found.start && found.start <= found.end && found.end <= text.length).toBe(
              true,
            );
            expect(found.score).toBeGreaterThan(0);
            expect(found.score).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('scores an exact, in-context, in-place match 1 and anything else lower', () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, start, end }) => {
        const [quote] = describe(text, start, end);
        const found = matchQuote(text, quote.exact, { ...quote, hint: start });
        expect(found?.score).toBeLessThanOrEqual(1);
        if (found && (found.start !== start || found.end !== end))
          expect(found.score).toBeLessThan(1);
      }),
    );
  });
});
