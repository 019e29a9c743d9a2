/**
 * Organisations (build-time input). Glossa does not paint organisations, but recognising them keeps
 * "РИА Новости", "МИД" or "Генштаба" from being taken for people or places. `Name = alias, alias`;
 * Russian entries are nominative and get all case forms.
 */
export const ORGS_RU = `
МИД = Министерство иностранных дел
Минобороны = Министерство обороны
МВД = Министерство внутренних дел
Минфин = Министерство финансов
Минюст
Минздрав
Минэкономразвития
Минпромторг
Минэнерго
Минобрнауки
Минкультуры
МЧС
ФСБ
СВР
ГРУ
ФСО
ФСИН
Росгвардия
Генштаб = Генеральный штаб
ВС
ВКС
ВМФ
ВВС
ВДВ
КНА = Корейская народная армия
ТПК = Трудовая партия Кореи
ЦК
Политбюро
Госдума = Государственная дума, Государственная Дума
Совфед = Совет Федерации
Совбез = Совет безопасности
Администрация президента
Правительство
Кабмин
ООН = Организация Объединённых Наций
НАТО = Североатлантический альянс
ЕС = Евросоюз, Европейский союз
ОБСЕ
ШОС
БРИКС
ОДКБ
СНГ
ЕАЭС
АСЕАН
АТЭС
МАГАТЭ
ВОЗ
ВТО
МВФ
Всемирный банк
ЮНЕСКО
ЮНИСЕФ
ОПЕК
ОЗХО
МУС = Международный уголовный суд
ЕСПЧ
ЦРУ
ФБР
АНБ
Пентагон
Госдеп = Госдепартамент
Конгресс
Сенат
Палата представителей
Бундестаг
Еврокомиссия = Европейская комиссия
Европарламент = Европейский парламент
Совет Европы
ПАСЕ
ЦАХАЛ
ХАМАС
Хезболла
Талибан
ИГИЛ
Аль-Каида
РИА Новости
ТАСС
Интерфакс
Синьхуа
ЦТАК
Рейтер
РАН = Российская академия наук
МГУ
МГИМО
СПбГУ
ВШЭ
Газпром
Роснефть
Лукойл
Росатом
Роскосмос
Ростех
Сбербанк
ВТБ
ЦБ = Центробанк, Центральный банк
КПРФ
ЛДПР
Единая Россия
Справедливая Россия
ВЦИОМ
Левада-центр
СК = Следственный комитет
Генпрокуратура
Верховный суд
Конституционный суд
Мосгорсуд
Роскомнадзор
Минтранс
ЦИК
ОНФ
РФПИ
РЖД
Аэрофлот
Би-би-си
Си-эн-эн
`;

export const ORGS_EN = `
United Nations = UN, U.N.
NATO
European Union = EU
European Commission
European Parliament
Council of Europe
OSCE
IAEA
WHO
WTO
IMF
World Bank
OPEC
UNESCO
UNICEF
ASEAN
APEC
SCO
BRICS
CSTO
CIS
Pentagon
State Department
Defense Department = Defence Department
Defence Ministry = Defense Ministry
Foreign Ministry
Interior Ministry
Congress
Senate
House of Representatives
Bundestag
Duma = State Duma
CIA
FBI
NSA
KGB
FSB
Hamas
Hezbollah
Taliban
Islamic State = ISIS, ISIL
al-Qaeda = al Qaeda, Al-Qaeda
Reuters
Associated Press = AP
AFP
Interfax
Itar-Tass = ITAR-TASS, TASS
Xinhua
KCNA
Yonhap
BBC
CNN
`;
