package cn.yn.employment.migration;

import java.time.Instant;

/** One mapping entry: source (column header or old code) → target (field or code-table entry). */
public record MappingEntry(long id, MappingKind kind, String source, String target, String note, Instant updatedAt,
                           String updatedBy) {
}
