package org.dateline.newsroom.internal;

import org.dateline.newsroom.NewsroomSettings;
import org.dateline.newsroom.PublishStory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** The scheduler, an entrance like the desk and the API: every few hundred milliseconds it releases what is due. */
@Component
class ScheduledReleases implements SchedulingConfigurer {

    private final PublishStory publishStory;
    private final NewsroomSettings settings;

    ScheduledReleases(PublishStory publishStory, NewsroomSettings settings) {
        this.publishStory = publishStory;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(publishStory::releaseDue, settings.releaseInterval());
    }
}
