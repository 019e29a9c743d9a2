import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../lib/notes/normalize-url';

describe('normalizeUrl', () => {
  it('drops the fragment', () => {
    expect(normalizeUrl('https://ria.ru/20241205/kndr.html#comments')).toBe(
      'https://ria.ru/20241205/kndr.html',
    );
  });

  it('lower-cases scheme and host but not the path or query', () => {
    expect(normalizeUrl('HTTPS://RIA.Ru/World/Article.HTML?Id=A')).toBe(
      'https://ria.ru/World/Article.HTML?Id=A',
    );
  });

  it('drops tracking parameters and keeps the others in order, as written', () => {
    expect(
      normalizeUrl(
        'https://example.com/a?b=2&utm_source=tg&a=1&fbclid=XYZ&q=%D0%BA%D0%BD%D0%B4%D1%80+news&UTM_Medium=x&gclid=1&yclid=2&mc_cid=3&mc_eid=4&_ga=5&igshid=6&ref_src=twsrc',
      ),
    ).toBe('https://example.com/a?b=2&a=1&q=%D0%BA%D0%BD%D0%B4%D1%80+news');
  });

  it('removes the question mark when only tracking parameters were present', () => {
    expect(normalizeUrl('https://example.com/a?utm_campaign=x&utm_content=y#top')).toBe(
      'https://example.com/a',
    );
  });

  it('keeps parameters that merely resemble tracking ones', () => {
    expect(normalizeUrl('https://example.com/?utm=1&ref=home&page=2')).toBe(
      'https://example.com/?utm=1&ref=home&page=2',
    );
  });

  it('keeps empty-valued and repeated parameters', () => {
    expect(normalizeUrl('https://example.com/?a&a=1&a=2')).toBe('https://example.com/?a&a=1&a=2');
  });

  it('drops default ports and percent-encoded tracking keys', () => {
    expect(normalizeUrl('http://Example.com:80/x?utm%5Fsource=a&id=1')).toBe(
      'http://example.com/x?id=1',
    );
  });

  it('gives the same key for two visits from different sources', () => {
    const fromNewsletter = 'https://www.kommersant.ru/doc/7361234?utm_source=newsletter&from=main';
    const fromFeed = 'https://www.kommersant.ru/doc/7361234?from=main&fbclid=IwAR0#p3';
    expect(normalizeUrl(fromNewsletter)).toBe(normalizeUrl(fromFeed));
  });

  it('is idempotent', () => {
    const once = normalizeUrl('https://EXAMPLE.com/a?x=1&utm_term=t#h');
    expect(normalizeUrl(once)).toBe(once);
  });

  it('returns unparseable input trimmed rather than failing', () => {
    expect(normalizeUrl('  not a url  ')).toBe('not a url');
  });
});
