package org.shebao.engine.internal.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.service.coordinator.Coordination;
import org.osgi.service.coordinator.Coordinator;
import org.osgi.service.coordinator.Participant;

/**
 * Work for when the caller's transaction is over. Aries JPA runs each transaction in a coordination and ends the
 * outermost one after the commit (or the rollback): what is added here runs then, in the order added, once. What it
 * tells must hold after a rollback too (its listeners read the database, which has the truth).
 */
final class AfterCommit<T> implements Participant {

    private final List<T> items = new ArrayList<>();
    private final Consumer<List<T>> work;

    private AfterCommit(Consumer<List<T>> work) {
        this.work = work;
    }

    /** Adds the item to the work of the caller's outermost coordination; without one, does the work now. */
    @SuppressWarnings("unchecked")
    static <T> void add(Coordinator coordinator, Class<?> key, T item, Consumer<List<T>> work) {
        Coordination c = coordinator.peek();
        if (c == null) {
            work.accept(List.of(item));
            return;
        }
        while (c.getEnclosingCoordination() != null) {
            c = c.getEnclosingCoordination();
        }
        Coordination top = c;
        AfterCommit<T> pending = (AfterCommit<T>) top.getVariables().computeIfAbsent(key, k -> {
            AfterCommit<T> created = new AfterCommit<>(work);
            top.addParticipant(created);
            return created;
        });
        pending.items.add(item);
    }

    @Override
    public void ended(Coordination coordination) {
        work.accept(List.copyOf(items));
    }

    @Override
    public void failed(Coordination coordination) {
        work.accept(List.copyOf(items));
    }
}
