package org.dateline.demo;

import java.util.List;

/**
 * The phrases demo stories are built from, each with its Russian forms in the grammatical case a template needs, so
 * that generated Russian reads correctly: nominative, accusative, genitive, prepositional.
 */
final class WordBank {

    /** A section's vocabulary: topics, institutions, places and tags, English and Russian side by side. */
    record Vocabulary(String section, List<Topic> topics, List<Institution> institutions, List<Place> places,
                      List<String[]> tags) {
    }

    /** en; ru nominative; ru accusative. */
    record Topic(String en, String ruNom, String ruAcc) {
    }

    /** en; ru nominative; ru genitive. */
    record Institution(String en, String ruNom, String ruGen) {
    }

    /** Dateline place (capitals), its Russian nominative in capitals, and Russian prepositional ("в Казани"). */
    record Place(String en, String ru, String ruPrep) {
    }

    /** A person quoted: English name with title, Russian nominative with title, and the Russian past-tense ending. */
    record Official(String en, String ru, String pastEnding) {
    }

    private WordBank() {
    }

    static final List<Official> OFFICIALS = List.of(
            new Official("Deputy Prime Minister Alexei Sergeev", "вице-премьер Алексей Сергеев", ""),
            new Official("Economy Minister Irina Volkova", "министр экономики Ирина Волкова", "а"),
            new Official("presidential aide Pavel Kuznetsov", "помощник президента Павел Кузнецов", ""),
            new Official("Governor Olga Belova", "губернатор Ольга Белова", "а"),
            new Official("spokesman Dmitry Lebedev", "официальный представитель Дмитрий Лебедев", ""),
            new Official("committee chair Natalia Sokolova", "председатель комитета Наталья Соколова", "а"),
            new Official("analyst Sergei Morozov", "аналитик Сергей Морозов", ""),
            new Official("senior researcher Elena Popova", "ведущий научный сотрудник Елена Попова", "а"),
            new Official("head coach Viktor Novikov", "главный тренер Виктор Новиков", ""),
            new Official("festival director Anna Kozlova", "директор фестиваля Анна Козлова", "а"));

    static final List<String[]> AUTHORS = List.of(
            new String[] {"Mikhail Orlov", "Михаил Орлов"}, new String[] {"Svetlana Ivanova", "Светлана Иванова"},
            new String[] {"Andrei Fedorov", "Андрей Федоров"}, new String[] {"Maria Zaitseva", "Мария Зайцева"},
            new String[] {"Nikolai Pavlov", "Николай Павлов"}, new String[] {"Tatiana Semenova", "Татьяна Семенова"},
            new String[] {"Igor Golubev", "Игорь Голубев"}, new String[] {"Yulia Vinogradova", "Юлия Виноградова"},
            new String[] {"Roman Bogdanov", "Роман Богданов"}, new String[] {"Ekaterina Vorobyova", "Екатерина Воробьева"},
            new String[] {"Oleg Tarasov", "Олег Тарасов"}, new String[] {"Ksenia Belyaeva", "Ксения Беляева"},
            new String[] {"Artem Komarov", "Артем Комаров"}, new String[] {"Daria Kiseleva", "Дарья Киселева"},
            new String[] {"Grigory Makarov", "Григорий Макаров"});

    static final List<String[]> CREDITS = List.of(
            new String[] {"Dateline", "Дейтлайн"}, new String[] {"Dateline", "Дейтлайн"},
            new String[] {"North Wire", "Северное телеграфное агентство"},
            new String[] {"Volga Press Service", "Волжская пресс-служба"});

    static final List<Vocabulary> SECTIONS = List.of(
            new Vocabulary("russia",
                    List.of(new Topic("the regional development programme", "программа регионального развития", "программу регионального развития"),
                            new Topic("the housing reform", "жилищная реформа", "жилищную реформу"),
                            new Topic("the new election law", "новый закон о выборах", "новый закон о выборах"),
                            new Topic("the road construction plan", "план строительства дорог", "план строительства дорог"),
                            new Topic("the healthcare budget", "бюджет здравоохранения", "бюджет здравоохранения")),
                    List.of(new Institution("the State Duma", "Государственная дума", "Государственной думы"),
                            new Institution("the Federation Council", "Совет Федерации", "Совета Федерации"),
                            new Institution("the Government", "правительство", "правительства"),
                            new Institution("the regional legislature", "региональное законодательное собрание", "регионального законодательного собрания")),
                    List.of(new Place("MOSCOW", "МОСКВА", "Москве"), new Place("KAZAN", "КАЗАНЬ", "Казани"),
                            new Place("NOVOSIBIRSK", "НОВОСИБИРСК", "Новосибирске"), new Place("YEKATERINBURG", "ЕКАТЕРИНБУРГ", "Екатеринбурге"),
                            new Place("VLADIVOSTOK", "ВЛАДИВОСТОК", "Владивостоке")),
                    List.of(new String[] {"Russia", "Россия"}, new String[] {"Politics", "Политика"},
                            new String[] {"Regions", "Регионы"}, new String[] {"Legislation", "Законодательство"})),
            new Vocabulary("world",
                    List.of(new Topic("the ceasefire agreement", "соглашение о прекращении огня", "соглашение о прекращении огня"),
                            new Topic("the refugee crisis", "кризис беженцев", "кризис беженцев"),
                            new Topic("the trade dispute", "торговый спор", "торговый спор"),
                            new Topic("the climate accord", "климатическое соглашение", "климатическое соглашение"),
                            new Topic("the border settlement", "пограничное урегулирование", "пограничное урегулирование")),
                    List.of(new Institution("the UN Security Council", "Совет Безопасности ООН", "Совета Безопасности ООН"),
                            new Institution("the European Commission", "Еврокомиссия", "Еврокомиссии"),
                            new Institution("the foreign ministry", "министерство иностранных дел", "министерства иностранных дел"),
                            new Institution("the African Union", "Африканский союз", "Африканского союза")),
                    List.of(new Place("GENEVA", "ЖЕНЕВА", "Женеве"), new Place("BEIJING", "ПЕКИН", "Пекине"),
                            new Place("CAIRO", "КАИР", "Каире"), new Place("NEW YORK", "НЬЮ-ЙОРК", "Нью-Йорке"),
                            new Place("BRUSSELS", "БРЮССЕЛЬ", "Брюсселе")),
                    List.of(new String[] {"Diplomacy", "Дипломатия"}, new String[] {"United Nations", "ООН"},
                            new String[] {"Middle East", "Ближний Восток"}, new String[] {"Europe", "Европа"})),
            new Vocabulary("economy",
                    List.of(new Topic("the federal budget", "федеральный бюджет", "федеральный бюджет"),
                            new Topic("the key interest rate", "ключевая ставка", "ключевую ставку"),
                            new Topic("the grain export quota", "квота на экспорт зерна", "квоту на экспорт зерна"),
                            new Topic("the new tax regime for small business", "новый налоговый режим для малого бизнеса", "новый налоговый режим для малого бизнеса"),
                            new Topic("the gas supply contract", "контракт на поставку газа", "контракт на поставку газа")),
                    List.of(new Institution("the Central Bank", "Центральный банк", "Центрального банка"),
                            new Institution("the Finance Ministry", "Министерство финансов", "Министерства финансов"),
                            new Institution("the statistics service", "статистическая служба", "статистической службы"),
                            new Institution("the stock exchange", "фондовая биржа", "фондовой биржи")),
                    List.of(new Place("MOSCOW", "МОСКВА", "Москве"), new Place("ST. PETERSBURG", "САНКТ-ПЕТЕРБУРГ", "Санкт-Петербурге"),
                            new Place("SAMARA", "САМАРА", "Самаре"), new Place("LONDON", "ЛОНДОН", "Лондоне"),
                            new Place("FRANKFURT", "ФРАНКФУРТ", "Франкфурте")),
                    List.of(new String[] {"Economy", "Экономика"}, new String[] {"Markets", "Рынки"},
                            new String[] {"Energy", "Энергетика"}, new String[] {"Banking", "Банки"})),
            new Vocabulary("defense",
                    List.of(new Topic("the arms control treaty", "договор о контроле над вооружениями", "договор о контроле над вооружениями"),
                            new Topic("the naval exercise", "военно-морское учение", "военно-морское учение"),
                            new Topic("the missile defense plan", "план противоракетной обороны", "план противоракетной обороны"),
                            new Topic("the procurement programme", "программа закупок вооружений", "программу закупок вооружений"),
                            new Topic("the nuclear non-proliferation regime", "режим ядерного нераспространения", "режим ядерного нераспространения")),
                    List.of(new Institution("the Defense Ministry", "Министерство обороны", "Министерства обороны"),
                            new Institution("the Security Council", "Совет безопасности", "Совета безопасности"),
                            new Institution("the General Staff", "Генеральный штаб", "Генерального штаба"),
                            new Institution("the Navy command", "командование ВМФ", "командования ВМФ")),
                    List.of(new Place("MOSCOW", "МОСКВА", "Москве"), new Place("SEVEROMORSK", "СЕВЕРОМОРСК", "Североморске"),
                            new Place("KALININGRAD", "КАЛИНИНГРАД", "Калининграде"), new Place("VLADIVOSTOK", "ВЛАДИВОСТОК", "Владивостоке"),
                            new Place("SEVASTOPOL", "СЕВАСТОПОЛЬ", "Севастополе")),
                    List.of(new String[] {"Defense", "Оборона"}, new String[] {"Security", "Безопасность"},
                            new String[] {"Arms control", "Контроль над вооружениями"}, new String[] {"Navy", "ВМФ"})),
            new Vocabulary("science",
                    List.of(new Topic("the lunar research mission", "лунная исследовательская миссия", "лунную исследовательскую миссию"),
                            new Topic("the new vaccine trial", "испытание новой вакцины", "испытание новой вакцины"),
                            new Topic("the Arctic climate study", "исследование климата Арктики", "исследование климата Арктики"),
                            new Topic("the particle accelerator upgrade", "модернизация ускорителя частиц", "модернизацию ускорителя частиц"),
                            new Topic("the genome sequencing project", "проект секвенирования генома", "проект секвенирования генома")),
                    List.of(new Institution("the Academy of Sciences", "Академия наук", "Академии наук"),
                            new Institution("the space agency", "космическое агентство", "космического агентства"),
                            new Institution("the national research centre", "национальный исследовательский центр", "национального исследовательского центра"),
                            new Institution("the university consortium", "консорциум университетов", "консорциума университетов")),
                    List.of(new Place("NOVOSIBIRSK", "НОВОСИБИРСК", "Новосибирске"), new Place("DUBNA", "ДУБНА", "Дубне"),
                            new Place("BAIKONUR", "БАЙКОНУР", "Байконуре"), new Place("TOMSK", "ТОМСК", "Томске"),
                            new Place("MOSCOW", "МОСКВА", "Москве")),
                    List.of(new String[] {"Science", "Наука"}, new String[] {"Space", "Космос"},
                            new String[] {"Medicine", "Медицина"}, new String[] {"Climate", "Климат"})),
            new Vocabulary("sport",
                    List.of(new Topic("the national hockey championship", "национальный чемпионат по хоккею", "национальный чемпионат по хоккею"),
                            new Topic("the football cup final", "финал кубка по футболу", "финал кубка по футболу"),
                            new Topic("the chess tournament", "шахматный турнир", "шахматный турнир"),
                            new Topic("the winter games programme", "программа зимних игр", "программу зимних игр"),
                            new Topic("the new stadium project", "проект нового стадиона", "проект нового стадиона")),
                    List.of(new Institution("the Olympic Committee", "Олимпийский комитет", "Олимпийского комитета"),
                            new Institution("the football federation", "футбольная федерация", "футбольной федерации"),
                            new Institution("the sports ministry", "министерство спорта", "министерства спорта"),
                            new Institution("the hockey league", "хоккейная лига", "хоккейной лиги")),
                    List.of(new Place("SOCHI", "СОЧИ", "Сочи"), new Place("KAZAN", "КАЗАНЬ", "Казани"),
                            new Place("ST. PETERSBURG", "САНКТ-ПЕТЕРБУРГ", "Санкт-Петербурге"), new Place("OMSK", "ОМСК", "Омске"),
                            new Place("KRASNOYARSK", "КРАСНОЯРСК", "Красноярске")),
                    List.of(new String[] {"Sport", "Спорт"}, new String[] {"Hockey", "Хоккей"},
                            new String[] {"Football", "Футбол"}, new String[] {"Chess", "Шахматы"})),
            new Vocabulary("culture",
                    List.of(new Topic("the film festival programme", "программа кинофестиваля", "программу кинофестиваля"),
                            new Topic("the museum restoration", "реставрация музея", "реставрацию музея"),
                            new Topic("the new theatre season", "новый театральный сезон", "новый театральный сезон"),
                            new Topic("the literary prize", "литературная премия", "литературную премию"),
                            new Topic("the exhibition of icons", "выставка икон", "выставку икон")),
                    List.of(new Institution("the Culture Ministry", "Министерство культуры", "Министерства культуры"),
                            new Institution("the Bolshoi Theatre", "Большой театр", "Большого театра"),
                            new Institution("the State Hermitage", "Государственный Эрмитаж", "Государственного Эрмитажа"),
                            new Institution("the writers' union", "союз писателей", "союза писателей")),
                    List.of(new Place("MOSCOW", "МОСКВА", "Москве"), new Place("ST. PETERSBURG", "САНКТ-ПЕТЕРБУРГ", "Санкт-Петербурге"),
                            new Place("YAROSLAVL", "ЯРОСЛАВЛЬ", "Ярославле"), new Place("SUZDAL", "СУЗДАЛЬ", "Суздале"),
                            new Place("NIZHNY NOVGOROD", "НИЖНИЙ НОВГОРОД", "Нижнем Новгороде")),
                    List.of(new String[] {"Culture", "Культура"}, new String[] {"Cinema", "Кино"},
                            new String[] {"Theatre", "Театр"}, new String[] {"Museums", "Музеи"})));
}
