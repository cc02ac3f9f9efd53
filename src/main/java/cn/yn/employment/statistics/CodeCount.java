package cn.yn.employment.statistics;

/** A reduction type or reason with the enterprises citing it and their persons reduced (Σ max(P − E, 0)). */
public record CodeCount(String code, String name, long enterprises, long persons) {
}
