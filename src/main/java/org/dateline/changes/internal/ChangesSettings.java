package org.dateline.changes.internal;

import java.time.Duration;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Change log settings ({@code dateline.changes.*}; environment variables {@code DATELINE_CHANGES_*}).
 *
 * @param pollInterval how long the tailer waits for a wake-up before it reads the log anyway: the delay after which
 *                     an H2 node sees another node's change (PostgreSQL wakes it at once with {@code NOTIFY})
 * @param retention    how long entries stay in the log; a node away for longer starts afresh at the head
 * @param gapTimeout   how long the tailer waits for a missing position (a transaction that took its number and has
 *                     not committed yet) before it gives it up as rolled back and reads past it
 */
@ConfigurationProperties("dateline.changes")
record ChangesSettings(@DefaultValue("250ms") Duration pollInterval, @DefaultValue("7d") Duration retention,
                       @DefaultValue("3s") Duration gapTimeout) {

    ChangesSettings {
        SettingRules.positive("dateline.changes.poll-interval", pollInterval);
        SettingRules.positive("dateline.changes.retention", retention);
        SettingRules.positive("dateline.changes.gap-timeout", gapTimeout);
    }
}
