/**
 * Name material that train data alone would not give reliably (build-time input; not shipped as is).
 */

/**
 * Common Korean, Chinese and Vietnamese family names in Russian transcription. Given-name
 * syllables are learned from the train corpus; only the family names are seeded here.
 */
export const EAST_ASIAN_SURNAMES_RU = `
Ким Ли Ри Пак Пан Пэк Чхве Цой Чой Чвэ Чон Кан Чо Юн Чан Лим Им Хан Со Син Квон Хван Ан Сон Ю Хон Мун
Ко Ян Пэ Но Нам Ха Чу Ро Хё Чжон Чжу Си Ху Ван Чжан Лю Чэнь Чжао Хуан Чжоу Сюй Сунь Ма Го Хэ
Линь Ло Гао Лян Вэнь Цзян Дэн Мао Цинь Тан Фэн Юй Чэн Цай Пэн Пань Дун Сюэ Вэй Лу Ши Цзэн
Нгуен Фам Ле Хо Во Фан Зыонг
`;

/**
 * The same in English spellings: Pinyin, Wade–Giles and Cantonese (Hong Kong, Taiwan, Singapore)
 * spellings of the commonest Chinese family names, Korean, Vietnamese and Khmer ones.
 */
export const EAST_ASIAN_SURNAMES_EN = `
Kim Lee Yi Ri Park Pak Choe Choi Jong Jung Chung Kang Cho Yoon Yun Jang Lim Han Shin Kwon Hwang
Ahn Song Yoo Hong Moon Ko Yang Roh Nam Xi Hu Wang Zhang Liu Chen Zhao Huang Zhou Xu Sun Ma Guo
He Lin Luo Gao Liang Wen Jiang Deng Mao Qin Tang Feng Yu Cheng Cai Peng Pan Dong Xue Wei Lu Shi
Zeng Li Nguyen Pham Le Ho Vo Phan
Chan Cheung Wong Leung Lau Ng Tsang Tung Chiang Tsai Hsu Kuo Chou Soong Sung Tan Goh Koh Ong
Yeo Chua Teo Rhee Chun Noh Jeon Jeong Seo Baek Tran Hoang Huynh Vu Dang Bui Do Ngo Duong Ly Hun
Ieng Khieu Nuon Chea Ung
`;

/**
 * Particles that join the words around them into one name ("Шарль де Голль", "Ludwig van
 * Beethoven", "Мухаммед бин Салман"): the tagger's name candidates grow across them.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'де да ди дель дер ла ле фон ван бен бин ибн de da di del der la le von van bin ibn al'.split(
    ' ',
  ),
);

/**
 * Particles a surname may start with ("De Kock", "Van Heeswijk", «ибн Сауд»): a capitalised one
 * first in a name is part of the surname, not a first name. Not «Бен»: that is a first name ("Бен
 * Уоллес").
 */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(
  'van von de del della der den di da dal dos du des la le ter ten op al el bin ibn ван фон де дель делла дер ди да дос дю ле ла аль эль бин ибн'.split(
    ' ',
  ),
);

/** Common English given names, so that unseen full names are found (train data adds more). */
export const FIRST_NAMES_EN = `
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward
Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin
Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan
Henry Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl
Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel
Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip Johnny
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret
Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca
Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha
Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia
Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah
Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy
Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany
Charlotte Marie Kayla Alexis Lori Hillary Barack Bill Boris Vladimir Dmitry Sergei Sergey Mikhail
Nikolai Viktor Yuri Igor Alexei Alexey Ivan Pavel Oleg Andrei Andrey Gennady Yevgeny Mohammed
Muhammad Ahmed Ali Hassan Hussein Abdullah Omar Khalid Recep Emmanuel Angela Olaf Friedrich
Helmut Gerhard Jacques Nicolas Francois Jean-Claude Silvio Romano Giuseppe Benjamin Shimon
Yitzhak Ariel Ehud Yasser Mahmoud Kofi Ban Antonio Xi Shinzo Fumio Yoon Moon Kim Narendra Imran
Nawaz Benazir Volodymyr Petro Viktor Alexander Kassym-Jomart Nursultan Ilham Nikol
Recep Bashar Hafez Saddam Muammar Hosni Anwar Nelson Jacob Cyril Thabo Robert Kim Jens Ursula
Emmanuel Olaf Rishi Keir Boris Theresa Tony Gordon Margaret Joe Kamala Antony Lloyd Jake Marco
Mike Nancy Chuck Mitch Ted Rand Lindsey Bernie Elizabeth Rex Condoleezza Colin Madeleine Warren
`;
