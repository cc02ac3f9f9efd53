package cn.yn.employment.processadmin;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The expressions a process model may carry: variables, literals, comparisons and logical operators, plus
 * reading a variable by a literal name ({@code execution.getVariable('returnTo')}). No method calls, no property
 * access, no {@code #{...}}, no engine objects, no Spring bean outside the allow-list. Used on every attribute and
 * text of the XML and again on every string of the model Flowable parses from it.
 */
final class ExpressionAllowList {

    private static final Set<String> EL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "empty", "true", "false", "null", "div", "mod", "instanceof");
    /** Engine objects an expression could walk from; never needed by our models. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "variableContainer",
            "planItemInstance", "processEngineConfiguration", "processEngine", "applicationContext");

    private final Set<String> allowedBeans;
    private final Predicate<String> isBeanName;

    /**
     * @param allowedBeans beans a {@code delegateExpression} may name (an expression may mention them too)
     * @param isBeanName   true for names of beans in the application context (expressions must not reach them)
     */
    ExpressionAllowList(Set<String> allowedBeans, Predicate<String> isBeanName) {
        this.allowedBeans = Set.copyOf(allowedBeans);
        this.isBeanName = isBeanName;
    }

    boolean beanAllowed(String name) {
        return allowedBeans.contains(name);
    }

    /** Every {@code ${...}} in a value must be a simple variable reference or comparison; {@code #{} never. */
    void check(String value, String owner, List<ValidationProblem> problems) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (value.contains("#{")) {
            problems.add(new ValidationProblem(owner, "processadmin.problem.unsafeExpression", abbreviate(value)));
            return;
        }
        int from = 0;
        while (true) {
            int start = value.indexOf("${", from);
            if (start < 0) {
                return;
            }
            int end = closing(value, start + 2);
            if (end < 0) {
                problems.add(new ValidationProblem(owner, "processadmin.problem.unsafeExpression", abbreviate(value)));
                return;
            }
            String reason = unsafeReason(value.substring(start + 2, end));
            if (reason != null) {
                problems.add(new ValidationProblem(owner, "processadmin.problem.unsafeExpression",
                        abbreviate(value.substring(start, end + 1)) + " (" + reason + ")"));
            }
            from = end + 1;
        }
    }

    private static int closing(String s, int i) {
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The one method call allowed: reading a process variable by a literal name,
     * {@code execution.getVariable('returnTo')} (null instead of an error when the variable is not set).
     */
    private static final Pattern VARIABLE_READ =
            Pattern.compile("\\bexecution\\s*\\.\\s*getVariable\\s*\\(\\s*'[A-Za-z_][A-Za-z0-9_]*'\\s*\\)");

    /** Null when the expression body is only identifiers, literals and operators; else why not. */
    String unsafeReason(String expressionBody) {
        String body = VARIABLE_READ.matcher(expressionBody).replaceAll(" variableRead ");
        int i = 0;
        String previousIdent = null;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < body.length() && body.charAt(j) != c) {
                    j += body.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= body.length()) {
                    return "unterminated string";
                }
                i = j + 1;
                previousIdent = null;
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < body.length() && (Character.isDigit(body.charAt(i)) || body.charAt(i) == '.')) {
                    i++;
                }
                previousIdent = null;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < body.length() && (Character.isLetterOrDigit(body.charAt(j)) || body.charAt(j) == '_')) {
                    j++;
                }
                String ident = body.substring(i, j);
                if (!EL_WORDS.contains(ident)) {
                    if (ENGINE_OBJECTS.contains(ident)) {
                        return "engine object " + ident;
                    }
                    if (isBeanName.test(ident) && !allowedBeans.contains(ident)) {
                        return "bean " + ident;
                    }
                }
                previousIdent = ident;
                i = j;
                continue;
            }
            if (c == '(') {
                if (previousIdent != null && !EL_WORDS.contains(previousIdent)) {
                    return "call " + previousIdent + "(";
                }
                i++;
                continue;
            }
            String two = i + 1 < body.length() ? body.substring(i, i + 2) : "";
            if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("&&") || two.equals("||")) {
                i += 2;
                previousIdent = null;
                continue;
            }
            if (two.equals("->") || two.equals("+=")) {
                return "operator " + two;
            }
            if ("<>!+-*/%?:)".indexOf(c) >= 0) {
                i++;
                previousIdent = null;
                continue;
            }
            return "character '" + c + "'";
        }
        return null;
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
