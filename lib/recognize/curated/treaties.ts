/**
 * Treaty names and treaty-law vocabulary (build-time input; not shipped as is).
 * Terms follow the usage of the Vienna Convention on the Law of Treaties (1969) and the UN Treaty
 * Handbook. `Canonical = alias, alias`; Russian entries are nominative and get all case forms.
 */

/** Well-known treaty names. Generic "Договор о …" names are found by pattern, not listed. */
export const TREATY_NAMES_RU = `
Договор о нераспространении ядерного оружия = ДНЯО
Договор о всеобъемлющем запрещении ядерных испытаний = ДВЗЯИ
Договор о ликвидации ракет средней и меньшей дальности = ДРСМД, Договор о РСМД, Договор по РСМД
ДСНВ = СНВ-3, Договор о СНВ, Договор по СНВ, Договор СНВ, СНВ
Договор об обычных вооружённых силах в Европе = ДОВСЕ
Договор по открытому небу = Договор об открытом небе
Договор о коллективной безопасности = ДКБ
Договор по ПРО = Договор о ПРО
Договор о космосе
Североатлантический договор = Вашингтонский договор
Маастрихтский договор
Лиссабонский договор
Варшавский договор
Версальский договор
Минские соглашения = Минские договорённости
Минский протокол
Беловежские соглашения
Дейтонские соглашения
Кэмп-Дэвидские соглашения
Соглашения Осло
Хасавюртовские соглашения
Стамбульские договорённости
Парижское соглашение
Киотский протокол
Женевский протокол
Венская конвенция о праве международных договоров
Венская конвенция о дипломатических сношениях
Женевские конвенции
Конвенция ООН по морскому праву
Конвенция о химическом оружии
Конвенция о биологическом оружии
Устав ООН = Устав Организации Объединённых Наций
Хельсинкский заключительный акт = Заключительный акт СБСЕ
Будапештский меморандум
Римский статут
Совместный всеобъемлющий план действий = СВПД
Пакт Молотова — Риббентропа = Пакт Молотова-Риббентропа
`;

export const TREATY_NAMES_EN = `
Treaty on the Non-Proliferation of Nuclear Weapons = Non-Proliferation Treaty, Nuclear Non-Proliferation Treaty, NPT
Comprehensive Nuclear-Test-Ban Treaty = CTBT, Comprehensive Test Ban Treaty
Intermediate-Range Nuclear Forces Treaty = INF Treaty, INF
New START = New START Treaty, START III
START I = START-1
START II = START-2
Treaty on Conventional Armed Forces in Europe = CFE Treaty
Treaty on Open Skies = Open Skies Treaty
Anti-Ballistic Missile Treaty = ABM Treaty
Outer Space Treaty
North Atlantic Treaty = Washington Treaty
Maastricht Treaty = Treaty on European Union
Treaty of Lisbon = Lisbon Treaty
Warsaw Pact
Treaty of Versailles = Versailles Treaty
Minsk agreements = Minsk Agreements, Minsk accords, Minsk Accords
Minsk Protocol
Belovezh Accords
Dayton Agreement = Dayton accords, Dayton Accords, Dayton peace accords
Camp David Accords
Oslo Accords
Good Friday Agreement
Paris Agreement = Paris climate agreement
Kyoto Protocol
Geneva Protocol
Vienna Convention on the Law of Treaties
Vienna Convention on Diplomatic Relations
Geneva Conventions
United Nations Convention on the Law of the Sea = UNCLOS
Chemical Weapons Convention = CWC
Biological Weapons Convention = BWC
Charter of the United Nations = UN Charter, U.N. Charter, United Nations Charter
Helsinki Final Act
Budapest Memorandum
Rome Statute
Joint Comprehensive Plan of Action = JCPOA
Molotov-Ribbentrop Pact
Ottawa Treaty = Mine Ban Treaty
Treaty of Friendship, Cooperation and Mutual Assistance
`;

/** Treaty-law glossary. Each alias gets every case and number form; canonical stays as written. */
export const GLOSSARY_RU = `
ратификация
ратификационные грамоты = ратификационная грамота
денуклеаризация
взаимная военная помощь
взаимная помощь
подписание
присоединение
вступление в силу
оговорка
денонсация
выход из договора = выход из соглашения
депозитарий
дополнительный протокол = факультативный протокол
коллективная оборона
коллективная безопасность
ненападение
нераспространение
прекращение огня = режим прекращения огня
перемирие
санкции = санкция
санкционный список = санкционные списки
эмбарго
зона свободной торговли
брексит
мирный договор = мирное соглашение
международный договор = международное соглашение
межправительственное соглашение
двустороннее соглашение = двусторонний договор
многостороннее соглашение = многосторонний договор
рамочное соглашение
всеобъемлющее стратегическое партнёрство
стратегическое партнёрство
`;

/** Verbs whose every finite form is a glossary term; the canonical is the noun. */
export const GLOSSARY_VERBS_RU: Record<string, string[]> = {
  'вступление в силу': ['вступить в силу', 'вступать в силу'],
  ратификация: ['ратифицировать'],
  подписание: ['подписать', 'подписывать'],
  денонсация: ['денонсировать'],
  'выход из договора': ['выйти из договора', 'выходить из договора'],
};

export const GLOSSARY_EN = `
ratification = ratifications, ratify, ratified, ratifies, ratifying
instruments of ratification = instrument of ratification
accession = accessions, accede, acceded, accedes
entry into force = entered into force, enter into force, enters into force, entering into force, came into force, come into force, comes into force
reservation = reservations
denunciation = denunciations, denounce the treaty
withdrawal from the treaty = withdrawal from the agreement, withdrawal from the accord, withdrawal from the pact
depositary = depositaries
additional protocol = additional protocols, optional protocol, optional protocols
mutual assistance = mutual defence, mutual defense, mutual military assistance
collective defence = collective defense, collective security
non-aggression = nonaggression
denuclearization = denuclearisation
non-proliferation = nonproliferation
ceasefire = cease-fire, ceasefires, cease-fires, truce
armistice
sanctions
embargo = embargoes
sanctioned = sanctioning
signature = signatures, signing, signing ceremony, signed
free trade area = free trade zone, free-trade area, free-trade zone
Brexit
peace treaty = peace treaties, peace agreement, peace accord, peace accords
international treaty = international treaties
bilateral agreement = bilateral treaty, bilateral treaties, bilateral agreements
multilateral agreement = multilateral treaty, multilateral treaties, multilateral agreements
intergovernmental agreement = intergovernmental agreements
framework agreement
comprehensive strategic partnership = strategic partnership
`;

/** Heads of English treaty names ("Treaty on …", "… Agreement"). */
export const TREATY_HEADS_EN = [
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
];
