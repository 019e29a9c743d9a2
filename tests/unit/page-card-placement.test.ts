// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { placeAbove, placeBelow, positionCard } from '../../lib/page/card-placement';

const viewport = { width: 800, height: 600 };
const size = { width: 200, height: 100 };
const line = (top: number, left = 100) => ({ left, right: left + 50, top, bottom: top + 20 });

describe('placeBelow (the entity card)', () => {
  it('opens below the mark, a gap away', () => {
    expect(placeBelow(line(100), size, viewport)).toEqual({ left: 100, top: 126 });
  });

  it('opens above the mark when there is no room below', () => {
    expect(placeBelow(line(550), size, viewport)).toEqual({ left: 100, top: 444 });
  });

  it('stays below when there is no room above either', () => {
    const tall = { width: 200, height: 590 };
    expect(placeBelow(line(300), tall, viewport).top).toBe(326);
  });

  it('keeps the card inside the viewport on the right and left', () => {
    expect(placeBelow(line(100, 700), size, viewport).left).toBe(596);
    expect(placeBelow(line(100, -30), size, viewport).left).toBe(4);
  });
});

describe('placeAbove (the note card)', () => {
  it('opens above the quote, a gap away', () => {
    expect(placeAbove(line(300), size, viewport)).toEqual({ left: 100, top: 194 });
  });

  it('opens below the quote when there is no room above', () => {
    expect(placeAbove(line(50), size, viewport)).toEqual({ left: 100, top: 76 });
  });

  it('never leaves the top of the viewport', () => {
    const tall = { width: 200, height: 700 };
    expect(placeAbove(line(50), tall, viewport).top).toBe(4);
  });
});

describe('positionCard', () => {
  it('moves the element to the corner the placement gives, in whole pixels', () => {
    const card = document.createElement('div');
    document.body.append(card);
    positionCard(card, line(100), () => ({ left: 10.4, top: 20.6 }));
    expect(card.style.left).toBe('10px');
    expect(card.style.top).toBe('21px');
  });
});
