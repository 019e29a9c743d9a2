/**
 * Hand-curated English place names (build-time input of the lexicon; COUNTRY_ALIASES_EN is also
 * read at run time by lib/recognize/country-codes.ts). `Canonical = alias, alias`.
 * Country names come from i18n-iso-countries; this adds short forms and canonical choices.
 */

/** ISO code → canonical English name and extra aliases (first item is the canonical). */
export const COUNTRY_ALIASES_EN: Record<string, string[]> = {
  US: ['United States', 'United States of America', 'U.S.', 'US', 'USA', 'U.S.A.', 'America'],
  GB: ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
  RU: ['Russia', 'Russian Federation'],
  KP: ['North Korea', "Democratic People's Republic of Korea", 'DPRK'],
  KR: ['South Korea', 'Republic of Korea'],
  CN: ['China', "People's Republic of China", 'PRC'],
  IR: ['Iran', 'Islamic Republic of Iran'],
  SY: ['Syria', 'Syrian Arab Republic'],
  LA: ['Laos'],
  VN: ['Vietnam', 'Viet Nam'],
  MD: ['Moldova', 'Republic of Moldova'],
  TZ: ['Tanzania'],
  TW: ['Taiwan'],
  VA: ['Vatican', 'Vatican City', 'Holy See'],
  BN: ['Brunei'],
  CZ: ['Czech Republic', 'Czechia'],
  TR: ['Turkey', 'Türkiye'],
  MK: ['North Macedonia', 'Macedonia'],
  NL: ['Netherlands', 'Holland'],
  AE: ['United Arab Emirates', 'UAE', 'U.A.E.'],
  CD: ['Democratic Republic of the Congo', 'DR Congo', 'DRC'],
  CG: ['Republic of the Congo', 'Congo'],
  CI: ['Ivory Coast', "Cote d'Ivoire", "Côte d'Ivoire"],
  PS: ['Palestine', 'State of Palestine'],
  MM: ['Myanmar', 'Burma'],
  FM: ['Micronesia'],
  FK: ['Falkland Islands', 'Falklands'],
  BA: ['Bosnia and Herzegovina', 'Bosnia'],
  SZ: ['Eswatini', 'Swaziland'],
  CV: ['Cape Verde', 'Cabo Verde'],
  TL: ['East Timor', 'Timor-Leste'],
  KZ: ['Kazakhstan', 'Kazakstan'],
  BY: ['Belarus', 'Byelorussia'],
  KG: ['Kyrgyzstan', 'Kirghizia'],
  GM: ['Gambia', 'The Gambia'],
};

export const STATES_EN = `
Soviet Union = USSR, U.S.S.R.
East Germany = GDR
West Germany
Yugoslavia
Czechoslovakia
England
Scotland
Wales
Northern Ireland
Abkhazia
South Ossetia
Transdniestria = Transnistria
Nagorno-Karabakh = Karabakh
Kosovo
Chechnya
Crimea
Donbas = Donbass
Tibet
Xinjiang
Kashmir
Kurdistan
Hong Kong
Macau = Macao
Gaza = Gaza Strip
West Bank
Golan Heights = Golan
Sinai
Europe
Western Europe
Eastern Europe
Central Europe
Asia
Central Asia
South Asia
Southeast Asia
East Asia
Northeast Asia
Asia-Pacific
Indo-Pacific
Eurasia
Africa
North Africa
West Africa
East Africa
Southern Africa
Sub-Saharan Africa
Sahel
Maghreb
Americas
North America
South America
Latin America
Central America
Caribbean
Oceania
Middle East
Near East
Far East
Persian Gulf
Arabian Peninsula
Korean Peninsula
Balkans
Caucasus
North Caucasus
Baltics = Baltic states
Scandinavia
Siberia
Arctic
Antarctica
Mediterranean
Black Sea
Baltic Sea
Caspian Sea
Red Sea
Sea of Japan
South China Sea
East China Sea
Yellow Sea
Sea of Azov
North Sea
Pacific = Pacific Ocean
Atlantic = Atlantic Ocean
Indian Ocean
Arctic Ocean
Strait of Hormuz
Taiwan Strait
Kerch Strait
Bosphorus
English Channel
Suez Canal
Panama Canal
Danube
Rhine
Nile
Euphrates
Tigris
Jordan River
Yangtze
Volga
Dnieper
Kremlin
White House
Capitol Hill
Red Square
Downing Street
Wall Street
`;

export const US_STATES_EN = `
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah
Vermont Virginia Wisconsin Wyoming
`;

export const MULTIWORD_US_STATES_EN = `
New Hampshire
New Jersey
New Mexico
New York State
North Carolina
North Dakota
Rhode Island
South Carolina
South Dakota
West Virginia
`;

export const CITIES_EN = `
Washington
New York = New York City, NYC
Los Angeles
Chicago
San Francisco
Boston
Miami
Houston
Dallas
Seattle
Las Vegas
Philadelphia
Atlanta
Detroit
Denver
Phoenix
New Orleans
Ottawa
Toronto
Montreal
Vancouver
Mexico City
Havana
Caracas
Bogota
Lima
Santiago
Buenos Aires
Brasilia
Rio de Janeiro
Sao Paulo
Montevideo
La Paz
Quito
Canberra
Sydney
Melbourne
Wellington
Auckland
London
Paris
Berlin
Madrid
Rome
Vienna
Prague
Warsaw
Budapest
Bucharest
Sofia
Belgrade
Zagreb
Ljubljana
Sarajevo
Podgorica
Skopje
Tirana
Athens
Brussels
Amsterdam
The Hague
Bern = Berne
Geneva
Zurich
Copenhagen
Oslo
Stockholm
Helsinki
Reykjavik
Dublin
Lisbon
Munich
Frankfurt
Hamburg
Cologne
Bonn
Milan
Naples
Venice
Florence
Barcelona
Marseille
Lyon
Nice
Strasbourg
Davos
Manchester
Liverpool
Birmingham
Edinburgh
Glasgow
Belfast
Moscow
St Petersburg = St. Petersburg, Saint Petersburg, Leningrad
Novosibirsk
Yekaterinburg
Kazan
Vladivostok
Kaliningrad
Sochi
Grozny
Murmansk
Kursk
Belgorod
Sevastopol
Simferopol
Kerch
Yalta
Kiev = Kyiv
Kharkiv = Kharkov
Odesa = Odessa
Lviv = Lvov
Donetsk
Luhansk = Lugansk
Mariupol
Kherson
Zaporizhzhia = Zaporozhye
Dnipro
Bakhmut
Avdiivka
Minsk
Vilnius
Riga
Tallinn
Chisinau
Tbilisi
Yerevan
Baku
Astana
Almaty = Alma-Ata
Tashkent
Bishkek
Dushanbe
Ashgabat
Beijing = Peking
Shanghai
Guangzhou
Shenzhen
Wuhan
Tokyo
Osaka
Kyoto
Hiroshima
Nagasaki
Seoul
Pyongyang
Busan = Pusan
Kaesong
Panmunjom
Ulan Bator = Ulaanbaatar
Hanoi
Ho Chi Minh City = Saigon
Bangkok
Phnom Penh
Vientiane
Yangon = Rangoon
Naypyidaw
Kuala Lumpur
Jakarta
Manila
Taipei
New Delhi
Delhi
Mumbai = Bombay
Kolkata = Calcutta
Islamabad
Karachi
Lahore
Kabul
Kandahar
Tehran
Baghdad
Mosul
Basra
Damascus
Aleppo
Homs
Idlib
Beirut
Amman
Jerusalem
Tel Aviv
Haifa
Ramallah
Riyadh
Jeddah
Mecca
Doha
Abu Dhabi
Dubai
Muscat
Sanaa
Aden
Ankara
Istanbul
Izmir
Cairo
Alexandria
Tripoli
Benghazi
Rabat
Algiers
Tunis
Khartoum
Addis Ababa
Nairobi
Pretoria
Johannesburg
Cape Town
Lagos
Abuja
Kinshasa
Luanda
Dakar
Bamako
Niamey
Mogadishu
`;
