/**
 * What share of the people, places and treaties the memory would keep of real pages the registers
 * know, and how often the name a page used is the register's own name in the page's language:
 * the entity mix scripts/bench-memory-data.ts draws from (docs/memory.md, "Measured").
 *
 *   npx tsx scripts/memory-entity-mix.ts [--pages DIR] [--corpus FILE.jsonl] [--json]
 *
 * Pages: every *.html of DIR (default: the shared readability pages), read as the extension reads
 * them; corpus: every document of a JSONL corpus (default: nerel-dev, Russian news). Each page's
 * mentions are grouped as the recorder groups them (lib/memory/record.ts articleEntities); an
 * entity is registered when its treaty is, its place is a country (country-codes.ts), or its
 * person is in the people register (lookupPerson), whatever key today's recorder gives it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCorpusLine } from '../lib/eval/corpus';
import { registeredName } from '../lib/memory/entity-names';
import { articleEntities } from '../lib/memory/record';
import { asRendered } from '../lib/page/batches';
import { findArticleRoot, readSegments } from '../lib/page/text';
import { countryCode } from '../lib/recognize/country-codes';
import { createRecognizer } from '../lib/recognize/index';
import { lookupPerson } from '../lib/recognize/people-register';
import { sharedDir } from './shared-dir';

const { values } = parseArgs({
  options: {
    pages: { type: 'string' },
    corpus: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

interface JsdomModule {
  JSDOM: new (html: string) => { window: { document: Document; close(): void } };
}

function htmlText(html: string): string {
  const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;
  // Style sheets carry no text, and some make jsdom's CSS parser throw.
  const dom = new JSDOM(html.replace(/<style[\s\S]*?<\/style>/gi, ''));
  try {
    return readSegments(findArticleRoot(dom.window.document))
      .map((s) => asRendered(s.text))
      .join('\n');
  } finally {
    dom.window.close();
  }
}

type Kind = 'PER' | 'LOC' | 'TREATY';
interface Tally {
  docs: number;
  entities: number;
  byType: Record<
    Kind,
    { all: number; registered: number; sameName: number; otherChars: number; otherBytes: number }
  >;
}

const recognizer = createRecognizer();
const encoder = new TextEncoder();

function tallyDoc(tally: Tally, text: string, lang: string | undefined): void {
  const mentions = recognizer.recognize(text, lang ? { lang } : undefined);
  const language = lang ?? (/[а-яё]/i.test(text) ? 'ru' : 'en');
  tally.docs += 1;
  for (const e of articleEntities(mentions)) {
    const type = e.key.slice(0, e.key.indexOf(':')) as Kind;
    let id: string | undefined;
    if (type === 'TREATY') id = e.key;
    else if (type === 'LOC') {
      const code = countryCode(e.name);
      if (code) id = `LOC:${code}`;
    } else {
      const person = lookupPerson(e.name);
      if (person) id = `PER:${person.id}`;
    }
    tally.entities += 1;
    const t = tally.byType[type];
    t.all += 1;
    if (!id) {
      t.otherChars += e.name.length;
      t.otherBytes += encoder.encode(e.name).length;
      continue;
    }
    t.registered += 1;
    if (registeredName(id, language) === e.name) t.sameName += 1;
  }
}

function emptyTally(): Tally {
  const z = () => ({ all: 0, registered: 0, sameName: 0, otherChars: 0, otherBytes: 0 });
  return { docs: 0, entities: 0, byType: { PER: z(), LOC: z(), TREATY: z() } };
}

const pagesDir = values.pages ?? path.join(sharedDir('pages', 'GLOSSA_PAGES_DIR'), 'readability');
const corpus =
  values.corpus ?? path.join(sharedDir('corpora', 'GLOSSA_CORPORA'), 'nerel-dev.jsonl');
const results: Record<string, Tally> = {};

const pages = emptyTally();
for (const f of readdirSync(pagesDir)
  .filter((n) => n.endsWith('.html'))
  .sort()) {
  tallyDoc(pages, htmlText(readFileSync(path.join(pagesDir, f), 'utf8')), undefined);
}
results[pagesDir] = pages;
const docs = emptyTally();
readFileSync(corpus, 'utf8')
  .split('\n')
  .forEach((line, i) => {
    if (!line.trim()) return;
    const doc = parseCorpusLine(line, i + 1);
    tallyDoc(docs, doc.text, doc.lang);
  });
results[corpus] = docs;

if (values.json) console.log(JSON.stringify(results, null, 2));
else {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : 'n/a');
  for (const [source, t] of Object.entries(results)) {
    console.log(
      `${source}: ${t.docs} documents, ${t.entities} entities kept (${(t.entities / Math.max(1, t.docs)).toFixed(1)} a document)`,
    );
    let all = 0;
    let reg = 0;
    let same = 0;
    for (const [type, x] of Object.entries(t.byType)) {
      all += x.all;
      reg += x.registered;
      same += x.sameName;
      console.log(
        `  ${type.padEnd(6)} ${String(x.all).padStart(5)}  registered ${String(x.registered).padStart(5)} (${pct(x.registered, x.all)}); of those, named as the register names them in the page's language ${pct(x.sameName, x.registered)}; the others' names ${(x.otherChars / Math.max(1, x.all - x.registered)).toFixed(1)} characters, ${(x.otherBytes / Math.max(1, x.all - x.registered)).toFixed(1)} bytes (UTF-8) on average`,
      );
    }
    console.log(
      `  all    ${String(all).padStart(5)}  registered ${String(reg).padStart(5)} (${pct(reg, all)}); named as the register does ${pct(same, reg)}`,
    );
  }
}
