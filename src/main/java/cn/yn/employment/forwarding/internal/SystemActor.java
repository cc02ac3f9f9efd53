package cn.yn.employment.forwarding.internal;

import cn.yn.employment.common.security.SystemJob;
import java.util.function.Supplier;

/**
 * Runs background work (the retry job, the build when a period closes) as the forwarding system account: scope
 * SYSTEM without roles, which the read model and the period calendar accept from jobs and no signed-in user has.
 */
final class SystemActor {

    static final String NAME = "system:forwarding";

    private SystemActor() {
    }

    static <T> T call(Supplier<T> work) {
        return SystemJob.call(NAME, work);
    }
}
