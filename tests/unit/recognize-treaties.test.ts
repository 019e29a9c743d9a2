import { describe, expect, it } from 'vitest';
import { createRecognizer } from '../../lib/recognize/index';

const recognizer = createRecognizer();

/** The treaty marks of a text, as written. */
const treaties = (text: string, lang: 'ru' | 'en') =>
  recognizer
    .recognize(text, { lang })
    .filter((m) => m.type === 'TREATY')
    .map((m) => m.text);

/** Whether some treaty mark overlaps the first occurrence of `phrase` (the scoring is by overlap). */
function marked(text: string, phrase: string, lang: 'ru' | 'en'): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in the text`);
  return recognizer
    .recognize(text, { lang })
    .some((m) => m.type === 'TREATY' && m.start < at + phrase.length && m.end > at);
}

describe('English agreements named by a common noun', () => {
  it.each([
    ['Russia and Belarus concluded a security pact last year.', 'security pact'],
    ['The 1994 agreement between Ukraine and Russia guaranteed the borders.', '1994 agreement'],
    [
      'Georgia and the EU signed a visa-free travel agreement on Monday.',
      'visa-free travel agreement',
    ],
    ['Britain has no extradition agreement with Ecuador.', 'extradition agreement'],
    ['Canada and South Korea have a free trade agreement.', 'free trade agreement'],
    ['The two countries signed a bilateral investment treaty.', 'bilateral investment treaty'],
    ['Israel and Hamas agreed a ceasefire deal brokered by Egypt.', 'ceasefire deal'],
    ['The peace deal collapsed a week later in Sudan.', 'peace deal'],
    ['Tehran says the U.S. broke the nuclear deal in 2018.', 'nuclear deal'],
    ['The EU and Mercosur concluded a trade pact after 20 years of talks.', 'trade pact'],
    ['Spain and Morocco signed a readmission agreement.', 'readmission agreement'],
    ['The U.S. and Colombia broke a bilateral aviation agreement.', 'bilateral aviation agreement'],
    ['At issue was a May 20 agreement between Iraq and the U.N.', 'May 20 agreement'],
    ['The Council would consider an arms embargo on Burundi.', 'embargo'],
    ['Poland is seeking pacts on avoiding double taxation with Ukraine.', 'pacts'],
    ['Britain and Australia joined the AUKUS pact.', 'AUKUS pact'],
    ['The Iran deal collapsed.', 'deal'],
    ['The U.S.-Taliban deal was signed in Doha in 2020.', 'deal'],
    ['Washington pulled out of the Paris Agreement.', 'pulled out'],
    ['The U.S. sanctioned five Russian officials.', 'sanctioned'],
  ])('%s', (text, phrase) => {
    expect(treaties(text, 'en')).toContain(phrase);
  });

  it('marks the head, not the parties, of "the treaty between Norway and Sweden"', () => {
    const text = 'The treaty between Norway and Sweden settled the border.';
    expect(treaties(text, 'en')).toEqual(['treaty']);
    const places = recognizer
      .recognize(text, { lang: 'en' })
      .filter((m) => m.type === 'LOC')
      .map((m) => m.text);
    expect(places).toEqual(['Norway', 'Sweden']);
  });

  it('keeps a place out of a name and out of a generic head', () => {
    const text =
      'Kim and Putin signed the Treaty on Comprehensive Strategic Partnership in Pyongyang.';
    expect(treaties(text, 'en')).toContain('Treaty on Comprehensive Strategic Partnership');
    expect(marked(text, 'Pyongyang', 'en')).toBe(false);
    expect(marked('Washington left the Syria ceasefire deal.', 'Syria', 'en')).toBe(false);
  });

  it('marks a registered name whole, a place in it included, and ties it to its treaty', () => {
    const [deal] = recognizer
      .recognize('Washington left the Iran nuclear deal.', { lang: 'en' })
      .filter((m) => m.type === 'TREATY');
    expect(deal).toMatchObject({ text: 'Iran nuclear deal', treaty: { id: 'jcpoa' } });
  });

  it('marks a bare head among states only', () => {
    expect(
      marked(
        'Norway and Sweden signed the accord, and the two governments ratified it.',
        'accord',
        'en',
      ),
    ).toBe(true);
    expect(marked('He did it of his own accord, in accord with the rules.', 'accord', 'en')).toBe(
      false,
    );
    expect(marked('The company reached an agreement with its creditors.', 'agreement', 'en')).toBe(
      false,
    );
  });

  it.each([
    ['The company signed a licensing agreement with Sony.', 'agreement'],
    ['The club announced a sponsorship deal with Adidas.', 'deal'],
    ['Union members approved the wage deal with the employer.', 'deal'],
    ['The merger agreement values the firm at $2 billion.', 'agreement'],
    ['The two firms signed a cooperation agreement in Tokyo.', 'agreement'],
    ['The players and the league reached a collective bargaining agreement.', 'agreement'],
    ['The Democratic National Convention opened in Chicago.', 'Convention'],
    ['He addressed the Democratic convention in Chicago on Monday.', 'convention'],
    ['Yemen and Amoco signed a production-sharing agreement.', 'agreement'],
    ['Shareholders ratified the merger with Sony on Friday.', 'ratified'],
    ['The show opened at the Javits Convention Center.', 'Convention'],
    ['The bank signed a security agreement covering the loan.', 'agreement'],
    ['He expressed reservations about the plan.', 'reservations'],
    ['His accession to the throne in 1952 was celebrated in Canada.', 'accession'],
    ['The denunciation of the violence by France was welcomed.', 'denunciation'],
    ['Microsoft and Sony announced a strategic partnership in cloud computing.', 'partnership'],
    ['The Merger Agreement was signed by both companies.', 'Agreement'],
    ['The paper broke the news embargo on the report.', 'embargo'],
    ['It was an officially sanctioned event.', 'sanctioned'],
    ['The UAW agreement with GM raised wages.', 'agreement'],
    ['He pulled out of the race and quit the party.', 'quit'],
    ['The protocol officer greeted the guests at a conventional, agreeable meeting.', 'protocol'],
  ])('leaves a private or look-alike one unmarked: %s', (text, phrase) => {
    expect(marked(text, phrase, 'en')).toBe(false);
  });

  it('keeps the context parts of a signature and a possessor out of the span', () => {
    expect(treaties('Croatia and Yugoslavia will sign the treaty on Friday.', 'en')).toEqual([
      'treaty',
    ]);
    const text = 'Iraq balks at U.N. staff for the Iraq-U.N. memorandum of understanding.';
    expect(marked(text, 'memorandum', 'en')).toBe(true);
    expect(marked(text, 'Iraq-U', 'en')).toBe(false);
  });

  it('keeps the treaty senses of reservation, denunciation and partnership', () => {
    expect(marked('Russia entered a reservation to the convention.', 'reservation', 'en')).toBe(
      true,
    );
    expect(marked('Russia announced the denunciation of the treaty.', 'denunciation', 'en')).toBe(
      true,
    );
    expect(
      marked(
        'Russia and China upgraded their ties to a comprehensive strategic partnership.',
        'partnership',
        'en',
      ),
    ).toBe(true);
  });

  it('tells international sanctions from a sports body’s or a court’s', () => {
    expect(marked('The EU imposed sanctions on Russia over Crimea.', 'sanctions', 'en')).toBe(true);
    expect(
      marked('FIFA imposed sanctions on the club after racist chants.', 'sanctions', 'en'),
    ).toBe(false);
    expect(marked('The court ordered sanctions against the lawyer.', 'sanctions', 'en')).toBe(
      false,
    );
  });
});

describe('Russian agreements named by an adjective, a date or their parties', () => {
  it.each([
    [
      'В 1936 году Германия и Япония подписали Антикоминтерновский пакт.',
      'Антикоминтерновский пакт',
    ],
    [
      'Россия ратифицировала Европейскую социальную хартию в 2009 году.',
      'Европейскую социальную хартию',
    ],
    [
      'Генассамблея приняла Декларацию о правах коренных народов.',
      'Декларацию о правах коренных народов',
    ],
    [
      'Рамочная конвенция ООН об изменении климата вступила в силу в 1994 году.',
      'Рамочная конвенция ООН об изменении климата',
    ],
    ['По соглашению 1994 года Украина отказалась от ядерного оружия.', 'соглашению 1994 года'],
    ['Истёк срок российско-американского договора.', 'российско-американского договора'],
    ['Иран и «шестёрка» заключили ядерную сделку.', 'ядерную сделку'],
    ['Суд признал нарушение Конвенции в деле заявителя.', 'Конвенции'],
    ['Путин подписал распоряжение о выходе России из МУС.', 'выходе'],
    ['Перес получил премию за подписание соглашения с палестинцами.', 'соглашения'],
    ['ЕС не ослабит эмбарго на поставку вооружений.', 'эмбарго'],
    ['Россия и Турция подписали межправительственное соглашение.', 'подписали'],
  ])('%s', (text, phrase) => {
    expect(treaties(text, 'ru')).toContain(phrase);
  });

  it('may mark «договорённости» between states, keeping the states as places', () => {
    const text = 'Договорённости между Россией и Турцией по Идлибу соблюдаются.';
    expect(marked(text, 'Договорённости', 'ru')).toBe(true);
    expect(marked(text, 'Россией', 'ru')).toBe(false);
  });

  it.each([
    ['Компания заключила договор аренды на десять лет.', 'договор'],
    ['Контракт на поставку газа подписан в пятницу.', 'Контракт'],
    ['Трудовой договор с работником расторгнут.', 'договор'],
    ['Мировое соглашение между истцом и ответчиком утверждено судом.', 'соглашение'],
    ['Налоговая служба приняла декларацию о доходах.', 'декларацию'],
    ['Компания Microsoft подписала договор о покупке LinkedIn.', 'договор'],
    ['Сбербанк и Яндекс подписали соглашение о сотрудничестве в области технологий.', 'соглашение'],
    ['Присоединение Техаса к США произошло в 1845 году по договору.', 'Присоединение'],
    ['Подписание контракта с игроком состоялось, договор рассчитан на три года.', 'Подписание'],
    ['УЕФА ввёл санкции против клуба за расизм болельщиков.', 'санкции'],
    ['Суд применил санкции к компании за нарушение закона.', 'санкции'],
    ['Прокурор дал санкцию на арест.', 'санкцию'],
    ['Полицейский составил протокол о нарушении; протокол заседания подписан.', 'протокол'],
    ['Это был договорной матч, несанкционированный митинг прошёл спокойно.', 'договорной'],
    ['Профсоюзы, работодатели и правительство подписали трёхстороннее соглашение.', 'подписали'],
    ['Футболист подписал с клубом новый контракт, договор рассчитан до 2027 года.', 'подписал'],
    ['Газпром и компания Shell подписали рамочное соглашение о сотрудничестве.', 'подписали'],
    ['В посёлке работает касса взаимной помощи.', 'взаимной'],
    ['Министр согласился с оговоркой, что договор ещё обсудят.', 'оговоркой'],
  ])('leaves a private, domestic or look-alike one unmarked: %s', (text, phrase) => {
    expect(marked(text, phrase, 'ru')).toBe(false);
  });

  it('keeps the treaty senses of the same glossary words', () => {
    expect(
      marked('Присоединение Армении к Договору о ЕАЭС ратифицировано.', 'Присоединение', 'ru'),
    ).toBe(true);
    expect(marked('ЕС ввёл санкции против России.', 'санкции', 'ru')).toBe(true);
    expect(marked('Западные санкции ударили по экономике.', 'санкции', 'ru')).toBe(true);
    expect(marked('Россия сделала оговорку к Конвенции о правах.', 'оговорку', 'ru')).toBe(true);
    expect(
      marked('Россия и Китай подписали соглашение о сотрудничестве.', 'соглашение', 'ru'),
    ).toBe(true);
  });
});
