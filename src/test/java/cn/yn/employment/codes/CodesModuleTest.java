package cn.yn.employment.codes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.testsupport.ModuleTestKernel;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The {@code codes} module started alone (Spring Modulith's {@code @ApplicationModuleTest}, standalone): its code
 * tables, loaded by the Flyway Java migration, read through {@link CodeService} with the modules it uses mocked.
 */
@ApplicationModuleTest
@Import(ModuleTestKernel.class)
@ActiveProfiles("test")
class CodesModuleTest {

    @MockitoBean CurrentUserProvider users;
    @MockitoBean AuditLog audit;
    @Autowired CodeService codes;

    @Test
    void startsAloneAndReadsTheCodeTables() {
        assertThat(codes.cities()).extracting(Code::code).contains("530100", "533400").hasSize(16);
        assertThat(codes.cityOf("530102")).contains("530100");
        assertThat(codes.isIndustryDivision("65")).isTrue();
        assertThat(codes.sectionOf("65")).contains("I");
        assertThat(codes.nameOf(CodeType.REGISTRATION_TYPE, "173")).isNotBlank();
    }
}
