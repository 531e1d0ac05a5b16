package org.dateline.changes;

/**
 * A per-node projection fed by the change log: each entry is handed to every listener in log order, once per node,
 * on the tailer's thread. Listeners must be quick and must not throw for ordinary input; a throwing listener is
 * logged and the others still run.
 */
public interface ChangeListener {

    void onChange(Change change);
}
