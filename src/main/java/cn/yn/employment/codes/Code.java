package cn.yn.employment.codes;

import java.time.LocalDate;

/** One entry of a code table, valid from a date until (exclusive) another, or open-ended. */
public record Code(CodeType type, String code, String name, String level, String parentCode, int sortOrder,
                   LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    /** "5301 昆明市"-style label for pickers. */
    public String label() {
        return code + " " + name;
    }
}
