/**
 * A long synthetic foreign-affairs article for benchmarks: seeded (the same words every run),
 * English running text in <p> paragraphs with people, places and treaty terms at a realistic
 * density, inside an ordinary news page (header, nav, article, aside, footer).
 */
import { seededRandom } from './seeded-random';

const PEOPLE = [
  'Vladimir Putin',
  'Kim Jong Un',
  'Sergei Lavrov',
  'Antony Blinken',
  'Wang Yi',
  'Olaf Scholz',
  'Emmanuel Macron',
  'Recep Tayyip Erdogan',
  'Fumio Kishida',
  'Yoon Suk Yeol',
  'Narendra Modi',
  'Ursula von der Leyen',
];
const PLACES = [
  'Moscow',
  'Pyongyang',
  'Beijing',
  'Washington',
  'Seoul',
  'Tokyo',
  'Berlin',
  'Paris',
  'Ankara',
  'Geneva',
  'Brussels',
  'Kyiv',
  'Warsaw',
  'New Delhi',
];
const TREATIES = [
  'the ratification of the treaty',
  'the Treaty on the Non-Proliferation of Nuclear Weapons',
  'a ceasefire',
  'new sanctions',
  'the New START treaty',
  'mutual military assistance',
  'the accession of Finland and Sweden',
  'a comprehensive strategic partnership',
];
const FILLER = [
  'officials said on condition of anonymity',
  'according to people familiar with the talks',
  'as markets watched closely',
  'after weeks of negotiations',
  'in a statement released late on Tuesday',
  'while analysts urged caution',
  'despite objections from several members',
  'ahead of a summit planned for the autumn',
];
const VERBS = ['met', 'called', 'criticised', 'thanked', 'warned', 'praised', 'visited'];
const TOPICS = [
  'trade',
  'security',
  'energy supplies',
  'grain exports',
  'the border',
  'arms control',
];

function sentence(pick: <T>(list: readonly T[]) => T): string {
  const forms = [
    () =>
      `${pick(PEOPLE)} ${pick(VERBS)} ${pick(PEOPLE)} in ${pick(PLACES)} to discuss ${pick(TREATIES)}, ${pick(FILLER)}.`,
    () =>
      `Diplomats in ${pick(PLACES)} and ${pick(PLACES)} said ${pick(TREATIES)} would shape talks on ${pick(TOPICS)}.`,
    () =>
      `The ministry described the meeting as constructive, ${pick(FILLER)}, and promised further talks on ${pick(TOPICS)}.`,
    () =>
      `Later, ${pick(PEOPLE)} told reporters that ${pick(TREATIES)} remained the priority for ${pick(PLACES)}.`,
    () =>
      `Observers noted that the delegations spent most of the day on ${pick(TOPICS)} and on the wording of the final communique.`,
  ];
  return pick(forms)();
}

/** Paragraph texts totalling at least `words` words. */
export function articleParagraphs(words: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const paragraphs: string[] = [];
  let total = 0;
  while (total < words) {
    const parts: string[] = [];
    const sentences = 3 + Math.floor(random() * 4);
    for (let i = 0; i < sentences; i++) parts.push(sentence(pick));
    const text = parts.join(' ');
    total += text.split(/\s+/).length;
    paragraphs.push(text);
  }
  return paragraphs;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A whole news page whose article has at least `words` words. */
export function articlePage(words: number, seed = 7): string {
  const body = articleParagraphs(words, seed)
    .map((p) => `      <p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>A very long read: ${words.toLocaleString('en')} words on diplomacy</title>
  <meta property="og:type" content="article">
  <style>body { font: 17px/1.55 Georgia, serif; margin: 0; } main { display: flex; gap: 24px; max-width: 1100px; margin: 0 auto; } article { flex: 3; } aside { flex: 1; }</style>
</head>
<body>
  <header><nav><a href="/">World</a> <a href="/politics">Politics</a> <a href="/moscow">Moscow</a></nav></header>
  <main>
    <article>
      <h1>A very long read on diplomacy</h1>
${body}
    </article>
    <aside><h2>Most read</h2><p>Kim Jong Un visits a factory; Sergei Lavrov in Geneva.</p></aside>
  </main>
  <footer><p>© The Example Times, Washington.</p></footer>
</body>
</html>
`;
}
