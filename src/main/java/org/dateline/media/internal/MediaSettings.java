package org.dateline.media.internal;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pictures on this node ({@code dateline.pictures.*}).
 *
 * @param memoryCacheBytes how much of the renditions this node keeps in memory, besides its folder
 *                         ({@code <data-dir>/pictures/renditions})
 * @param renderThreads    how many renditions this node makes at once; a 24-megapixel original takes about a
 *                         hundred megabytes of heap while it is decoded
 */
@ConfigurationProperties("dateline.pictures")
public record MediaSettings(@DefaultValue("134217728") long memoryCacheBytes, @DefaultValue("2") int renderThreads) {

    public MediaSettings {
        SettingRules.atLeast(0, "dateline.pictures.memory-cache-bytes", memoryCacheBytes);
        SettingRules.atLeast(1, "dateline.pictures.render-threads", renderThreads);
    }
}
