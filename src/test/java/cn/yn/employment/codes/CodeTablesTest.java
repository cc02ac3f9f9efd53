package cn.yn.employment.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.demo.DemoRunner;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class CodeTablesTest extends FoundationTest {

    @Autowired CodeService codes;
    @Autowired DemoRunner runner;
    @Autowired JdbcTemplate jdbc;

    @Test
    void regionsAre146OneProvinceSixteenPrefecturesAnd129Counties() {
        List<Code> regions = codes.current(CodeType.REGION);
        assertThat(regions).hasSize(146);
        assertThat(regions.stream().filter(c -> "province".equals(c.level()))).hasSize(1);
        assertThat(regions.stream().filter(c -> "prefecture".equals(c.level()))).hasSize(16);
        assertThat(regions.stream().filter(c -> "county".equals(c.level()))).hasSize(129);
        assertThat(codes.cities()).hasSize(16).extracting(Code::code).contains("530100", "533400");
        assertThat(codes.allCounties()).hasSize(129);
        assertThat(codes.counties("530100")).extracting(Code::code).contains("530102");
        assertThat(codes.cityOf("530102")).contains("530100");
        assertThat(codes.isCounty("530100")).isFalse();
        // every county hangs under one of the 16 prefectures
        List<String> cities = codes.cities().stream().map(Code::code).toList();
        assertThat(codes.allCounties()).allMatch(c -> cities.contains(c.parentCode()));
    }

    @Test
    void industriesAre20SectionsAnd97Divisions() {
        List<Code> industries = codes.current(CodeType.INDUSTRY);
        assertThat(industries.stream().filter(c -> "section".equals(c.level()))).hasSize(20);
        assertThat(industries.stream().filter(c -> "division".equals(c.level()))).hasSize(97);
        assertThat(codes.isIndustryDivision("65")).isTrue();
        assertThat(codes.isIndustryDivision("I")).isFalse();
        assertThat(codes.sectionOf("65")).contains("I");
    }

    @Test
    void registrationTypesReductionTypesAndReasons() throws Exception {
        long csvRows;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                getClass().getResourceAsStream("/codes/registration_types.csv"), java.nio.charset.StandardCharsets.UTF_8)).lines()) {
            csvRows = lines.skip(1).filter(l -> !l.isBlank()).count();
        }
        List<Code> registration = codes.current(CodeType.REGISTRATION_TYPE);
        assertThat(registration).hasSize((int) csvRows).hasSize(31);
        List<String> parents = registration.stream().map(Code::parentCode).filter(p -> p != null).distinct().toList();
        assertThat(registration.stream().filter(c -> c.parentCode() != null && !parents.contains(c.code()))).hasSize(25);
        assertThat(codes.current(CodeType.REDUCTION_TYPE)).hasSize(10);
        assertThat(codes.current(CodeType.REDUCTION_REASON)).hasSize(14);
    }

    @Test
    void aNewVersionClosesThePreviousOneAndOldDaysKeepTheOldLabel() {
        LocalDate change = LocalDate.of(2026, 1, 1);
        runner.runAs(DemoAccounts.SYSTEM_ADMIN, () ->
                codes.saveVersion(CodeType.REDUCTION_REASON, "RC14", "其他原因（修订）", null, null, change));
        List<Code> versions = codes.allVersions(CodeType.REDUCTION_REASON).stream().filter(c -> c.code().equals("RC14")).toList();
        assertThat(versions).hasSize(2);
        Code old = versions.stream().filter(c -> c.validTo() != null).findFirst().orElseThrow();
        assertThat(old.validTo()).isEqualTo(change);
        assertThat(codes.findOn(CodeType.REDUCTION_REASON, "RC14", LocalDate.of(2025, 12, 31))).map(Code::name).contains(old.name());
        assertThat(codes.findOn(CodeType.REDUCTION_REASON, "RC14", change)).map(Code::name).contains("其他原因（修订）");
        assertThat(codes.find(CodeType.REDUCTION_REASON, "RC14")).map(Code::name).contains("其他原因（修订）");
        assertThat(codes.current(CodeType.REDUCTION_REASON)).hasSize(14);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CODE_VERSION_SAVED' and target_id = 'RC14'",
                Integer.class)).isEqualTo(1);

        // a version may not start on or before the current one
        runner.runAs(DemoAccounts.SYSTEM_ADMIN, () -> assertThatThrownBy(() ->
                codes.saveVersion(CodeType.REDUCTION_REASON, "RC14", "又一次", null, null, change))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field).containsExactly("validFrom")));
    }

    @Test
    void newEntriesAreValidatedAndRetiringEndsValidity() {
        runner.runAs(DemoAccounts.SYSTEM_ADMIN, () -> {
            assertThatThrownBy(() -> codes.saveVersion(CodeType.REDUCTION_TYPE, "RT 99", "", null, "NOPE", null))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
                            .extracting(DomainException.FieldError::field)
                            .containsExactlyInAnyOrder("code", "name", "validFrom", "parentCode"));
            codes.saveVersion(CodeType.REDUCTION_TYPE, "RT99", "试验类型", null, null, LocalDate.of(2026, 2, 1));
            assertThat(codes.find(CodeType.REDUCTION_TYPE, "RT99")).isPresent();
            codes.retire(CodeType.REDUCTION_TYPE, "RT99", LocalDate.of(2026, 3, 1));
            assertThat(codes.find(CodeType.REDUCTION_TYPE, "RT99")).isEmpty();
            assertThat(codes.findOn(CodeType.REDUCTION_TYPE, "RT99", LocalDate.of(2026, 2, 15))).isPresent();
            assertThatThrownBy(() -> codes.retire(CodeType.REDUCTION_TYPE, "RT99", LocalDate.of(2026, 4, 1)))
                    .isInstanceOf(DomainException.class);
        });
    }
}
