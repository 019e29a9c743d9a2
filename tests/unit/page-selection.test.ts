// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { rangeFromOffsets } from '../../lib/page/ranges';
import { CONTEXT_CHARS, describeSelection } from '../../lib/page/selection';
import { extractPageText } from '../../lib/page/text';

function setup(body: string) {
  const doc = new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
  return { doc, pt: extractPageText(doc) };
}

const LONG =
  '<nav>Menu entries</nav><article><h1>Summit in Geneva</h1>' +
  '<p>The leaders met in Geneva on Tuesday and signed the <b>New START</b> extension protocol, ' +
  'which enters into force after ratification by both parliaments.</p>' +
  '<p>Critics said the text was vague.</p></article><footer>Footer</footer>';

describe('describeSelection', () => {
  it('describes a selection with quote, prefix, suffix and position', () => {
    const { doc, pt } = setup(LONG);
    const start = pt.text.indexOf('New START');
    const end = start + 'New START extension'.length;
    const range = rangeFromOffsets(pt, start, end, doc) as Range;
    const info = describeSelection(pt, range);
    expect(info).not.toBeNull();
    const [quote, position] = info?.selectors ?? [];
    expect(info?.quote).toBe('New START extension');
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'New START extension',
      prefix: pt.text.slice(start - CONTEXT_CHARS, start),
      suffix: pt.text.slice(end, end + CONTEXT_CHARS),
    });
    expect(quote?.type === 'TextQuoteSelector' && quote.prefix.length).toBe(32);
    expect(quote?.type === 'TextQuoteSelector' && quote.suffix.length).toBe(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(pt.text.slice(start, end)).toBe('New START extension');
  });

  it('keeps short context at the edges of the text', () => {
    const { doc, pt } = setup(LONG);
    const range = rangeFromOffsets(pt, 0, 6, doc) as Range;
    const info = describeSelection(pt, range);
    const quote = info?.selectors[0];
    expect(quote?.exact).toBe('Summit');
    expect(quote?.prefix).toBe('');
    const last = pt.text.length;
    const tail = describeSelection(pt, rangeFromOffsets(pt, last - 6, last, doc) as Range);
    expect(tail?.selectors[0].exact).toBe('vague.');
    expect(tail?.selectors[0].suffix).toBe('');
  });

  it('describes a selection spanning blocks with the separator in the quote', () => {
    const { doc, pt } = setup(LONG);
    const range = doc.createRange();
    const paragraphs = doc.querySelectorAll('p');
    const tail = paragraphs[0]?.lastChild as Text;
    range.setStart(tail, tail.data.indexOf('enters'));
    range.setEnd(paragraphs[1]?.firstChild as Text, 'Critics'.length);
    const info = describeSelection(pt, range);
    expect(info?.quote).toMatch(/^enters into force .* parliaments\.\nCritics$/);
    const pos = info?.selectors[1];
    expect(pt.text.slice(pos?.start, pos?.end)).toBe(info?.quote);
  });

  it('trims whitespace at the ends (a double-clicked word with its space)', () => {
    const { doc, pt } = setup(LONG);
    const start = pt.text.indexOf('Geneva on');
    const info = describeSelection(pt, rangeFromOffsets(pt, start - 1, start + 7, doc) as Range);
    expect(info?.quote).toBe('Geneva');
    expect(info?.selectors[1]).toEqual({
      type: 'TextPositionSelector',
      start,
      end: start + 6,
    });
  });

  it('clips a selection that starts outside the article', () => {
    const { doc, pt } = setup(LONG);
    const range = doc.createRange();
    range.setStart(doc.querySelector('nav')?.firstChild as Text, 2);
    range.setEnd(doc.querySelector('h1')?.firstChild as Text, 'Summit'.length);
    const info = describeSelection(pt, range);
    expect(info?.quote).toBe('Summit');
    expect(info?.selectors[1]).toMatchObject({ start: 0, end: 6 });
  });

  it('returns null for a collapsed selection', () => {
    const { doc, pt } = setup(LONG);
    const range = doc.createRange();
    range.setStart(doc.querySelector('h1')?.firstChild as Text, 3);
    expect(range.collapsed).toBe(true);
    expect(describeSelection(pt, range)).toBeNull();
  });

  it('returns null for a selection outside the article text', () => {
    const { doc, pt } = setup(LONG);
    const nav = doc.createRange();
    nav.selectNodeContents(doc.querySelector('nav') as Element);
    expect(describeSelection(pt, nav)).toBeNull();
    const footer = doc.createRange();
    footer.selectNodeContents(doc.querySelector('footer') as Element);
    expect(describeSelection(pt, footer)).toBeNull();
  });

  it('returns null for a whitespace-only selection', () => {
    const { doc, pt } = setup('<p>a   b</p>');
    const range = rangeFromOffsets(pt, 1, 4, doc) as Range;
    expect(describeSelection(pt, range)).toBeNull();
  });

  it('never cuts an emoji in half in the context', () => {
    const { doc, pt } = setup(`<p>${'😀'.repeat(20)}quote${'😀'.repeat(20)}</p>`);
    const start = pt.text.indexOf('quote');
    const info = describeSelection(pt, rangeFromOffsets(pt, start, start + 5, doc) as Range);
    expect(info?.selectors[0].prefix).toBe('😀'.repeat(16));
    expect(info?.selectors[0].suffix).toBe('😀'.repeat(16));
    const odd = describeSelection(pt, rangeFromOffsets(pt, start + 1, start + 4, doc) as Range);
    expect(odd?.selectors[0].prefix).toBe(`${'😀'.repeat(15)}q`);
    expect(odd?.selectors[0].suffix).toBe(`e${'😀'.repeat(15)}`);
  });
});
