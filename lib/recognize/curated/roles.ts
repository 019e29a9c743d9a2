/**
 * Words that introduce a person's name ("президент РФ Владимир Путин", "President Bill Clinton").
 * Russian entries are lemmas (the build adds every case and number form); English entries are
 * matched case-insensitively as written. The title itself stays out of the person span.
 */
export const ROLES_RU = `
президент вице-президент экс-президент премьер премьер-министр вице-премьер экс-премьер министр
замминистра глава замглавы лидер председатель зампред вице-спикер спикер канцлер король королева
принц принцесса царь император императрица монарх шах шейх эмир султан аятолла имам муфтий
патриарх митрополит архиепископ епископ кардинал понтифик генерал генерал-лейтенант генерал-майор
генерал-полковник маршал адмирал вице-адмирал контр-адмирал полковник подполковник майор капитан
лейтенант старший сержант рядовой командующий командир начальник замначальника заместитель
советник помощник посол постпред консул атташе дипломат сенатор конгрессмен депутат губернатор
вице-губернатор мэр градоначальник судья прокурор генпрокурор адвокат следователь госсекретарь
генсек секретарь пресс-секретарь представитель спецпредставитель спецпосланник посланник
уполномоченный омбудсмен директор гендиректор руководитель сотрудник эксперт аналитик политолог
историк экономист социолог востоковед кореевед китаист журналист корреспондент обозреватель
редактор главред писатель поэт режиссёр режиссер актёр актер актриса певец певица художник
композитор продюсер тренер футболист хоккеист теннисист теннисистка игрок нападающий защитник
вратарь полузащитник спортсмен спортсменка чемпион чемпионка бизнесмен предприниматель
миллиардер олигарх основатель владелец профессор академик доцент учёный ученый господин госпожа
мистер миссис доктор пастор священник блогер активист оппозиционер правозащитник диссидент
генсекретарь председательница лидерша министерша
`;

export const ROLES_EN = `
president vice-president president-elect premier minister chancellor secretary secretary-general
king queen prince princess emperor empress sheikh emir sultan ayatollah imam pope cardinal
archbishop bishop patriarch rev. rev reverend father general gen. lieutenant lt. colonel col.
major maj. captain capt. admiral commander marshal sergeant sgt. senator sen. congressman
congresswoman representative rep. governor gov. mayor judge justice ambassador envoy spokesman
spokeswoman spokesperson leader chairman chairwoman chief director coach manager striker
midfielder defender goalkeeper champion analyst economist mr. mr mrs. mrs ms. ms dr. dr sir lord
lady dame professor prof. ceo chief-of-staff counterpart deputy aide adviser advisor prime foreign
defence defense finance interior trade state home justice economy energy health major-general
lieutenant-general brigadier-general lieutenant-colonel vice-admiral rear-admiral
`;
