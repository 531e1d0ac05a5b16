package org.dateline.media;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dateline.shared.FeedCursor;

/** Reads of the picture library. */
public interface PictureQueries {

    /** A picture in any state (the newsroom's view); surfaces check {@link Picture#usable()}. */
    Optional<Picture> find(long id);

    /** The pictures of these ids that exist, by id. */
    Map<Long, Picture> findAll(Collection<Long> ids);

    Optional<Picture> byWireGuid(String guid);

    /** The library, newest upload first, paged by cursor; the search's words must all appear. */
    List<Picture> search(PictureSearch search, FeedCursor before, int limit);
}
