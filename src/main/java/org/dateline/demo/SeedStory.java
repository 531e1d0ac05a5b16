package org.dateline.demo;

import java.time.Instant;
import java.util.List;

/**
 * The article Dateline is modelled on, exactly as captured (English), and its Russian version. The dateline
 * ("MOSCOW, February 22 (RIA Novosti)") is rendered by the site from place, date and credit, so the first body
 * paragraph starts after it.
 */
final class SeedStory {

    static final Instant PUBLISHED = Instant.parse("2007-02-22T09:00:00Z");
    static final String TRANSLATION_KEY = "seed-2007-02-22";

    private SeedStory() {
    }

    static DemoArticle english() {
        return new DemoArticle("en", "russia", "russia-us-look-to-boost-cooperation-on-terror-proliferation",
                "Russia, U.S. look to boost cooperation on terror, proliferation",
                "Senior Russian and U.S. security officials have called for intensive cooperation in the fight against international terrorism, settling regional crises and strengthening the non-proliferation regime, the Russian Security Council press service said Thursday.",
                List.of(
            "Senior Russian and U.S. security officials have called for intensive cooperation in the fight against international terrorism, settling regional crises and strengthening the non-proliferation regime, the Russian Security Council press service said Thursday.",
            "At talks in Moscow, Igor Ivanov, secretary of the Security Council, and Stephen Hadley, assistant to the U.S. president for national security, highlighted the development of a strategic dialogue between Russia and the U.S. on security and other international issues.",
            "\"Igor Ivanov underlined the importance of addressing existing concerns between our states through dialogue,\" the press service said.",
            "Ivanov and Hadley discussed the Iranian nuclear problem, the situation in Kosovo, Iraq, and Afghanistan, the Middle East peace process, and North Korea's nuclear program.",
            "Ivanov said rescinding the Jackson-Vanik amendment, which has been restricting trade with Russia, would be a good signal for the advancement of Russian-U.S. relations.",
            "Tom Lantos, the chairman of the U.S. Congressional Foreign Affairs Committee, on an official visit to Moscow, said Wednesday that the time has come to rescind the amendment.",
            "The 1974 Jackson-Vanik Amendment links U.S. trade benefits, known as Normal Trade Relations (NTR), to the emigration and human rights policies of Communist or former Communist countries.",
            "The amendment has been lifted for many of Russia's former Communist allies, but still remains in force for Russia.",
            "Russia and the United States are currently in a dispute over American plans to deploy elements of its missile shield in Central Europe. Moscow strongly opposes the deployment of a missile shield in its former backyard in Central Europe, describing the plans as a threat to Russian national security.",
            "Lantos also said that Russian President Vladimir Putin's speech at the 43rd Munich Conference on Security Policy earlier this month will not hinder cooperation between the two countries and will not change America's positive attitude toward Russia.",
            "The Russian leader told the conference in Munich that the reasons the U.S. cited in favor of deploying a missile defense system in Europe are not convincing enough, as to launch North Korean ballistic missiles against the U.S. across Western Europe would conflict with the physical laws of ballistics.",
            "Putin said the deployment of a U.S. missile defense system in Central Europe could trigger a new spiral of the arms race.",
            "He also said the U.S. has been ignoring basic principles of international law and is striving to impose its own rules on other countries, adding that NATO expansion toward Russian borders has nothing to do with ensuring security in Europe or fighting terrorism."),
                "MOSCOW", "RIA Novosti", List.of("Russia", "United States", "Security", "Igor Ivanov"),
                List.of("Mikhail Orlov"), PUBLISHED, TRANSLATION_KEY);
    }

    static DemoArticle russian() {
        return new DemoArticle("ru", "russia", "rossiya-i-ssha-namereny-ukreplyat-sotrudnichestvo",
                "Россия и США намерены укреплять сотрудничество в борьбе с терроризмом и распространением ОМУ",
                "Высокопоставленные представители России и США в сфере безопасности призвали к интенсивному сотрудничеству в борьбе с международным терроризмом, урегулировании региональных кризисов и укреплении режима нераспространения, сообщила в четверг пресс-служба Совета безопасности России.",
                List.of(
            "Высокопоставленные представители России и США в сфере безопасности призвали к интенсивному сотрудничеству в борьбе с международным терроризмом, урегулировании региональных кризисов и укреплении режима нераспространения, сообщила в четверг пресс-служба Совета безопасности России.",
            "На переговорах в Москве секретарь Совета безопасности Игорь Иванов и помощник президента США по национальной безопасности Стивен Хэдли отметили развитие стратегического диалога между Россией и США по вопросам безопасности и другим международным проблемам.",
            "«Игорь Иванов подчеркнул важность снятия существующих озабоченностей между нашими государствами путём диалога», — сообщила пресс-служба.",
            "Иванов и Хэдли обсудили иранскую ядерную проблему, ситуацию в Косово, Ираке и Афганистане, ближневосточный мирный процесс и ядерную программу Северной Кореи.",
            "Иванов заявил, что отмена поправки Джексона — Вэника, ограничивающей торговлю с Россией, стала бы хорошим сигналом для развития российско-американских отношений.",
            "Председатель комитета по иностранным делам Конгресса США Том Лантос, находящийся в Москве с официальным визитом, заявил в среду, что пришло время отменить поправку.",
            "Поправка Джексона — Вэника 1974 года увязывает торговые льготы США, известные как нормальные торговые отношения, с политикой коммунистических и бывших коммунистических стран в области эмиграции и прав человека.",
            "Поправка отменена для многих бывших коммунистических союзников России, но в отношении самой России по-прежнему действует.",
            "Россия и США в настоящее время спорят о планах Вашингтона разместить элементы своей противоракетной обороны в Центральной Европе. Москва решительно выступает против размещения противоракетного щита на своих бывших задворках в Центральной Европе и называет эти планы угрозой национальной безопасности России.",
            "Лантос также заявил, что речь президента России Владимира Путина на 43-й Мюнхенской конференции по политике безопасности в начале этого месяца не помешает сотрудничеству двух стран и не изменит позитивного отношения Америки к России.",
            "Российский лидер заявил на конференции в Мюнхене, что доводы, которые США приводят в пользу размещения системы противоракетной обороны в Европе, недостаточно убедительны, поскольку запуск северокорейских баллистических ракет по США через Западную Европу противоречил бы физическим законам баллистики.",
            "Путин сказал, что размещение американской системы ПРО в Центральной Европе может спровоцировать новый виток гонки вооружений.",
            "Он также заявил, что США игнорируют основополагающие принципы международного права и стремятся навязать свои правила другим странам, добавив, что расширение НАТО к российским границам не имеет ничего общего с обеспечением безопасности в Европе или борьбой с терроризмом."),
                "МОСКВА", "РИА Новости", List.of("Россия", "США", "Безопасность", "Игорь Иванов"),
                List.of("Михаил Орлов"), PUBLISHED, TRANSLATION_KEY);
    }
}
