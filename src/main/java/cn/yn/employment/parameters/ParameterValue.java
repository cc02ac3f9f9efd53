package cn.yn.employment.parameters;

import java.time.Instant;

public record ParameterValue(Parameter parameter, String value, Instant updatedAt, String updatedBy) {
}
