package org.dateline.newsroom;

import java.util.function.Supplier;

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
 */
@Component
class StoryTransaction {

    private final TransactionTemplate transaction;

    StoryTransaction(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    StoryResult run(Supplier<StoryResult> action) {
        try {
            return transaction.execute(status -> {
                StoryResult result = action.get();
                if (!(result instanceof StoryResult.Done)) {
                    throw new Undone(result);
                }
                return result;
            });
        } catch (Undone undone) {
            return undone.result;
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
