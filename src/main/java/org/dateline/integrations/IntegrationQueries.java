package org.dateline.integrations;

import java.util.List;
import java.util.Optional;

import org.dateline.integrations.internal.JdbcDeliveries;
import org.dateline.integrations.internal.JdbcIntegrations;
import org.springframework.stereotype.Service;

/** Reads of integrations and their recent webhook deliveries. */
@Service
public class IntegrationQueries {

    /** How many deliveries the newsroom and the API show: the most recent. */
    public static final int RECENT_DELIVERIES = 100;

    private final JdbcIntegrations integrations;
    private final JdbcDeliveries deliveries;

    IntegrationQueries(JdbcIntegrations integrations, JdbcDeliveries deliveries) {
        this.integrations = integrations;
        this.deliveries = deliveries;
    }

    public List<Integration> all() {
        return integrations.all();
    }

    public Optional<Integration> find(long id) {
        return integrations.find(id);
    }

    /** Newest first. */
    public List<Delivery> deliveries(long integrationId) {
        return deliveries.recent(integrationId, RECENT_DELIVERIES);
    }
}
