package cn.yn.employment.audit;

/**
 * The tamper-evident audit log. Every module records its changes here: who, what, which target, before and
 * after. The actor and client address are taken from the current request unless given.
 */
public interface AuditLog {

    void record(String action, String targetType, String targetId, Object before, Object after);

    /** For jobs and listeners that act on behalf of someone not in the current request. */
    void recordAs(String actor, String action, String targetType, String targetId, Object before, Object after);
}
