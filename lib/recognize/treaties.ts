/**
 * Treaty names found by pattern: "Договор/Соглашение/Конвенция … о|об|по …" over the name
 * phrase, "Treaty on …", "… Agreement", and article references ("статья 5", "Article 5").
 * Known treaty names and the treaty-law glossary come from the phrase lexicon.
 */
import { type Doc, isCapWord } from './document';
import { looksLikeNominal, looksLikeVerb, NAME_STOP_WORDS, treatyHead } from './russian';
import type { Token } from './tokens';

const RU_NAME_PREPOSITIONS = new Set(['о', 'об', 'обо', 'по']);
const RU_ARTICLE = new Set(['статья', 'статьи', 'статье', 'статью', 'статьей', 'статьею']);
// "в области/в сфере …" continues a name ("Соглашение о сотрудничестве в области …").
const RU_FIELD = new Set(['области', 'сфере']);

const EN_HEADS = new Set([
  'treaty',
  'treaties',
  'agreement',
  'agreements',
  'accord',
  'accords',
  'convention',
  'conventions',
  'pact',
  'protocol',
  'memorandum',
  'charter',
]);
const EN_NAME_PREPOSITIONS = new Set(['on', 'of', 'for', 'between', 'concerning']);
const EN_CONNECTORS = new Set(['the', 'of', 'and', 'on', 'in', 'for', 'to', 'against', '-']);
const EN_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'new']);

function capitalize(s: string): string {
  return (s[0] ?? '').toUpperCase() + s.slice(1);
}

function slice(doc: Doc, from: number, to: number): string {
  const a = doc.tokens[from] as Token;
  const b = doc.tokens[to - 1] as Token;
  return doc.text.slice(a.start, b.end);
}

/** Index of the first lower-case "и" within the next few tokens before any punctuation. */
function listContinues(doc: Doc, from: number): boolean {
  for (let k = from; k < from + 6; k++) {
    const t = doc.tokens[k];
    if (!t || t.gap === '\n') return false;
    if (t.kind === 'punct') return t.text === ',';
    if (t.key === 'и') return true;
  }
  return false;
}

function russianName(doc: Doc, i: number): void {
  const t = doc.tokens[i] as Token;
  const head = treatyHead(t.key);
  if (!head || !(isCapWord(doc, i) || t.shape === 'upper')) return;
  const prep = doc.tokens[i + 1];
  if (prep?.gap !== ' ' || !RU_NAME_PREPOSITIONS.has(prep.key)) return;
  let end = -1;
  let k = i + 2;
  let words = 0;
  while (k < doc.tokens.length && words < 12) {
    const w = doc.tokens[k] as Token;
    if (w.gap === '\n') break;
    if (w.kind === 'punct') {
      if (w.text === ',' && end === k && listContinues(doc, k + 1)) {
        k++;
        continue;
      }
      if (w.text === '-' && w.gap === '') {
        k++;
        continue;
      }
      break;
    }
    if (w.kind !== 'word') break;
    if (w.key === 'и' && end === k) {
      k++;
      continue;
    }
    if (w.key === 'в' && RU_FIELD.has(doc.tokens[k + 1]?.key ?? '') && end === k) {
      k += 2;
      end = k;
      words += 2;
      continue;
    }
    const covered = doc.coveredBy[k];
    if (covered && covered.type !== 'TREATY') break;
    if (w.shape === 'upper' || NAME_STOP_WORDS.has(w.key)) break;
    if (looksLikeVerb(w.key) || !looksLikeNominal(w.key)) break;
    words++;
    k++;
    end = k;
  }
  if (end < 0 || words === 0) return;
  const rest = slice(doc, i + 1, end);
  const canonical = `${capitalize(head.nominative)} ${rest}`;
  doc.candidates.push({ start: i, end, type: 'TREATY', canonical, tier: 4 });
}

function englishName(doc: Doc, i: number): void {
  const t = doc.tokens[i] as Token;
  if (!EN_HEADS.has(t.key) || t.shape !== 'title' || doc.capsLine[i]) return;
  // Capitalised words before the head: "Non-Proliferation Treaty", "Good Friday Agreement".
  let start = i;
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    const w = doc.tokens[k] as Token;
    const next = doc.tokens[k + 1] as Token;
    if (next.gap === '\n') break;
    if (w.kind === 'punct' && w.text === '-' && next.gap === '') continue;
    if (!isCapWord(doc, k) && !(w.shape === 'upper' && w.kind === 'word')) break;
    if (EN_DETERMINERS.has(w.key)) break;
    const covered = doc.coveredBy[k];
    if (covered && covered.type === 'ORG') break;
    start = k;
  }
  // A prepositional name after it: "Treaty on the Non-Proliferation of Nuclear Weapons".
  let end = i + 1;
  const prep = doc.tokens[i + 1];
  if (prep && prep.gap === ' ' && EN_NAME_PREPOSITIONS.has(prep.key)) {
    let k = i + 2;
    let lastCap = -1;
    while (k < doc.tokens.length && k < i + 14) {
      const w = doc.tokens[k] as Token;
      if (w.gap === '\n') break;
      if (isCapWord(doc, k) || (w.kind === 'word' && w.shape === 'upper')) lastCap = k;
      else if (!EN_CONNECTORS.has(w.key)) break;
      k++;
    }
    if (lastCap > 0) end = lastCap + 1;
  }
  if (start === i && end === i + 1) return;
  const canonical = slice(doc, start, end);
  doc.candidates.push({ start, end, type: 'TREATY', canonical, tier: 4 });
}

function article(doc: Doc, i: number): void {
  const t = doc.tokens[i] as Token;
  const num = doc.tokens[i + 1];
  if (num?.gap !== ' ' || num.kind !== 'num') return;
  if (RU_ARTICLE.has(t.key)) {
    doc.candidates.push({
      start: i,
      end: i + 2,
      type: 'TREATY',
      canonical: `статья ${num.text}`,
      tier: 4,
    });
  } else if (t.key === 'article') {
    doc.candidates.push({
      start: i,
      end: i + 2,
      type: 'TREATY',
      canonical: `Article ${num.text}`,
      tier: 4,
    });
  }
}

export function proposeTreaties(doc: Doc): void {
  if (doc.lang === 'other') return;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i] as Token;
    if (t.kind !== 'word') continue;
    if (t.script === 'cyr') russianName(doc, i);
    else if (t.script === 'lat') englishName(doc, i);
    article(doc, i);
  }
}
