package org.dateline.search.internal;

import java.time.Duration;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search index of this node ({@code dateline.search.*}; environment variables {@code DATELINE_SEARCH_*}). The
 * index lives in {@code <data-dir>/search/}.
 *
 * @param refreshInterval how soon a change this node applied becomes searchable (and the cached result pages of its
 *                        edition are evicted): the longest a reader waits beyond the change log's own delay
 * @param commitInterval  how often what was applied is made durable with its change-log position; a node that stops
 *                        without its final commit (a crash) applies again what came after the last one
 * @param rebuildBatch    articles read from the database per query while the index is built afresh
 */
@ConfigurationProperties("dateline.search")
record SearchSettings(@DefaultValue("100ms") Duration refreshInterval, @DefaultValue("10s") Duration commitInterval,
                      @DefaultValue("500") int rebuildBatch) {

    SearchSettings {
        SettingRules.positive("dateline.search.refresh-interval", refreshInterval);
        SettingRules.positive("dateline.search.commit-interval", commitInterval);
        SettingRules.atLeast(1, "dateline.search.rebuild-batch", rebuildBatch);
    }
}
