package cn.yn.employment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.enterprise.FilingData;
import cn.yn.employment.enterprise.RegistrationForm;
import cn.yn.employment.notice.NoticeForm;
import cn.yn.employment.notice.NoticeTarget;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.review.InboxFilter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 18 item 7, over every text field of every input record the services take from forms and the API: each
 * String component (found by reflection, so a new field is covered without a new test) holding NUL, ESC or U+202E
 * is refused with a field error named after that component. Passwords are left as typed (they are hashed, never
 * shown). Single text parameters of services (comments, reasons, explanations, filter names) are tested with their
 * services (ReportTextInputTest, ReviewTextInputTest, NoticeAndNotificationTest).
 */
class EveryTextFieldTest {

    static final List<String> BAD = List.of("\u0000", "\u001b[2J", "\u202e");
    static final Set<String> NOT_TEXT = Set.of("password", "initialPassword");

    record Input<R extends Record>(R sample, Function<R, ?> gate) {
    }

    static final List<Input<?>> INPUTS = List.of(
            new Input<>(new ReportForm(10, 1, 1, 0, "RT01", "RC01", "n1", "RC02", "n2", "RC03", "n3", "other"),
                    f -> checkInto(in -> f.checkedText(in))),
            new Input<>(new FilingData("91530100MA6CKQXX1X", "名称", "530102", "110", "13", "经营范围", "联系人", "地址", "650000",
                    "0871-65123456", "0871-65123457", "hr@example.cn", 10), FilingData::checkedText),
            new Input<>(new RegistrationForm("91530100MA6CKQXX1X", "名称", "530102", "联系人", "0871-65123456", "hr@example.cn",
                    "user1", "Secret123"), RegistrationForm::checkedText),
            new Input<>(new NoticeForm("标题", "正文", NoticeTarget.INDUSTRY, List.of(), "C"), NoticeForm::checkedText),
            new Input<>(new UserForm("user1", "姓名", "a@example.cn", "13800000000", Set.of(Role.ENTERPRISE), Scope.enterprise(1),
                    "Secret123"), UserForm::checkedText),
            new Input<>(new InboxFilter("2026-01", "530100", "530102", "13", "REPORT", null, null, InboxFilter.Claim.ANY, "查找", false),
                    f -> checkInto(in -> f.checkedText(in))));

    static Object checkInto(Function<TextInput, ?> gate) {
        TextInput in = new TextInput();
        Object out = gate.apply(in);
        in.throwIfInvalid();
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyStringComponentRefusesControlAndBidiCharacters() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Input<?> input : INPUTS) {
            addTests(tests, input);
        }
        assertThat(tests).hasSizeGreaterThan(40);
        return tests.stream();
    }

    private static <R extends Record> void addTests(List<DynamicTest> tests, Input<R> input) {
        R sample = input.sample();
        tests.add(DynamicTest.dynamicTest(sample.getClass().getSimpleName() + " as is", () -> input.gate().apply(sample)));
        for (RecordComponent c : sample.getClass().getRecordComponents()) {
            if (c.getType() != String.class || NOT_TEXT.contains(c.getName())) {
                continue;
            }
            for (String bad : BAD) {
                tests.add(DynamicTest.dynamicTest(sample.getClass().getSimpleName() + "." + c.getName() + " with U+"
                        + String.format("%04X", (int) bad.charAt(0)), () -> {
                    R poisoned = with(sample, c, "正常" + bad + "文本");
                    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> input.gate().apply(poisoned));
                    assertThat(t).isInstanceOf(DomainException.class);
                    assertThat(((DomainException) t).fieldErrors()).extracting(DomainException.FieldError::field)
                            .containsExactly(c.getName());
                }));
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, RecordComponent target, Object value) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals(target.getName()) ? value : components[i].getAccessor().invoke(record);
        }
        var ctor = record.getClass().getDeclaredConstructor(types);
        ctor.setAccessible(true);
        return (R) ctor.newInstance(args);
    }
}
