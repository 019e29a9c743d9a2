// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { defaultCaretAt, pointInRect, rectAtPoint } from '../../lib/page/hit-test';

const rect = { left: 10, top: 20, right: 50, bottom: 40 };

describe('pointInRect', () => {
  it('takes points inside and within a pixel of the edge', () => {
    expect(pointInRect(rect, 30, 30)).toBe(true);
    expect(pointInRect(rect, 9, 19)).toBe(true);
    expect(pointInRect(rect, 51, 41)).toBe(true);
  });

  it('refuses points further out', () => {
    expect(pointInRect(rect, 8, 30)).toBe(false);
    expect(pointInRect(rect, 30, 42)).toBe(false);
  });
});

describe('rectAtPoint', () => {
  it('gives the first rect the point is in', () => {
    const second = { left: 0, top: 100, right: 40, bottom: 120 };
    expect(rectAtPoint([rect, second], 20, 110)).toBe(second);
    expect(rectAtPoint([rect, second], 20, 30)).toBe(rect);
  });

  it('gives null when the point is in none (a caret snapped from the margin)', () => {
    expect(rectAtPoint([rect], 200, 30)).toBeNull();
    expect(rectAtPoint([], 20, 30)).toBeNull();
  });
});

describe('defaultCaretAt', () => {
  it('uses caretPositionFromPoint where the document has it', () => {
    const node = document.createTextNode('x');
    const doc = {
      caretPositionFromPoint: (x: number, y: number) => ({ offsetNode: node, offset: x + y }),
    } as unknown as Document;
    expect(defaultCaretAt(doc, 2, 3)).toEqual({ node, offset: 5 });
  });

  it('falls back to caretRangeFromPoint', () => {
    const node = document.createTextNode('abc');
    const range = document.createRange();
    range.setStart(node, 2);
    const doc = { caretRangeFromPoint: () => range } as unknown as Document;
    expect(defaultCaretAt(doc, 0, 0)).toEqual({ node, offset: 2 });
  });

  it('gives null without either, or when nothing is under the point', () => {
    expect(defaultCaretAt({} as Document, 0, 0)).toBeNull();
    const doc = { caretPositionFromPoint: () => null } as unknown as Document;
    expect(defaultCaretAt(doc, 0, 0)).toBeNull();
  });
});
