/**
 * Context words that tell an international agreement from a commercial or domestic one, and a
 * treaty-practice word from its everyday sense (shipped: small, read at runtime). Each list is a
 * closed class of news vocabulary, in lookup form (lower case, ё → е). The rules that read them
 * are in treaty-generic.ts and treaty-senses.ts; docs/recognition.md, "Treaty terms".
 */

const set = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

/**
 * Organisations of the curated list (curated/orgs.ts, by canonical name) that are states' organs
 * or intergovernmental bodies: a party to or a forum of international agreements.
 */
export const STATE_BODIES = new Set([
  'МИД',
  'Минобороны',
  'Генштаб',
  'Правительство',
  'Кабмин',
  'ООН',
  'НАТО',
  'ЕС',
  'ОБСЕ',
  'ШОС',
  'БРИКС',
  'ОДКБ',
  'СНГ',
  'ЕАЭС',
  'АСЕАН',
  'АТЭС',
  'МАГАТЭ',
  'ВОЗ',
  'ВТО',
  'МВФ',
  'Всемирный банк',
  'ЮНЕСКО',
  'ЮНИСЕФ',
  'ОПЕК',
  'ОЗХО',
  'МУС',
  'ЕСПЧ',
  'Пентагон',
  'Госдеп',
  'Госдума',
  'Совфед',
  'Совбез',
  'Конгресс',
  'Сенат',
  'Бундестаг',
  'Еврокомиссия',
  'Европарламент',
  'Совет Европы',
  'ПАСЕ',
  'United Nations',
  'NATO',
  'European Union',
  'European Commission',
  'European Parliament',
  'Council of Europe',
  'OSCE',
  'IAEA',
  'WHO',
  'WTO',
  'IMF',
  'World Bank',
  'OPEC',
  'UNESCO',
  'UNICEF',
  'ASEAN',
  'APEC',
  'SCO',
  'BRICS',
  'CSTO',
  'CIS',
  'Pentagon',
  'State Department',
  'Defense Department',
  'Defence Ministry',
  'Foreign Ministry',
  'Congress',
  'Senate',
  'Duma',
]);

/** Companies of the curated list: a private party to a contract. */
export const COMPANIES = new Set([
  'Газпром',
  'Роснефть',
  'Лукойл',
  'Сбербанк',
  'ВТБ',
  'РЖД',
  'Аэрофлот',
  'Ростех',
]);

/**
 * English noun and adjective modifiers that make "… agreement/treaty/pact/accord" an instrument
 * between states: its subject matter ("an extradition agreement", "a free trade agreement") or
 * its parties ("bilateral"). Subjects of treaty practice (UN Treaty Series subject headings).
 */
export const INTERNATIONAL_MODIFIERS_EN = set(`
  bilateral multilateral trilateral international intergovernmental interstate inter-governmental
  peace ceasefire cease-fire truce armistice security defence defense military arms arms-control
  nuclear non-proliferation nonproliferation disarmament test-ban missile non-aggression nonaggression
  trade free-trade investment extradition visa visa-free visa-waiver border boundary maritime
  fisheries fishing transit readmission migration migrant refugee friendship cooperation
  co-operation partnership association alliance climate status-of-forces basing denuclearization
  denuclearisation grain water-sharing air-services double-taxation tax-treaty customs
  self-rule autonomy political oil-for-food aviation
`);

/** Subjects that companies' agreements share with states' ("a cooperation agreement"). */
export const SHARED_MODIFIERS_EN = set(`
  cooperation co-operation partnership association investment transit strategic customs
  framework security
`);

/** Modifiers that make a "deal" an international one (a deal is otherwise a sale or a bargain). */
export const INTERNATIONAL_DEAL_MODIFIERS_EN = set(`
  peace ceasefire cease-fire truce nuclear trade free-trade grain migration migrant refugee brexit
  security prisoner prisoner-swap hostage border denuclearization denuclearisation arms-control
  self-rule autonomy oil-for-food
`);

/**
 * Neutral words that may stand between a determiner and the head of an international
 * agreement ("a new bilateral trade agreement", "the proposed peace treaty").
 */
export const NEUTRAL_MODIFIERS_EN = set(`
  new proposed draft landmark historic interim final formal comprehensive broad long-term
  temporary preliminary framework provisional travel free strategic mutual economic control
  understanding
`);

/**
 * English words of commercial, employment and private agreements (guideline: unmarked). In the
 * modifier chain they rule an agreement out; near a bare head they outweigh place names.
 */
export const COMMERCIAL_WORDS_EN = set(`
  licensing license licence sponsorship sponsor endorsement merger acquisition takeover buyout
  lease leasing rental loan credit supply supplier distribution marketing purchase sale sales
  employment labor labour wage wages pay salary bonus pension collective-bargaining bargaining
  settlement plea prenuptial non-disclosure confidentiality franchise publishing book record
  recording broadcasting broadcast tv television transfer contract contracts company companies
  firm firms corporation corp inc ltd plc llc shareholders shares stake investors
  customers client clients studio label insurance royalty royalties joint-venture venture
  player players club clubs coach production-sharing
`);

/**
 * English words that put a bare "agreement" among states: parties, diplomats and the treaty
 * vocabulary (countries and places found by the lexicon count too).
 */
export const INTERNATIONAL_CONTEXT_EN = set(`
  bilateral multilateral international countries nations nation governments government minister
  ministers ministry foreign diplomat diplomats diplomatic summit treaty treaties ratify ratified
  ratification ambassador embassy sovereignty troops ceasefire peace war sanctions allies
  kremlin pentagon parliament parliaments envoy envoys negotiators nuclear border
`);

/**
 * Who else ratifies: shareholders, members and boards ratify mergers, contracts and results
 * (treaty-senses.ts keeps such a ratification only with a treaty or a state in sight).
 */
export const NON_STATE_RATIFIERS = set(`
  shareholders shareholder stockholders members union unions board directors voters electorate
  delegates congregation акционеры акционерами акционеров членами профсоюз профсоюзы
  профсоюзом собрание собранием советом директоров
`);

/** Bodies and words of sport, courts and discipline: their sanctions are not international. */
export const DOMESTIC_SANCTION_CUES_EN = set(`
  court courts judge judges jury lawyer lawyers attorney attorneys bar fifa uefa ioc wada ncaa
  nfl nba nhl mlb league club clubs player players team teams coach doping disciplinary referee
  match matches season athlete athletes federation commission-ethics ethics penalty penalties
  fine fines suspension suspended
`);

/**
 * Russian adjectives that make an agreement international: its parties (двусторонний,
 * межправительственный) or its subject (мирный, пограничный, визовый). Stems before the ending.
 * Not «трёхсторонний»: in Russian news that is mostly the social partners' agreement
 * (government, unions, employers).
 */
export const INTERNATIONAL_ADJECTIVE_RU =
  /^(?:международн|межгосударственн|межправительственн|двусторонн|многосторонн|мирн|торгов|пограничн|военн|оборонн|союзническ|союзн|ядерн|зернов|визов|безвизов|миграционн|разоруженческ|таможенн)(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ом|ем|ую|юю|ых|их|ым|им|ыми|ими|ей)$/;

/**
 * Russian adjectives of commercial, employment, court and party agreements (guideline:
 * unmarked or optional): "трудовой договор", "мировое соглашение" (a court settlement),
 * "коалиционное соглашение".
 */
export const COMMERCIAL_ADJECTIVE_RU =
  /^(?:трудов|кредитн|лицензионн|спонсорск|коллективн|брачн|арендн|миров|страхов|ипотечн|издательск|рекламн|агентск|партн[её]рск|коммерческ|коалиционн|досудебн|инвестиционн|концессионн|эксклюзивн|годов|долгосрочн|личн)(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ом|ем|ую|юю|ых|их|ым|им|ыми|ими|ей)$/;

/**
 * Russian nouns of private contracts, right after the head or after «о/об/на» ("договор
 * аренды", "договор о покупке", "контракт на поставку", "соглашение о признании вины").
 */
export const COMMERCIAL_NOUN_RU =
  /^(?:аренд|поставк|поставок|подряд|купли|купл|продаж|покупк|покупок|займ|кредит|дарени|найм|лизинг|страховани|франчайзинг|ипотек|слияни|поглощени|приобретени|спонсорств|трансфер|оказани|лицензи|обслуживани|полет|пол[её]т|признании|сотрудничестве с компани|работ|услуг|спонсор|реклам|съемк|съ[её]мк|издани|продлени|контракт|зарплат|заработн|оплат|доход|имуществ|налог|расход)/;

/**
 * Russian words of companies and private parties: near a lower-case "соглашение о …" with no
 * place in sight they make it a business agreement ("Сбербанк и Яндекс подписали соглашение о
 * сотрудничестве").
 */
export const PRIVATE_PARTY_RU =
  /^(?:компани|фирм|банк|холдинг|корпораци|концерн|акционер|клуб|игрок|контракт|работодател|профсоюз|издательств|арендатор|поставщик|покупател|продавц|инвестор|застройщик|подрядчик|оао|пао|зао|ооо|ао|стартап|производител|ритейлер|магазин|бренд|спонсор|предпринимател|промышленник)|банк(?:а|у|ом|е|и|ов)?$/;

/** Russian words of sport, courts and discipline near «санкции» (not international sanctions). */
export const DOMESTIC_SANCTION_CUE_RU =
  /^(?:суд|суда|суду|судом|суде|судья|судьи|судье|судьей|судебн\p{L}*|штраф\p{L}*|дисквалифик\p{L}*|клуб\p{L}*|игрок\p{L}*|болельщик\p{L}*|матч\p{L}*|лига|лиги|лигу|лигой|уефа|фифа|мок|wada|русада|допинг\p{L}*|коап|дисциплинарн\p{L}*|спортсмен\p{L}*|прокурор\p{L}*|закона|административн\p{L}*|уголовн\p{L}*|тренер\p{L}*|арбитр\p{L}*|федерация|футбол\p{L}*|хоккей\p{L}*)$/u;

/**
 * Russian adjectives that say sanctions are international, right before «санкции»
 * (экономические, антироссийские, западные; place adjectives are read separately).
 */
export const INTERNATIONAL_SANCTION_ADJECTIVE_RU =
  /^(?:международн|экономическ|антироссийск|антиамериканск|антииранск|западн|секторальн|персональн|финансов|торгов|односторонн|ответн|новые|новых|нефтян|энергетическ|визов|санкционн|жестк|ж[её]стк)\p{L}*$/u;

/** Russian nouns whose signature is not a treaty's (подписание указа, контракта, закона). */
export const NON_TREATY_SIGNED_RU =
  /^(?:контракт|указ|закон|законопроект|приказ|постановлени|распоряжени|петици|обращени|письм|заявлени|акт|бюджет|трудов|кредит)/;
