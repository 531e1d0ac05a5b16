package org.dateline.readership;

import java.util.List;
import java.util.Map;

import org.dateline.readership.internal.JdbcMostRead;
import org.springframework.stereotype.Service;

/**
 * The most-read lists as the cluster last stored them: computed once a minute by one node
 * ({@code internal.RankMostRead}), read by every node. A page showing one is tagged with its {@link Ranking#key()}; a
 * ranking that changes evicts those pages on every node through the change log ({@code mostread.changed}).
 */
@Service
public class MostRead {

    private final JdbcMostRead store;

    MostRead(JdbcMostRead store) {
        this.store = store;
    }

    /** The edition's list; empty when nothing was read there in the last 24 hours. */
    public Ranking edition(String edition) {
        return new Ranking(edition, Ranking.WHOLE_EDITION, store.list(edition, Ranking.WHOLE_EDITION));
    }

    /** The lists an article page may show, read together: its section's and its edition's. */
    public record BesideArticle(Ranking section, Ranking edition) {
    }

    /** A section's list and its edition's, in one read (what an article page shows one of). */
    public BesideArticle besideArticle(String edition, long sectionId) {
        Map<Long, List<Long>> lists = store.sectionAndEdition(edition, sectionId);
        return new BesideArticle(new Ranking(edition, sectionId, lists.get(sectionId)),
                new Ranking(edition, Ranking.WHOLE_EDITION, lists.get(Ranking.WHOLE_EDITION)));
    }

    /** A section's list; empty when nothing was read there in the last 24 hours. */
    public Ranking section(String edition, long sectionId) {
        return new Ranking(edition, sectionId, store.list(edition, sectionId));
    }
}
