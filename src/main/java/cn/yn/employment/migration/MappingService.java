package cn.yn.employment.migration;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.migration.internal.MappingStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The field and code mapping of the migration, held as data and edited by the system administrator: which column
 * header is which field, which old code is which entry of today's code tables. A target is checked against the
 * fields of its file or the code table it names.
 */
@Service
public class MappingService {

    private final MappingStore store;
    private final CodeService codes;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Clock clock;

    MappingService(MappingStore store, CodeService codes, CurrentUserProvider currentUser, AuditLog audit, Clock clock) {
        this.store = store;
        this.codes = codes;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MappingEntry> list(MappingKind kind) {
        requireAdmin();
        return store.list(kind);
    }

    /** Adds an entry, or changes the target of the entry with the same kind and source. */
    @Transactional
    public MappingEntry save(MappingKind kind, String source, String target, String note) {
        CurrentUser me = requireAdmin();
        String s = source == null ? "" : source.strip();
        String t = target == null ? "" : target.strip();
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) {
            errors.add(new FieldError("kind", "migration.mapping.kindRequired"));
        }
        if (s.isEmpty() || s.length() > 100) {
            errors.add(new FieldError("source", "migration.mapping.sourceInvalid"));
        }
        if (kind != null && !validTarget(kind, t)) {
            errors.add(new FieldError("target", "migration.mapping.targetInvalid." + kind.name()));
        }
        if (note != null && note.length() > 200) {
            errors.add(new FieldError("note", "migration.mapping.noteTooLong"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException("migration.mapping.invalid", errors);
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        Optional<MappingEntry> before = store.find(kind, s);
        if (before.isPresent()) {
            store.update(before.get().id(), t, n, clock.instant(), me.username());
        } else {
            store.insert(kind, s, t, n, clock.instant(), me.username());
        }
        audit.record("MIGRATION_MAPPING_SAVED", "migration_mapping", kind + ":" + s,
                before.map(b -> Map.of("target", b.target())).orElse(null), Map.of("target", t));
        return store.find(kind, s).orElseThrow();
    }

    @Transactional
    public void delete(long id) {
        requireAdmin();
        MappingEntry e = store.find(id).orElseThrow(() -> new DomainException("migration.mapping.notFound"));
        store.delete(id);
        audit.record("MIGRATION_MAPPING_DELETED", "migration_mapping", e.kind() + ":" + e.source(), Map.of("target", e.target()), null);
    }

    private boolean validTarget(MappingKind kind, String t) {
        return switch (kind) {
            case COLUMN_ENTERPRISE -> MigrationFields.of(FileKind.ENTERPRISES).contains(t);
            case COLUMN_USER -> MigrationFields.of(FileKind.USERS).contains(t);
            case COLUMN_REPORT -> MigrationFields.of(FileKind.REPORTS).contains(t);
            case REGION -> codes.isCounty(t);
            case INDUSTRY_2011 -> codes.isIndustryDivision(t);
            case ROLE -> java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(t));
            case REDUCTION_TYPE -> codes.find(CodeType.REDUCTION_TYPE, t).isPresent();
            case REDUCTION_REASON -> codes.find(CodeType.REDUCTION_REASON, t).isPresent();
            case LEGACY_ID -> cn.yn.employment.codes.Uscc.isValid(t);
        };
    }

    private CurrentUser requireAdmin() {
        return Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
    }
}
