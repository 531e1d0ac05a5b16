package org.dateline.demo;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo content settings ({@code dateline.demo.*}; environment variables {@code DATELINE_DEMO_*}). The defaults here
 * are the only ones: {@code application.yml} does not repeat them.
 *
 * @param onEmpty    load the demo content on a start that finds no article in the database
 *                   ({@code DATELINE_DEMO_ON_EMPTY}); off for a newsroom that starts empty
 * @param perEdition generated stories per edition, besides the seed story, loaded on such a start
 *                   ({@code DATELINE_DEMO_PER_EDITION}); {@code --demo=<n>} on the command line asks for another number
 * @param community  with the demo content, open a chat room per section and post a few conversations of demo
 *                   readers ({@code DATELINE_DEMO_COMMUNITY})
 */
@ConfigurationProperties("dateline.demo")
record DemoSettings(@DefaultValue("true") boolean onEmpty, @DefaultValue("150") int perEdition,
                    @DefaultValue("true") boolean community) {

    DemoSettings {
        SettingRules.atLeast(0, "dateline.demo.per-edition", perEdition);
    }
}
