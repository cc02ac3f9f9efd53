package cn.yn.employment.processadmin;

import java.time.Duration;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;

/**
 * Timer cycles and multi-instance loops a model may carry. A cycle must be a literal {@code R<n>/<duration>}
 * (optionally with a start or end date): an explicit repetition count up to the maximum and an interval of at
 * least the minimum. Unbounded {@code R/...}, cron expressions and expressions are refused, because nothing in the
 * model would bound how often they fire. A loop must be a literal cardinality up to the maximum; collection-based
 * loops and cardinality expressions are refused, because a variable could make them any size.
 */
final class RunawayCheck {

    private static final Pattern ISO_CYCLE = Pattern.compile("^R(\\d*)/(.+)$");
    private static final Pattern WEEKS = Pattern.compile("^P(\\d{1,6})W$");
    private static final Pattern LITERAL_COUNT = Pattern.compile("^\\d{1,9}$");
    /** Durations with months or years are measured from a fixed date, so the answer never depends on today. */
    private static final GregorianCalendar REFERENCE = new GregorianCalendar(2000, 0, 1);

    record Finding(String messageKey, String detail) {
    }

    private RunawayCheck() {
    }

    static Optional<Finding> cycle(String cycle, ModelLimits limits) {
        String value = cycle.trim();
        if (value.contains("${") || value.contains("#{")) {
            return Optional.of(new Finding("processadmin.problem.timerCycleForm", value));
        }
        Matcher m = ISO_CYCLE.matcher(value);
        if (!m.matches()) {
            return Optional.of(new Finding("processadmin.problem.timerCycleForm", value));
        }
        if (m.group(1).isEmpty()) {
            return Optional.of(new Finding("processadmin.problem.timerUnbounded", value));
        }
        if (!LITERAL_COUNT.matcher(m.group(1)).matches() || Long.parseLong(m.group(1)) > limits.maxTimerRepetitions()) {
            return Optional.of(new Finding("processadmin.problem.timerRepetitions",
                    value + " (R" + m.group(1) + " > R" + limits.maxTimerRepetitions() + ")"));
        }
        Duration interval = null;
        for (String part : m.group(2).split("/")) {
            if (part.startsWith("P")) {
                interval = duration(part);
                if (interval == null) {
                    return Optional.of(new Finding("processadmin.problem.timerCycleForm", value));
                }
            }
        }
        if (interval == null) {
            return Optional.of(new Finding("processadmin.problem.timerCycleForm", value));
        }
        if (interval.compareTo(limits.minTimerInterval()) < 0) {
            return Optional.of(new Finding("processadmin.problem.timerInterval",
                    value + " (" + interval + " < " + limits.minTimerInterval() + ")"));
        }
        return Optional.empty();
    }

    static Optional<Finding> loop(MultiInstanceLoopCharacteristics loop, ModelLimits limits) {
        boolean collection = notBlank(loop.getInputDataItem()) || notBlank(loop.getCollectionString());
        String cardinality = loop.getLoopCardinality() == null ? "" : loop.getLoopCardinality().trim();
        if (collection || !LITERAL_COUNT.matcher(cardinality).matches()) {
            String shown = collection ? String.valueOf(notBlank(loop.getInputDataItem()) ? loop.getInputDataItem()
                    : loop.getCollectionString()) : cardinality;
            return Optional.of(new Finding("processadmin.problem.loopForm", shown));
        }
        if (Long.parseLong(cardinality) > limits.maxLoopCardinality()) {
            return Optional.of(new Finding("processadmin.problem.loopCardinality",
                    cardinality + " > " + limits.maxLoopCardinality()));
        }
        return Optional.empty();
    }

    /** An ISO 8601 duration (years to seconds, or weeks), or null when it is not one or is negative. */
    static Duration duration(String iso) {
        Matcher weeks = WEEKS.matcher(iso);
        if (weeks.matches()) {
            return Duration.ofDays(7L * Integer.parseInt(weeks.group(1)));
        }
        try {
            javax.xml.datatype.Duration d = DatatypeFactory.newInstance().newDuration(iso);
            if (d.getSign() < 0) {
                return null;
            }
            return Duration.ofMillis(d.getTimeInMillis((GregorianCalendar) REFERENCE.clone()));
        } catch (IllegalArgumentException | UnsupportedOperationException | DatatypeConfigurationException e) {
            return null;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
