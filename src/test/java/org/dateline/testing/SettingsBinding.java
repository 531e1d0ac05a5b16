package org.dateline.testing;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Binds a settings record as Spring Boot does at start, without an application context: from properties
 * ({@code dateline.demo.on-empty}) or from environment variables ({@code DATELINE_DEMO_ON_EMPTY}), with the record's
 * own defaults for whatever is not given.
 */
public final class SettingsBinding {

    private SettingsBinding() {
    }

    public static <T> T fromProperties(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }

    public static <T> T fromEnvironmentVariables(String prefix, Class<T> type, Map<String, Object> variables) {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate(prefix, type);
    }
}
