package cn.yn.employment.period;

import java.time.Instant;

/** A city's own reporting window for a period (overrides the period's). */
public record CityWindow(String periodCode, String cityCode, Instant start, Instant end) {
}
