package cn.yn.employment.processadmin;

import java.time.Duration;

/**
 * Bounds that keep a deployed model from flooding the job executor or the task tables: the shortest interval of
 * a repeating timer (and of a job retry cycle), the most repetitions of one, and the largest multi-instance loop.
 * Business parameters ({@code process.*} in the parameters module), so an administrator can change them.
 */
public record ModelLimits(Duration minTimerInterval, int maxTimerRepetitions, int maxLoopCardinality) {
}
