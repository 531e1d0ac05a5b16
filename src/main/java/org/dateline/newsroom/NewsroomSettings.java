package org.dateline.newsroom;

import java.time.Duration;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The newsroom's settings ({@code dateline.newsroom.*}).
 *
 * @param releaseInterval how often each node looks for scheduled and embargoed stories whose time has come; a story
 *                        goes live at most this long after its time (plus the change log's delivery)
 * @param lockTimeout     an edit lock nobody renewed (by a save, or the open editor's autosave) for this long is free
 *                        to take
 */
@ConfigurationProperties("dateline.newsroom")
public record NewsroomSettings(@DefaultValue("250ms") Duration releaseInterval,
                               @DefaultValue("2m") Duration lockTimeout) {

    public NewsroomSettings {
        SettingRules.positive("dateline.newsroom.release-interval", releaseInterval);
        SettingRules.positive("dateline.newsroom.lock-timeout", lockTimeout);
    }
}
