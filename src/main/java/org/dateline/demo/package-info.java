/**
 * The demo content of a fresh install (the seed story and generated wire copy in both editions) and the generator
 * benchmarks use for large databases. It publishes only through the newsroom's {@code PublishStory} use case, like
 * any other source of stories.
 * <p>
 * Settings: {@code DemoSettings} ({@code dateline.demo.*}: load on an empty database, stories per edition).
 */
package org.dateline.demo;
