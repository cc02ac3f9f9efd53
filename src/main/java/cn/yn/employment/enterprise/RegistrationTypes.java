package cn.yn.employment.enterprise;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import java.util.List;
import java.util.Optional;

/**
 * The registration-type table has three levels in places (内资企业 → 联营企业 → 国有联营企业); the filing
 * picks a category (first level) and then one of its 25 leaves, whatever their depth.
 */
public final class RegistrationTypes {

    private RegistrationTypes() {
    }

    /** A type with a parent and no children: the only codes a filing may carry. */
    public static boolean isLeaf(CodeService codes, String code) {
        Optional<Code> c = codes.find(CodeType.REGISTRATION_TYPE, code);
        return c.isPresent() && c.get().parentCode() != null && codes.children(CodeType.REGISTRATION_TYPE, code).isEmpty();
    }

    /** The leaves below a first-level category, in table order. */
    public static List<Code> leavesUnder(CodeService codes, String category) {
        return codes.current(CodeType.REGISTRATION_TYPE).stream()
                .filter(c -> c.parentCode() != null && category.equals(rootOf(codes, c.code())) && isLeaf(codes, c.code()))
                .toList();
    }

    /** The first-level category of a type (the type itself for a category); null for an unknown code. */
    public static String rootOf(CodeService codes, String code) {
        Optional<Code> c = codes.find(CodeType.REGISTRATION_TYPE, code);
        for (int depth = 0; c.isPresent() && depth < 10; depth++) {
            if (c.get().parentCode() == null) {
                return c.get().code();
            }
            c = codes.find(CodeType.REGISTRATION_TYPE, c.get().parentCode());
        }
        return null;
    }
}
