// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countControls,
  declaresArticle,
  judgeArticle,
  judgeInSteps,
  looksLikeSearchResults,
  MAX_CONTROLS_PER_1K,
  normalizedLength,
  proseLength,
} from '../../lib/page/article';
import { findArticleRoot } from '../../lib/page/text';

/** jsdom ships no types (and @types/jsdom is not a dependency): the one constructor used. */
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options: { url: string }) => { window: { document: Document } };
};

function page(file: string, url = 'https://news.example/story.html'): Document {
  return new JSDOM(readFileSync(resolve(file), 'utf8'), { url }).window.document;
}

function html(body: string, head = '', url = 'https://news.example/story.html'): Document {
  return new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, { url })
    .window.document;
}

const PARAGRAPH =
  '<p>Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on Wednesday, and the two signed a treaty on comprehensive strategic partnership, officials said.</p>';

describe('judgeArticle', () => {
  it('accepts the demo article', () => {
    const doc = page('tests/fixtures/demo/article.html');
    const verdict = judgeArticle(doc, findArticleRoot(doc));
    expect(verdict).toMatchObject({ article: true, reason: 'article', readerable: true });
  });

  it('rejects a two-sentence news brief: too little running text to be worth marking', () => {
    const doc = page('tests/fixtures/pages/main-article-aside.html');
    const verdict = judgeArticle(doc, findArticleRoot(doc));
    expect(verdict.article).toBe(false);
    expect(verdict.reason).toMatch(/too little running text/);
  });

  it('rejects search results: the query in the address is echoed in the search field', () => {
    const doc = page(
      'tests/fixtures/pages/search-results.html',
      'https://search.example/?q=putin+kim+treaty',
    );
    expect(looksLikeSearchResults(doc)).toBe(true);
    const verdict = judgeArticle(doc, findArticleRoot(doc));
    expect(verdict).toMatchObject({ article: false, searchResults: true });
    expect(verdict.reason).toMatch(/search results/);
  });

  it('rejects a web mail client: far more controls than prose', () => {
    const doc = page('tests/fixtures/pages/webmail.html');
    const verdict = judgeArticle(doc, findArticleRoot(doc));
    expect(verdict.article).toBe(false);
    expect(verdict.controls).toBeGreaterThan(40);
    expect(verdict.reason).toMatch(/too little running text|web application/);
  });

  it('rejects a page with too little running text, and a role=application page', () => {
    expect(judgeArticle(html('<p>Short.</p>'), html('').body).article).toBe(false);
    const app = html(`<div role="application">${PARAGRAPH.repeat(6)}</div>`);
    expect(judgeArticle(app, findArticleRoot(app))).toMatchObject({ article: false });
  });

  it('accepts running text that Reader View accepts, or a page that declares itself an article', () => {
    const plain = html(`<main>${PARAGRAPH.repeat(6)}</main>`);
    expect(judgeArticle(plain, findArticleRoot(plain))).toMatchObject({
      article: true,
      readerable: true,
    });
    // Two paragraphs: too short for Reader View, enough for a page that says it is an article.
    const short = PARAGRAPH.repeat(2);
    const bare = html(`<main>${short}</main>`);
    expect(judgeArticle(bare, findArticleRoot(bare)).article).toBe(false);
    const declared = html(`<main>${short}</main>`, '<meta property="og:type" content="article">');
    expect(judgeArticle(declared, findArticleRoot(declared))).toMatchObject({
      article: true,
      declared: true,
    });
  });

  it('accepts a declared news article Reader View accepts, however many share, comment and poll buttons surround it', () => {
    const doc = page('tests/fixtures/pages/old-news-layout.html');
    const root = findArticleRoot(doc);
    const verdict = judgeArticle(doc, root);
    // More controls per 1,000 characters of prose than the web-app rule allows on its own.
    expect(verdict.controls).toBeGreaterThan((proseLength(root) / 1000) * MAX_CONTROLS_PER_1K);
    expect(verdict).toMatchObject({
      article: true,
      reason: 'article',
      declared: true,
      readerable: true,
    });
  });

  it('accepts a declared, readable article beside a role=application widget (a player, a map)', () => {
    const doc = html(
      `<main>${PARAGRAPH.repeat(6)}</main><div role="application" aria-label="Video player"><button>Play</button></div>`,
      '<meta property="og:type" content="article">',
    );
    expect(judgeArticle(doc, findArticleRoot(doc))).toMatchObject({
      article: true,
      readerable: true,
    });
  });

  it('still rejects a web app that claims to be an article: no readable text, or the text is the app', () => {
    // A mail client whose page says og:type=article: Reader View does not accept it.
    const mail = page('tests/fixtures/pages/webmail.html');
    mail.head.insertAdjacentHTML('beforeend', '<meta property="og:type" content="article">');
    expect(judgeArticle(mail, findArticleRoot(mail))).toMatchObject({
      article: false,
      declared: true,
      readerable: false,
    });
    // Two paragraphs among a toolbar's worth of buttons: too short for Reader View.
    const crowded = html(
      `<main>${PARAGRAPH.repeat(2)}</main>${'<button>Action</button>'.repeat(40)}`,
      '<meta property="og:type" content="article">',
    );
    expect(judgeArticle(crowded, findArticleRoot(crowded))).toMatchObject({
      article: false,
      declared: true,
      reason: 'This looks like a web application rather than an article.',
    });
    // Readable text inside an application region (an editor, a dashboard).
    const editor = html(
      `<div role="application"><main>${PARAGRAPH.repeat(6)}</main></div>`,
      '<meta property="og:type" content="article">',
    );
    expect(judgeArticle(editor, findArticleRoot(editor))).toMatchObject({
      article: false,
      declared: true,
      reason: 'This looks like a web application rather than an article.',
    });
  });

  it('judges in steps with the same verdict', () => {
    const doc = page('tests/fixtures/demo/article.html');
    const steps = judgeInSteps(doc);
    let n = 0;
    let next = steps.next();
    while (!next.done) {
      n++;
      next = steps.next();
    }
    expect(n).toBeGreaterThanOrEqual(3);
    expect(next.value.root).toBe(findArticleRoot(doc));
    expect(next.value.verdict).toEqual(judgeArticle(doc, findArticleRoot(doc)));
  });
});

describe('article signals', () => {
  it('counts prose: long paragraphs and text written into divs, not link lists or chrome', () => {
    const doc = html(`<main>
      ${PARAGRAPH}
      <p><a href="#">${'A link that runs on and on for a long while, long enough to count. '.repeat(2)}</a></p>
      <div>${'Text written straight into a div, separated by line breaks, as some blogs do. '.repeat(2)}<br></div>
      <nav><p>${'Navigation text that is long enough to count as prose if it were read. '.repeat(2)}</p></nav>
      <p>Short.</p>
    </main>`);
    const paragraph = normalizedLength(doc.querySelector('p')?.textContent ?? '');
    const div = normalizedLength(doc.querySelector('div')?.firstChild?.textContent ?? '');
    expect(proseLength(doc.body)).toBe(paragraph + div);
    expect(proseLength(doc.body, 10)).toBe(paragraph); // stops once enough is counted
  });

  it('weighs CJK characters like words', () => {
    expect(normalizedLength('  a  b ')).toBe(3);
    expect(normalizedLength('新竹尖石')).toBe(12);
  });

  it('counts controls by tag, role and editability', () => {
    const doc =
      html(`<button>a</button><input><input type="hidden"><select></select><textarea></textarea>
      <div role="row"></div><div role="note"></div><div contenteditable></div><div contenteditable="false"></div>`);
    expect(countControls(doc)).toBe(6);
  });

  it('reads article metadata: og:type, published time, schema.org', () => {
    expect(declaresArticle(html('', '<meta property="og:type" content="article">'))).toBe(true);
    expect(
      declaresArticle(html('', '<meta property="article:published_time" content="2025-01-01">')),
    ).toBe(true);
    expect(
      declaresArticle(
        html(
          '',
          '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>',
        ),
      ),
    ).toBe(true);
    expect(
      declaresArticle(html('<div itemscope itemtype="https://schema.org/Article"></div>')),
    ).toBe(true);
    expect(declaresArticle(html('', '<meta property="og:type" content="website">'))).toBe(false);
  });

  it('sees no search results without a query, or when the field does not repeat it', () => {
    expect(looksLikeSearchResults(html('<input value="putin">', '', 'https://x.example/'))).toBe(
      false,
    );
    expect(
      looksLikeSearchResults(html('<input value="other">', '', 'https://x.example/?q=putin')),
    ).toBe(false);
    expect(
      looksLikeSearchResults(html('<input value="Putin ">', '', 'https://x.example/?q=putin')),
    ).toBe(true);
  });
});
