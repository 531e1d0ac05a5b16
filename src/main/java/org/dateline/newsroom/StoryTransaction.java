package org.dateline.newsroom;

import java.util.List;
import java.util.function.Supplier;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one transaction of a newsroom action: everything the action writes commits together, or nothing does. An
 * action that ends in anything but {@link StoryResult.Done} is rolled back, whatever it wrote before it found out
 * (a save that a publication then refuses leaves no revision behind).
 * <p>
 * Inside a caller's transaction the action runs in a savepoint of it, so a refused action undoes only its own writes:
 * the wire ingests a batch in one transaction and a refused item must not take the others with it, and a desk
 * button's save and publication are one action of which neither half stays alone.
 * <p>
 * Every action that is done logs {@code story.changed} for its story in the same transaction: every write to a
 * story, in any state and from any entrance (desk, API, wire, scheduler), is an action run here, so the story index
 * misses none. An action inside another (a button's save before its step) leaves the logging to the outer one.
 */
@Component
class StoryTransaction {

    private final TransactionTemplate transaction;
    private final ChangeLog changes;
    /** How many actions this thread is inside: only the outermost logs its story. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    StoryTransaction(PlatformTransactionManager transactions, ChangeLog changes) {
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.changes = changes;
    }

    StoryResult run(Supplier<StoryResult> action) {
        int[] inside = depth.get();
        inside[0]++;
        try {
            return transaction.execute(status -> {
                StoryResult result = action.get();
                if (!(result instanceof StoryResult.Done done)) {
                    throw new Undone(result);
                }
                if (inside[0] == 1) {
                    changes.append(ChangeKinds.STORY_CHANGED, null, done.storyId(), List.of());
                }
                return result;
            });
        } catch (Undone undone) {
            return undone.result;
        } finally {
            inside[0]--;
        }
    }

    /** Carries a refusal out of the transaction, rolling it back. */
    private static final class Undone extends RuntimeException {

        private final transient StoryResult result;

        Undone(StoryResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
