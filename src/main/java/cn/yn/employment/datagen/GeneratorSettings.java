package cn.yn.employment.datagen;

import java.time.YearMonth;

/**
 * What to generate: {@code enterprises} filed enterprises, {@code months} of accepted history ending with the
 * month before {@code openPeriod}, deterministic for {@code seed}.
 */
public record GeneratorSettings(int enterprises, int months, long seed, YearMonth openPeriod) {

    public GeneratorSettings {
        if (enterprises < 1 || enterprises > 2_000_000) {
            throw new IllegalArgumentException("enterprises must be 1..2,000,000");
        }
        if (months < 0 || months > 120) {
            throw new IllegalArgumentException("months must be 0..120");
        }
    }

    public static GeneratorSettings province(YearMonth openPeriod) {
        return new GeneratorSettings(100_000, 24, 20261125L, openPeriod);
    }
}
