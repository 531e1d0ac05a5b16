package org.dateline.editions;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets the time zone an edition shows its times in (and its newsroom reads and enters them in). The zone id is one
 * of the known region ids ({@code Europe/Moscow}, {@code UTC}), never a bare offset, which would not follow summer
 * time. The edition exists → only administrators → a known zone → in one transaction the zone and {@code structure.changed}: every
 * node reads its editions afresh and drops its cached pages, whose times named the old zone.
 */
@Service
public class SetTimeZone {

    /** Why the zone was not set; the code is the API's contract. */
    public enum Refusal {
        UNKNOWN_TIME_ZONE("unknown_time_zone"),
        UNKNOWN_EDITION("unknown_edition"),
        NOT_PERMITTED("not_permitted");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Editions editions;
    private final ChangeLog changes;

    SetTimeZone(Editions editions, ChangeLog changes) {
        this.editions = editions;
        this.changes = changes;
    }

    /** @return the refusal, or empty when the zone is set */
    @Transactional
    public Optional<Refusal> set(Actor actor, String edition, String zoneId) {
        if (editions.find(edition).isEmpty()) {
            return Optional.of(Refusal.UNKNOWN_EDITION);
        }
        if (actor == null || actor.role() != Role.ADMIN) {
            return Optional.of(Refusal.NOT_PERMITTED);
        }
        if (zoneId == null || !ZoneId.getAvailableZoneIds().contains(zoneId.strip())) {
            return Optional.of(Refusal.UNKNOWN_TIME_ZONE);
        }
        editions.changeTimeZone(edition, ZoneId.of(zoneId.strip()));
        changes.append(ChangeKinds.STRUCTURE_CHANGED, edition, null, List.of("edition:" + edition));
        return Optional.empty();
    }
}
