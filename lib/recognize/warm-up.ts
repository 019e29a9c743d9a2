/**
 * Texts the background recognizes right after it starts, before any page asks.
 *
 * Why: the recognizer's first calls are several times slower than later ones (the JavaScript
 * engine has not optimized its code yet, and its per-word caches are empty), and the first
 * pages a reader opens would pay for that. A few short paragraphs in each language, in the style
 * of the news Glossa is for, take those first calls instead. Written for Glossa; the names are
 * public figures and places, chosen to exercise people, places, treaty terms and organisations.
 */
export const WARM_UP_TEXTS: ReadonlyArray<{ lang: string; text: string }> = [
  {
    lang: 'ru',
    text:
      'МОСКВА, 12 мар - Глава МИД России Сергей Лавров провел переговоры с министром ' +
      'иностранных дел Китая Ван И в Пекине. Стороны обсудили ситуацию на Корейском полуострове ' +
      'и в Азиатско-Тихоокеанском регионе, а также подготовку визита президента РФ Владимира ' +
      'Путина в КНР.\n' +
      'Ранее Государственная дума ратифицировала договор о всеобъемлющем стратегическом ' +
      'партнерстве между Российской Федерацией и КНДР. Документ предусматривает взаимную ' +
      'военную помощь в случае нападения на одну из сторон; он вступит в силу со дня обмена ' +
      'ратификационными грамотами. Как заявил пресс-секретарь Кремля Дмитрий Песков, договор ' +
      'не направлен против третьих стран.\n' +
      'В Вашингтоне госсекретарь США Марко Рубио заявил, что Соединенные Штаты призывают ' +
      'Пхеньян вернуться к переговорам о денуклеаризации. Генеральный секретарь ООН Антониу ' +
      'Гутерриш напомнил о Договоре о нераспространении ядерного оружия и о санкциях Совета ' +
      'Безопасности. В Курской области и в Белгороде, по данным губернаторов, обстановка ' +
      'остается напряженной.',
  },
  {
    lang: 'en',
    text:
      'WASHINGTON, March 12 (Reuters) - Secretary of State Marco Rubio met Japanese Foreign ' +
      'Minister Takeshi Iwaya in Tokyo on Tuesday to discuss North Korea, the South China Sea ' +
      'and the future of the New START treaty, which expires next year.\n' +
      'The Senate voted to ratify the agreement after a long debate. Under Article 5 of the ' +
      'North Atlantic Treaty, an attack on one member is an attack on all; officials in Brussels ' +
      'said the accession of Finland and Sweden had strengthened collective defence. The ' +
      'ceasefire in Gaza, brokered by Egypt and Qatar, entered into force on Sunday.\n' +
      'In Moscow, Kremlin spokesman Dmitry Peskov said President Vladimir Putin would travel ' +
      'to Pyongyang to meet Kim Jong Un, and that the Treaty on Comprehensive Strategic ' +
      'Partnership provided for mutual military assistance. Analysts at the International ' +
      'Institute for Strategic Studies in London said the United States and the European ' +
      'Union were preparing new sanctions.',
  },
];
