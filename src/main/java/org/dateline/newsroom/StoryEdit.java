package org.dateline.newsroom;

/**
 * The editor's fields sent with a workflow button (publish, schedule, submit…): saved first when they differ from
 * the story's, in the same transaction as the step, so that neither stays without the other.
 *
 * @param expectedRevision the revision the editor's fields build on; refused as stale when someone saved since
 */
public record StoryEdit(PublishCommand fields, Integer expectedRevision) {
}
