/**
 * Is this page an article? Glossa marks news and analysis, not search results, mail, feeds or web
 * apps, where marks would be noise (and the DOM churns). The user can override per site
 * ("annotate anyway", lib/page/site.ts).
 *
 * The rule, in order:
 * 1. A search results page is not an article: the address carries a query (q=, query=, search=,
 *    text=, s=) whose value is echoed in a text field of the page.
 * 2. There must be prose: at least MIN_PROSE characters in paragraphs of the article root that are
 *    not mostly link text (see proseLength).
 * 3. A web app is not an article: more than MAX_CONTROLS_PER_1K interactive controls (buttons,
 *    fields, rows, menu items, editable regions…) per 1,000 characters of prose (news pages with
 *    heavy furniture stay under 45), or a role=application region. Except a page that declares
 *    itself an article (below) and that Reader View accepts: share bars, polls and a comment
 *    thread with a row of buttons per comment can outnumber the prose of a real article, so for
 *    such a page only an application region around the article text itself makes it an app.
 * 4. Then it is an article if Firefox Reader View's own test says so (`isProbablyReaderable` from
 *    @mozilla/readability: enough long visible paragraphs outside likely boilerplate), or if the
 *    page declares itself one (og:type=article, article:published_time, or schema.org
 *    Article/NewsArticle/BlogPosting data) and has at least MIN_PROSE_DECLARED of prose.
 *
 * All DOM reads, no layout: linear in the size of the page, a few ms on a large one.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { createSlicer } from './schedule';
import { articleRootInSteps, isSkippedElement } from './text';

export interface ArticleVerdict {
  article: boolean;
  /** Why, in a few words (shown in the popup when the page is not annotated). */
  reason: string;
  readerable: boolean;
  declared: boolean;
  /** Characters of prose paragraphs in the root (counted until the verdict was clear). */
  prose: number;
  /** Interactive controls in the document. */
  controls: number;
  searchResults: boolean;
}

export const MIN_PROSE = 400;
export const MIN_PROSE_DECLARED = 250;
export const MAX_CONTROLS_PER_1K = 60;

const PROSE_MIN_PARAGRAPH = 80;

/** Roles of interactive widgets (an app's rows, options, tabs… count like buttons and fields). */
const CONTROL_ROLES: ReadonlySet<string> = new Set([
  'button',
  'checkbox',
  'row',
  'gridcell',
  'option',
  'menuitem',
  'treeitem',
  'tab',
  'switch',
  'textbox',
]);

const QUERY_PARAMS = ['q', 'query', 'search', 'text', 's', 'k', 'p', 'keywords'];

const ARTICLE_TYPES =
  /"@type"\s*:\s*(\[[^\]]*)?"(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|ScholarlyArticle|Report)"/;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/**
 * Length of text with runs of whitespace counted once. CJK characters count three times: one
 * carries about as much as a short word, so a Chinese paragraph is as "long" as its translation.
 */
export function normalizedLength(s: string): number {
  const t = s.replace(/\s+/g, ' ').trim();
  const cjk = t.match(CJK);
  return t.length + (cjk ? cjk.length * 2 : 0);
}

/** Inside page chrome or a skipped subtree (checked up to root). */
function inChrome(el: Element, root: Element): boolean {
  if (el.closest('nav, aside, footer, form, [role=navigation], [role=complementary]')) return true;
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (isSkippedElement(at)) return true;
  }
  return false;
}

/** Link characters inside el. */
function linkLength(el: Element): number {
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += normalizedLength(a.textContent ?? '');
  return links;
}

/**
 * Characters of prose under root: paragraphs (<p>), and text written straight into a div or cell
 * (pages that separate paragraphs with <br>), of ≥ 80 characters with under half in links,
 * outside page chrome.
 */
export function proseLength(root: Element, enough = Number.POSITIVE_INFINITY): number {
  let total = 0;
  for (const p of root.querySelectorAll('p')) {
    const len = normalizedLength(p.textContent ?? '');
    if (len < PROSE_MIN_PARAGRAPH || linkLength(p) * 2 >= len) continue;
    if (!inChrome(p, root)) total += len;
    if (total >= enough) return total; // the verdict cannot change any more
  }
  for (const el of root.querySelectorAll('div, td, section, article, main')) {
    if (total >= enough) return total;
    let direct = '';
    for (const child of el.childNodes) {
      if (child.nodeType === 3) direct += (child as Text).data;
    }
    const len = normalizedLength(direct);
    if (len >= PROSE_MIN_PARAGRAPH && !inChrome(el, root)) total += len;
  }
  return total;
}

/** The address carries a search query that a text field on the page repeats. */
export function looksLikeSearchResults(doc: Document): boolean {
  let params: URLSearchParams;
  try {
    params = new URL(doc.URL).searchParams;
  } catch {
    return false;
  }
  const queries = QUERY_PARAMS.map((k) => params.get(k)?.trim().toLowerCase() ?? '').filter(
    (v) => v.length > 0,
  );
  if (queries.length === 0) return false;
  for (const input of doc.querySelectorAll('input:not([type=hidden]), textarea')) {
    const value = (input as HTMLInputElement).value?.trim().toLowerCase();
    if (value && queries.includes(value)) return true;
  }
  return false;
}

/** The page says it is an article in its metadata. */
export function declaresArticle(doc: Document): boolean {
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content') ?? '';
  if (/article/i.test(meta('meta[property="og:type"]'))) return true;
  if (meta('meta[property="article:published_time"]')) return true;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    if (ARTICLE_TYPES.test(script.textContent ?? '')) return true;
  }
  return /schema\.org\/(News)?Article|schema\.org\/BlogPosting/i.test(
    doc.querySelector('[itemtype]')?.getAttribute('itemtype') ?? '',
  );
}

/**
 * Interactive controls in the document: buttons, fields, editable regions, widget roles. Counted
 * by tag name and by attribute: one complex selector list costs far more on a huge page
 * (docs/architecture.md, "Measured figures behind the code").
 */
export function countControls(doc: Document): number {
  let controls = 0;
  for (const tag of ['button', 'select', 'textarea'])
    controls += doc.getElementsByTagName(tag).length;
  for (const input of doc.getElementsByTagName('input')) {
    if ((input.getAttribute('type') ?? '').toLowerCase() !== 'hidden') controls++;
  }
  for (const el of doc.querySelectorAll('[role]')) {
    if (CONTROL_ROLES.has(el.getAttribute('role') ?? '')) controls++;
  }
  for (const el of doc.querySelectorAll('[contenteditable]')) {
    if ((el.getAttribute('contenteditable') ?? '').toLowerCase() !== 'false') controls++;
  }
  return controls;
}

function safeReaderable(doc: Document): boolean {
  try {
    return isProbablyReaderable(doc);
  } catch {
    return false;
  }
}

function decide(
  doc: Document,
  root: Element,
  controls: number,
  readerable: boolean,
): ArticleVerdict {
  const searchResults = looksLikeSearchResults(doc);
  // Enough prose to pass both the length and the web-app tests: no need to count further.
  const enough = Math.max(MIN_PROSE, (controls / MAX_CONTROLS_PER_1K) * 1000) + 1;
  const prose = searchResults ? 0 : proseLength(root, enough);
  const declared = declaresArticle(doc);
  const webApp =
    declared && readerable
      ? root.closest('[role=application]') !== null
      : doc.querySelector('[role=application]') !== null ||
        controls > (prose / 1000) * MAX_CONTROLS_PER_1K;
  const verdict = (article: boolean, reason: string): ArticleVerdict => ({
    article,
    reason,
    readerable,
    declared,
    prose,
    controls,
    searchResults,
  });
  if (searchResults) return verdict(false, 'This looks like a page of search results.');
  if (prose < MIN_PROSE_DECLARED || (prose < MIN_PROSE && !declared)) {
    return verdict(false, 'This page has too little running text to be an article.');
  }
  if (webApp) {
    return verdict(false, 'This looks like a web application rather than an article.');
  }
  if (readerable || declared) return verdict(true, 'article');
  return verdict(false, 'This page does not look like an article.');
}

export function judgeArticle(doc: Document, root: Element): ArticleVerdict {
  return decide(doc, root, countControls(doc), safeReaderable(doc));
}

/**
 * The same judgement in steps, each a few ms on a large page (finding the article root, counting
 * controls, Reader View's test, the verdict), so a caller can hand the main thread back between
 * them. Step with next(); the last one returns the root and the verdict.
 */
export function* judgeInSteps(
  doc: Document,
): Generator<void, { root: Element; verdict: ArticleVerdict }, void> {
  const root = yield* articleRootInSteps(doc);
  yield;
  const controls = countControls(doc);
  yield;
  const readerable = safeReaderable(doc);
  yield;
  return { root, verdict: decide(doc, root, controls, readerable) };
}

/** A judgement under way, in slices with the main thread handed back between steps. */
export interface Judgement {
  root: Element;
  verdict: ArticleVerdict;
  /** Longest step (ms). */
  longestStepMs: number;
  /** Steps taken, and times the main thread was handed back between them. */
  steps: number;
  yields: number;
}

export interface Judging {
  /** The judgement; null if cancelled first. */
  result: Promise<Judgement | null>;
  /** The judgement once finished (at once when it fit in the first slice), else undefined. */
  readonly done: Judgement | undefined;
  /** Stop after the current step (the verdict is not needed after all). */
  cancel(): void;
  readonly cancelled: boolean;
}

/**
 * Start judging now. The content script does so before its settings arrive (the longest step
 * before the first marks can then overlap the wait), and cancels when settings say no article
 * test is needed: a site switched off costs at most the steps taken meanwhile.
 */
export function startJudging(doc: Document, slicing: Parameters<typeof createSlicer>[0]): Judging {
  let cancelled = false;
  let done: Judgement | undefined;
  const slicer = createSlicer(slicing);
  const run = async (): Promise<Judgement | null> => {
    const steps = judgeInSteps(doc);
    slicer.begin();
    let longestStepMs = 0;
    let taken = 0;
    for (;;) {
      if (cancelled) return null;
      const started = slicing.now();
      const next = steps.next();
      taken++;
      longestStepMs = Math.max(longestStepMs, slicing.now() - started);
      if (next.done) {
        done = { ...next.value, longestStepMs, steps: taken, yields: slicer.pauses };
        return done;
      }
      if (slicer.due()) await slicer.pause();
    }
  };
  return {
    result: run(),
    cancel() {
      cancelled = true;
    },
    get cancelled() {
      return cancelled;
    },
    get done() {
      return done;
    },
  };
}
