/**
 * Glossa's first recognizer: lexicon + rules, pure TypeScript, synchronous, no I/O.
 * Finds people, places and treaty terms in Russian and English news (see NOTES.md), and only
 * country names in other languages.
 */
import type { Mention, RecognizeOptions, Recognizer } from '../entities';
import { createDoc } from './document';
import { groupPeople } from './group';
import { pickLanguage } from './language';
import { getLexicon } from './lexicon';
import { proposePeople } from './people';
import { proposePlaces } from './places';
import { selectCandidates } from './select';
import { type Token, tokenize } from './tokens';
import { proposeTreaties } from './treaties';

export const RECOGNIZER_ID = 'glossa-rules-1';

/** Capitalised words that make a place name part of an event's or organisation's name. */
const NAME_HEADS_AFTER = new Set(
  'open games cup championship championships masters classic grand festival olympics series trophy league stock exchange airlines airways bank university times post herald journal telecom motors council party ministry department police army navy commission agency corp inc ltd group railways television radio club'.split(
    ' ',
  ),
);
const NAME_HEADS_BEFORE_OF = new Set(
  'bank university council commission ministry federation association league union institute museum church'.split(
    ' ',
  ),
);

/** "U.S. Open", "Air France", "National Bank of Poland": in English news these are not places. */
function partOfEnglishName(tokens: readonly Token[], start: number, end: number): boolean {
  const next = tokens[end];
  if (next && next.gap === ' ' && next.shape === 'title' && NAME_HEADS_AFTER.has(next.key))
    return true;
  const prev = tokens[start - 1];
  if (prev && prev.shape === 'title' && prev.key === 'air') return true;
  const head = tokens[start - 2];
  return (
    prev?.key === 'of' && !!head && head.shape === 'title' && NAME_HEADS_BEFORE_OF.has(head.key)
  );
}

const OPEN_QUOTES = new Set(['«', '"', '“', '„']);
const CLOSE_QUOTES = new Set(['»', '"', '”', '“']);

/** «Барселона», «Ленинград»: a place name in quotes names a club, band, paper or ship. */
function quotedName(tokens: readonly Token[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  const first = tokens[start];
  const after = tokens[end];
  return (
    !!before &&
    !!first &&
    !!after &&
    OPEN_QUOTES.has(before.text) &&
    first.gap === '' &&
    CLOSE_QUOTES.has(after.text) &&
    after.gap === ''
  );
}

function recognizeText(text: string, options?: RecognizeOptions): Mention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const lex = getLexicon();
  const lang = pickLanguage(text, options?.lang);
  const tokens = tokenize(text);
  const doc = createDoc(text, tokens, lex, lang);
  // Phrase lexicon hits: places, organisations, treaty names and terms, learned people.
  for (let i = 0; i < tokens.length; i++) {
    const m = doc.phraseAt[i];
    if (!m || m.entry.type === 'PER' || m.entry.type === 'ROLE') continue;
    doc.candidates.push({
      start: i,
      end: m.end,
      type: m.entry.type,
      canonical: m.entry.canonical,
      tier: m.entry.curated ? 4 : 3,
    });
  }
  proposeTreaties(doc);
  proposePeople(doc);
  proposePlaces(doc);
  const chosen = groupPeople(doc, selectCandidates(doc)).filter(
    (c) =>
      !(
        c.type === 'LOC' &&
        (quotedName(tokens, c.start, c.end) ||
          (lang === 'en' && partOfEnglishName(tokens, c.start, c.end)))
      ),
  );
  const mentions: Mention[] = [];
  for (const c of chosen) {
    if (c.type === 'ORG') continue;
    const start = tokens[c.start]?.start ?? 0;
    const end = tokens[c.end - 1]?.end ?? start;
    if (end <= start) continue;
    mentions.push({
      start,
      end,
      type: c.type,
      text: text.slice(start, end),
      canonical: c.canonical,
    });
  }
  return mentions;
}

export function createRecognizer(): Recognizer {
  return {
    id: RECOGNIZER_ID,
    recognize(text: string, options?: RecognizeOptions): Mention[] {
      try {
        return recognizeText(text, options);
      } catch {
        // A recognizer failure must never break the page: no marks rather than an exception.
        return [];
      }
    },
  };
}
