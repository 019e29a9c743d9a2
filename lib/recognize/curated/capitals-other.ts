/**
 * Capitals and major cities as other languages write them (build-time input for
 * scripts/build-lexicon.ts; not shipped). Pages in languages other than Russian and English get
 * country names (i18n-iso-countries) and these. One entry per line: `Canonical = form, form`;
 * the canonical is the English name. Written for Glossa from common knowledge of the spellings.
 */
export const CAPITALS_OTHER = `
Moscow = Moskau, Moscou, Moscú, Mosca, Moscovo, Moskwa, Moskva, Москва, Москві, Москву
Kyiv = Kiew, Kiev, Kijów, Kyjiv, Київ, Києві, Києва
Minsk = Mińsk, Мінськ, Мінську
Warsaw = Warschau, Varsovie, Varsovia, Varsavia, Varsóvia, Warszawa, Warszawie, Varšava, Варшава, Варшаві
Berlin = Berlino, Berlim, Berlinie, Берлін, Берліні
Paris = Parigi, Paryż, Paryżu, Paříž, Париж, Парижі
London = Londres, Londra, Londyn, Londynie, Londýn, Лондон, Лондоні
Washington = Waszyngton, Waszyngtonie, Washingtonu, Вашингтон, Вашингтоні
Beijing = Peking, Pékin, Pekín, Pechino, Pequim, Pekin, Pekinie, Пекін, Пекіні
Tokyo = Tokio, Tóquio, Tokiu, Токіо
Seoul = Séoul, Seúl, Seul, Сеул, Сеулі
Pyongyang = Pjöngjang, Pyongyang, Piongyang, Pjongjang, Пхеньян, Пхеньяні
Rome = Rom, Roma, Rzym, Rzymie, Řím, Рим, Римі
Madrid = Madryt, Madrycie, Мадрид, Мадриді
Lisbon = Lissabon, Lisbonne, Lisboa, Lisbona, Lizbona, Lizbonie, Лісабон
Brussels = Brüssel, Bruxelles, Bruselas, Bruxelas, Bruksela, Brukseli, Brusel, Брюссель, Брюсселі
Vienna = Wien, Vienne, Viena, Wiedeń, Wiedniu, Vídeň, Відень, Відні
Prague = Prag, Praga, Praha, Pradze, Прага, Празі
Budapest = Budapeszt, Budapeszcie, Будапешт
Bucharest = Bukarest, Bucarest, Bucareste, Bukareszt, Bucureşti, București, Бухарест
Sofia = Sofía, Sofii, Софія
Belgrade = Belgrad, Belgrado, Bělehrad, Beograd, Белград
Athens = Athen, Athènes, Atenas, Atene, Ateny, Atény, Афіни
Ankara = Анкара
Istanbul = Estambul, Istambul, Stambuł, Стамбул
Tehran = Teheran, Téhéran, Teherán, Teerão, Тегеран
Baghdad = Bagdad, Bagdá, Багдад
Damascus = Damaskus, Damas, Damasco, Damaszek, Дамаск
Jerusalem = Jérusalem, Jerusalén, Gerusalemme, Jerozolima, Єрусалим
Cairo = Kairo, Le Caire, El Cairo, Il Cairo, Kair, Каїр
Kabul = Kaboul, Kabul, Кабул
Delhi = New Delhi, Neu-Delhi, Nueva Delhi, Nuova Delhi, Nowe Delhi, Делі
Islamabad = Islamabad, Ісламабад
Tbilisi = Tiflis, Tbilissi, Tbilisi, Тбілісі
Yerevan = Eriwan, Erevan, Ereván, Jerewan, Єреван
Baku = Bakou, Bakú, Баку
Astana = Астана
Vilnius = Wilno, Вільнюс
Riga = Ryga, Рига, Ризі
Tallinn = Таллінн
Helsinki = Helsingfors, Гельсінкі
Stockholm = Estocolmo, Stoccolma, Sztokholm, Стокгольм
Oslo = Осло
Copenhagen = Kopenhagen, Copenhague, Copenaghen, Kopenhaga, Kodaň, Копенгаген
Amsterdam = Ámsterdam, Amsterdã, Amsterdamie, Амстердам
Geneva = Genf, Genève, Ginebra, Ginevra, Genebra, Genewa, Женева
Bern = Berne, Berna, Берн
Ottawa = Оттава
Havana = Havanna, La Havane, La Habana, L'Avana, Hawana, Гавана
Caracas = Каракас
Brasília = Brasilia, Бразиліа
Buenos Aires = Буенос-Айрес
Mexico City = Mexiko-Stadt, Mexico, Ciudad de México, Città del Messico, Cidade do México, Meksyk, Мехіко
Canberra = Канберра
New York = Nowy Jork, Nowym Jorku, Nova Iorque, Nueva York, Нью-Йорк
Kremlin = Kreml, Kremlin, Cremlino, Kremla, Кремль
`;
