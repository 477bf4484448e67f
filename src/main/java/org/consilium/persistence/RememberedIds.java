package org.consilium.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Finds an entity by a key that stays its own for good (a proposal's voting round, a proposal's agreement). The first
 * query's answer gives the entity's id, which is remembered; after it, the entity is loaded by id, which the
 * persistence context answers without SQL for the rest of the transaction, however often the workflow asks. A query,
 * by contrast, goes to the database every time. (Hibernate's natural-id load does the same, but built its select
 * afresh at every first read in a transaction: 3 % of the portal's CPU in the lifecycle benchmark.) A remembered id
 * that no longer leads to the key's entity (rolled back, a table emptied by tests) is asked for again.
 *
 * @param <E> the entity; its id is a {@code Long}
 */
public final class RememberedIds<E> {

    private final Class<E> type;
    private final Function<E, Long> idOf;
    private final Function<E, Long> keyOf;
    private final Map<Long, Long> ids = new ConcurrentHashMap<>();

    public RememberedIds(Class<E> type, Function<E, Long> idOf, Function<E, Long> keyOf) {
        this.type = type;
        this.idOf = idOf;
        this.keyOf = keyOf;
    }

    /** The key's entity: from the persistence context if it is there, else by id, else by {@code query}. */
    public Optional<E> find(EntityManager entityManager, Long key, Function<Long, Optional<E>> query) {
        Long id = ids.get(key);
        if (id != null) {
            E entity = entityManager.find(type, id);
            if (entity != null && key.equals(keyOf.apply(entity))) {
                return Optional.of(entity);
            }
            ids.remove(key, id);
        }
        return remember(key, query.apply(key));
    }

    /**
     * The key's entity, its row locked for writing until the transaction ends, with its state as last committed.
     * Locked already in this transaction: no SQL. Read earlier in it without a lock: its state is read again with the
     * lock (changes made to it in this transaction are flushed first), so that nothing decides on what another
     * transaction has changed meanwhile (a query would lock the row but hand back the state read before). Not read
     * yet: {@code lockingQuery}, one {@code SELECT … FOR UPDATE}.
     */
    public Optional<E> lock(EntityManager entityManager, Long key, Function<Long, Optional<E>> lockingQuery) {
        Long id = ids.get(key);
        E managed = id == null ? null : inPersistenceContext(entityManager, id);
        if (managed != null && key.equals(keyOf.apply(managed))) {
            if (entityManager.getLockMode(managed) != LockModeType.PESSIMISTIC_WRITE) {
                entityManager.flush();
                entityManager.refresh(managed, LockModeType.PESSIMISTIC_WRITE);
            }
            return Optional.of(managed);
        }
        return remember(key, lockingQuery.apply(key));
    }

    /** The entity if this transaction has read it already; null otherwise (and no SQL either way). */
    private E inPersistenceContext(EntityManager entityManager, Long id) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        return type.cast(session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister)));
    }

    private Optional<E> remember(Long key, Optional<E> found) {
        found.ifPresent(entity -> ids.put(key, idOf.apply(entity)));
        return found;
    }
}
