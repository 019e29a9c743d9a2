// Deterministic selection of CoNLL-2003 English paragraphs for the treaty dev set.
// Usage: node scripts/treaty-set-select-en.mjs > candidates.txt   (seed fixed below; corpora in ../shared/corpora
// beside the repository, or GLOSSA_CORPORA). Prints paragraph text: keep the output out of the repository.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CORPORA =
  process.env.GLOSSA_CORPORA ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpora');
const SEED = 20261206;
const FILES = ['conll2003-train', 'conll2003-dev'];
const TARGET = { A: 134, B: 30, C: 28 };
const PER_DOC_MAX = 3;

// treaty-dense cues (abbreviations case-sensitive)
// (bare "convention", "protocol", "accord" and treaty-city names are look-alikes: they go to the hard-negative pool)
const strongI =
  /\b(treat(y|ies)|accords|pacts?|cease-?fires?|truces?|armistice|sanctions?|ratif\w*|accession|entry into force|oil-for-food|embargo\w*|peace (deal|agreement|plan|pact|accord|treaty)|non-proliferation|test ban|(signed|reached|clinched|an?|the) accord|international convention)\b/i;
const strongC =
  /\b(\w+ Convention on|NPT|CTBT|START|NAFTA|GATT|WTO|Maastricht|Dayton|SALT|ABM|Schengen|Lome)\b/;
const agreement = /\b(agreements?|deal(?! with)|signed|signing)\b/i;
const intl =
  /\b(government|minister|president|peace|talks|Israel\w*|Palestin\w*|Iraq\w*|UN|U\.N\.|United Nations|EU|European Union|NATO|rebels?|border|foreign|bilateral|diplomat\w*|envoy|Moscow|Washington|Beijing|Chechen\w*|Bosnia\w*|Serb\w*|Croat\w*|troops|security council|sovereign\w*)\b/;
// hard-negative cues: look-alike vocabulary outside treaty law
const lookalike =
  /\b(agreements?|agreed|contracts?|deal(?! with)|merger|licen[cs]\w*|sponsorship|wage|protocol|conventions?|conventional|sanctioned|takes? effect|into effect|signed|signing|accord|out-of-court settlement|Geneva|Oslo|Hebron|Helsinki|peace talks)\b/i;

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
function shuffle(a) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function eligible(line) {
  if (line.length < 60) return false;
  const letters = line.replace(/[^A-Za-z]/g, '');
  if (letters.length < 30) return false;
  if (letters.replace(/[^A-Z]/g, '').length / letters.length > 0.5) return false; // headline in capitals
  const toks = line.split(' ');
  if (toks.filter((t) => /\d/.test(t)).length / toks.length > 0.3) return false; // table / results line
  if (!/[.?!"']$/.test(line)) return false; // not a sentence (scores, rosters, tables)
  if (toks.filter((t) => /^[a-z]/.test(t)).length / toks.length < 0.25) return false; // name lists
  return true;
}
const isA = (l) => strongI.test(l) || strongC.test(l) || (agreement.test(l) && intl.test(l));
const isB = (l) => !isA(l) && lookalike.test(l);

const pools = { A: [], B: [], C: [] };
for (const f of FILES) {
  for (const raw of fs.readFileSync(path.join(CORPORA, `${f}.jsonl`), 'utf8').split('\n')) {
    if (!raw) continue;
    const d = JSON.parse(raw);
    const lines = d.text.split('\n');
    const starts = [];
    let o = 0;
    for (const l of lines) {
      starts.push(o);
      o += l.length + 1;
    }
    for (let i = 0; i < lines.length; i++) {
      if (!eligible(lines[i])) continue;
      const kind = isA(lines[i]) ? 'A' : isB(lines[i]) ? 'B' : 'C';
      // a treaty paragraph takes up to two following lines of the same story that are also treaty lines
      let j = i;
      if (kind === 'A')
        while (j + 1 < lines.length && j - i < 2 && eligible(lines[j + 1]) && isA(lines[j + 1]))
          j++;
      pools[kind].push({
        src: f,
        id: d.id,
        line: i,
        lastLine: j,
        start: starts[i],
        end: starts[j] + lines[j].length,
        text: d.text.slice(starts[i], starts[j] + lines[j].length),
      });
    }
  }
}
const taken = [];
const perDoc = new Map();
const overlaps = (p) => taken.some((q) => q.id === p.id && q.start < p.end && p.start < q.end);
for (const kind of ['A', 'B', 'C']) {
  let n = 0;
  for (const p of shuffle(pools[kind])) {
    if (n >= TARGET[kind]) break;
    if ((perDoc.get(p.id) ?? 0) >= PER_DOC_MAX || overlaps(p)) continue;
    perDoc.set(p.id, (perDoc.get(p.id) ?? 0) + 1);
    taken.push({ ...p, kind });
    n++;
  }
  console.error(kind, 'pool', pools[kind].length, 'taken', n);
}
taken.sort(
  (a, b) =>
    a.src.localeCompare(b.src) ||
    Number(a.id.split('/')[1]) - Number(b.id.split('/')[1]) ||
    a.start - b.start,
);
for (const p of taken)
  console.log(`@ ${p.src}#${p.id}@${p.start}-${p.end}\n# kind ${p.kind}\n${p.text}\n`);
