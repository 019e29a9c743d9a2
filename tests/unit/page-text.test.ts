// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textChanges } from '../../lib/page/changes';
import { createGlossaHost } from '../../lib/page/shadow-host';
import {
  createTextWalk,
  extractPageText,
  findArticleRoot,
  readSegments,
  readText,
  type TextSegment,
} from '../../lib/page/text';
import type { PageText } from '../../lib/page/types';

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function fixture(name: string): Document {
  return load(readFileSync(resolve('tests/fixtures/pages', name), 'utf8'));
}

/** Every chunk's slice of the text is exactly its node's data, and chunks are ordered. */
function expectConsistent(pt: PageText) {
  let last = 0;
  for (const c of pt.chunks) {
    expect(c.start).toBeGreaterThanOrEqual(last);
    expect(c.end - c.start).toBe(c.node.data.length);
    expect(pt.text.slice(c.start, c.end)).toBe(c.node.data);
    expect(pt.root.contains(c.node)).toBe(true);
    last = c.end;
  }
  // Whatever is not in a chunk is a block separator.
  let covered = 0;
  for (const c of pt.chunks) {
    expect(pt.text.slice(covered, c.start)).toMatch(/^\n?$/);
    covered = c.end;
  }
  expect(covered).toBe(pt.text.length);
}

describe('extractPageText: what is read', () => {
  it('skips navigation, asides, page header/footer, scripts, styles, forms, editors and code', () => {
    const doc = load(`<body>
      <header><h1>Site name</h1><nav><a>Menu one</a></nav></header>
      <p>Intro paragraph.</p>
      <nav>Nav text</nav><aside>Aside text</aside>
      <div role="navigation">Role nav</div>
      <script>var secret = 1;</script><style>.x{color:red}</style><noscript>No script</noscript>
      <template><p>Template</p></template>
      <p>Body with <code>codeSpan()</code> and <kbd>Ctrl</kbd> inside.</p>
      <pre>preformatted</pre>
      <form><label>Form label</label><input value="typed"><textarea>draft</textarea>
        <select><option>Choice</option></select><button>Send</button></form>
      <div contenteditable="true">Editable text</div>
      <div contenteditable="false">Not editable text</div>
      <p hidden>Hidden paragraph</p><p aria-hidden="true">Aria hidden</p>
      <svg><text>Svg text</text></svg>
      <footer>Footer text</footer>
    </body>`);
    const pt = extractPageText(doc);
    expect(pt.root).toBe(doc.body);
    expect(pt.text).toContain('Intro paragraph.');
    expect(pt.text).toContain('Body with ');
    expect(pt.text).toContain(' inside.');
    expect(pt.text).toContain('Not editable text');
    for (const gone of [
      'Site name',
      'Menu one',
      'Nav text',
      'Aside text',
      'Role nav',
      'secret',
      'color:red',
      'No script',
      'Template',
      'codeSpan',
      'Ctrl',
      'preformatted',
      'Form label',
      'typed',
      'draft',
      'Choice',
      'Send',
      'Editable text',
      'Hidden paragraph',
      'Aria hidden',
      'Svg text',
      'Footer text',
    ]) {
      expect(pt.text, gone).not.toContain(gone);
    }
    expectConsistent(pt);
  });

  it("skips Glossa's own card host by identity, and a page's look-alike element by nothing", () => {
    const doc = load(
      '<body><p>Page paragraph.</p><glossa-card>Page element text</glossa-card></body>',
    );
    // A page could put text into the host's light DOM; it is still never read.
    const { host } = createGlossaHost(doc, []);
    host.textContent = 'Text in the host';
    doc.body.append(host);
    const pt = extractPageText(doc);
    expect(pt.text).toContain('Page paragraph.');
    expect(pt.text).not.toContain('Text in the host');
    // Issue 12: nothing page-forgeable marks Glossa's hosts; an element named like the old host is
    // the page's own content.
    expect(pt.text).toContain('Page element text');
    expectConsistent(pt);
  });

  it("the change watcher ignores Glossa's host however the page moves or fills it", () => {
    document.body.innerHTML = '<article id="a"><p id="p">Putin in Moscow.</p></article>';
    const article = document.getElementById('a') as HTMLElement;
    const { host } = createGlossaHost(document, []);
    document.documentElement.append(host);
    const observer = new MutationObserver(() => {});
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
    });
    article.append(host); // a page script moves it into the article…
    host.append(document.createElement('span')); // …and puts nodes into it
    host.setAttribute('hidden', '');
    const records = observer.takeRecords();
    observer.disconnect();
    expect(records.length).toBeGreaterThan(0);
    const changes = textChanges(records, (node) => (article.contains(node) ? article : null));
    expect(changes.scopes).toEqual([]);
    host.remove();
  });

  it("keeps an article's own header but not the page header", () => {
    const doc = load(`<body>
      <header>Page banner</header>
      <article><header><h1>Headline</h1><p>Standfirst.</p></header>
        <p>First paragraph of the story, long enough to be the article.</p></article>
    </body>`);
    const pt = extractPageText(doc);
    expect(pt.root.localName).toBe('article');
    expect(pt.text).toBe(
      'Headline\nStandfirst.\nFirst paragraph of the story, long enough to be the article.',
    );

    const page = load(`<body><header>Page banner</header><p>Only text.</p></body>`);
    expect(extractPageText(page).text).toBe('Only text.');
  });
});

describe('extractPageText: block separators and whitespace', () => {
  it('puts exactly one newline between blocks and none inside inline runs', () => {
    const doc = load(
      '<body><h1>Title</h1><p>One <b>bold</b> <i>word</i>.</p><ul><li>A</li><li>B</li></ul>' +
        '<div>x<br>y</div><table><tr><td>c1</td><td>c2</td></tr></table>' +
        '<blockquote>quoted</blockquote><dl><dt>term</dt><dd>def</dd></dl>' +
        '<figure><img alt="pic"><figcaption>caption</figcaption></figure></body>',
    );
    const pt = extractPageText(doc);
    expect(pt.text).toBe('Title\nOne bold word.\nA\nB\nx\ny\nc1\nc2\nquoted\nterm\ndef\ncaption');
    expectConsistent(pt);
  });

  it('separates the text around a skipped block, and joins around a skipped inline', () => {
    const doc = load(
      '<body><div>before<pre>code()</pre>after</div><div>x<form><input></form>y</div>' +
        '<p>run <code>f()</code> now, <button>ok</button> then<script>1</script>on</p></body>',
    );
    expect(extractPageText(doc).text).toBe('before\nafter\nx\ny\nrun  now,  thenon');
  });

  it('never joins text from adjacent blocks without a space', () => {
    const doc = load('<body><div>end of one</div><div>start of two</div></body>');
    expect(extractPageText(doc).text).toBe('end of one\nstart of two');
  });

  it('drops indentation between blocks but keeps spaces between inline elements', () => {
    const doc = load(`<body>
      <div>
        <p>First <a href="#">link</a> <em>em</em></p>
        <p>Second</p>
      </div>
    </body>`);
    const pt = extractPageText(doc);
    expect(pt.text).toBe('First link em\nSecond');
    expectConsistent(pt);
  });

  it('keeps node text as is, so offsets map 1:1 to node data', () => {
    const doc = load('<body><p>  two  spaces\u00a0and\ttab  </p><p>é 😀 ü</p></body>');
    const pt = extractPageText(doc);
    expect(pt.text).toBe('  two  spaces\u00a0and\ttab  \né 😀 ü');
    expectConsistent(pt);
    const [first, second] = pt.chunks;
    expect(first?.node.data).toBe('  two  spaces\u00a0and\ttab  ');
    expect(second?.start).toBe(first?.end === undefined ? -1 : first.end + 1);
  });

  it('reads nothing from an editable page', () => {
    const editable = load('<body contenteditable="true"><p>My draft about Putin.</p></body>');
    expect(extractPageText(editable).text).toBe('');
    const design = load('<body><p>Draft.</p></body>');
    design.designMode = 'on';
    expect(extractPageText(design).text).toBe('');
  });

  it('returns empty text for an empty body', () => {
    const pt = extractPageText(load('<body>   </body>'));
    expect(pt.text).toBe('');
    expect(pt.chunks).toEqual([]);
  });
});

describe('findArticleRoot', () => {
  it('picks the article over body and main', () => {
    const doc = fixture('main-article-aside.html');
    const root = findArticleRoot(doc);
    expect(root.localName).toBe('article');
    const pt = extractPageText(doc);
    expect(pt.text).toContain('The treaty entered into force');
    expect(pt.text).not.toContain('Related stories');
    expect(pt.text).not.toContain('Cookie notice');
    expect(pt.text).not.toContain('Filed under'); // footers are skipped, even an article's own
  });

  it('prefers itemprop=articleBody inside an article when it holds the text', () => {
    const doc = load(`<body><article><h1>Head</h1><div class="byline">By someone</div>
      <div itemprop="articleBody"><p>${'Body text. '.repeat(20)}</p><p>${'More. '.repeat(20)}</p></div>
    </article></body>`);
    expect(findArticleRoot(doc).getAttribute('itemprop')).toBe('articleBody');
  });

  it('takes the article with the most paragraph text among several', () => {
    const doc = load(`<body>
      <article id="teaser"><p>Short teaser.</p></article>
      <article id="story"><p>${'A long story sentence. '.repeat(30)}</p></article>
    </body>`);
    expect(findArticleRoot(doc).id).toBe('story');
  });

  it('reads the body when the landmarks hold no paragraph text', () => {
    const doc = load('<body><main><div>Only divs</div></main><p>Paragraph outside.</p></body>');
    expect(findArticleRoot(doc)).toBe(doc.body);
  });

  it('reads the body when the best landmark holds a small part of the paragraphs (feeds)', () => {
    const cards = Array.from(
      { length: 6 },
      (_, i) => `<article><p>Card ${i} with a short summary text.</p></article>`,
    ).join('');
    const doc = load(`<body>${cards}</body>`);
    expect(findArticleRoot(doc)).toBe(doc.body);
  });

  it('uses role=main like main', () => {
    const doc = load(
      `<body><div role="main"><p>${'Main text. '.repeat(10)}</p></div><p>tiny</p></body>`,
    );
    expect(findArticleRoot(doc).getAttribute('role')).toBe('main');
  });

  it('does not count paragraphs inside asides and navs', () => {
    const doc = load(`<body>
      <main><aside><p>${'Sidebar words. '.repeat(50)}</p></aside></main>
      <div><p>${'Real text. '.repeat(10)}</p></div>
    </body>`);
    expect(findArticleRoot(doc)).toBe(doc.body);
  });
});

describe('extractPageText on the demo article', () => {
  const html = readFileSync(resolve('tests/fixtures/demo/article.html'), 'utf8');
  const doc = load(html);
  const pt = extractPageText(doc);

  it('returns the article headline and paragraphs', () => {
    expect(pt.root.localName).toBe('article');
    const paragraphs = [...doc.querySelectorAll('article p')].map((p) => p.textContent ?? '');
    expect(paragraphs.length).toBe(9);
    for (const p of paragraphs) expect(pt.text).toContain(p);
    expect(pt.text.startsWith('Договор России и КНДР сдерживает напряженность в АТР')).toBe(true);
    expect(pt.text).toContain('"по плану"');
    expect(pt.text.endsWith('Россия никогда не забудет их вклад.')).toBe(true);
    expectConsistent(pt);
  });

  it('contains none of the nav, aside or footer text', () => {
    for (const gone of [
      'Главное',
      'Экономика',
      'Читайте также',
      'Новости региона',
      'Мнения',
      '©',
    ]) {
      expect(pt.text).not.toContain(gone);
    }
  });

  it('separates every block with one newline', () => {
    const lines = pt.text.split('\n');
    expect(lines).toHaveLength(11); // headline, date, 9 paragraphs
    expect(lines[1]).toBe('2025-12-05');
  });
});

describe('readText performance', () => {
  it('reads a 200k-node page in linear time', () => {
    const doc = load('<body></body>');
    const build = (paragraphs: number) => {
      const article = doc.createElement('article');
      for (let i = 0; i < paragraphs; i++) {
        const p = doc.createElement('p');
        p.append('Sentence ', doc.createElement('b'), ' and more text.');
        (p.childNodes[1] as Element).textContent = `bold ${i}`;
        article.append(p);
      }
      return article;
    };
    const small = build(5_000); // 5 nodes per paragraph: 25k nodes
    const large = build(40_000); // 200k nodes
    // Work is counted as the walker's moves (a wall-clock ratio breaks on a busy machine).
    const moves = ['firstChild', 'nextSibling', 'parentNode'] as const;
    const read = (el: Element) => {
      const proto = TreeWalker.prototype;
      const originals = moves.map((m) => [m, proto[m]] as const);
      let count = 0;
      for (const [m, original] of originals) {
        proto[m] = function (this: TreeWalker) {
          count++;
          return original.call(this);
        };
      }
      try {
        const pt = readText(el);
        return { moves: count, pt };
      } finally {
        for (const [m, original] of originals) proto[m] = original;
      }
    };
    const a = read(small);
    const b = read(large);
    expect(b.pt.chunks).toHaveLength(120_000);
    expect(b.pt.text.length).toBeGreaterThan(40_000 * 30);
    // 8× the nodes: 8× the moves, each node entered once and left once (a walk that went back
    // over what it read would make far more).
    expect(a.moves).toBeGreaterThan(25_000);
    expect(b.moves).toBeLessThanOrEqual(8 * a.moves + 10);
  }, 60_000);
});

describe('createTextWalk', () => {
  it('gives the same segments in small steps as in one go, and readText joins them', () => {
    document.body.innerHTML = `<article><h1>Title</h1>${'<p>Para <i>with</i> text.</p><ul><li>One</li><li>Two</li></ul>'.repeat(50)}</article>`;
    const root = document.querySelector('article') as HTMLElement;
    const all = readSegments(root);
    const stepped: TextSegment[] = [];
    const walk = createTextWalk(root, { segment: (s) => stepped.push(s) });
    let steps = 0;
    while (!walk.step(7)) steps++;
    expect(steps).toBeGreaterThan(50);
    expect(stepped.map((s) => s.text)).toEqual(all.map((s) => s.text));
    expect(readText(root).text).toBe(all.map((s) => s.text).join('\n'));
  });

  it('stops a step when its time is up, at most 128 nodes after, and resumes where it stopped', () => {
    document.body.innerHTML = `<article>${'<p>Para <i>with</i> text.</p>'.repeat(400)}</article>`;
    const root = document.querySelector('article') as HTMLElement;
    const all = readSegments(root);
    const stepped: TextSegment[] = [];
    const walk = createTextWalk(root, { segment: (s) => stepped.push(s) });
    let asked = 0;
    // Time is up at the first question: a step of up to a million nodes reads 127.
    expect(walk.step(1_000_000, () => ++asked > 0)).toBe(false);
    expect(asked).toBe(1);
    expect(stepped.length).toBeLessThan(40);
    let steps = 1;
    while (!walk.step(129, () => true)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(stepped.map((s) => s.text)).toEqual(all.map((s) => s.text));
  });

  it('notices when the page removes the node it stood on, and reports frames in readable content', () => {
    document.body.innerHTML =
      '<article><p>One</p><p id="gone">Two</p><iframe></iframe><nav><iframe id="n"></iframe></nav></article>';
    const root = document.querySelector('article') as HTMLElement;
    const frames: Element[] = [];
    const walk = createTextWalk(root, { segment: () => {}, frame: (f) => frames.push(f) });
    walk.step(3); // stands inside #gone
    document.getElementById('gone')?.remove();
    expect(walk.step(100)).toBe(true);
    expect(walk.lost).toBe(true);
    const again = createTextWalk(root, { segment: () => {}, frame: (f) => frames.push(f) });
    again.step(100);
    expect(frames.map((f) => f.id)).toEqual(['']); // the article's frame, not the nav's
  });
});
