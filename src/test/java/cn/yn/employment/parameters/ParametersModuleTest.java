package cn.yn.employment.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.util.Optional;
import java.util.Set;
import cn.yn.employment.testsupport.ModuleTestKernel;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The {@code parameters} module started alone (Spring Modulith's {@code @ApplicationModuleTest}, standalone): only its
 * own beans, the two modules it uses — the current user and the audit log — as mocks, the shared kernel's clock given
 * here. Proves the module needs nothing else to start and to do its job.
 */
@ApplicationModuleTest
@Import(ModuleTestKernel.class)
@ActiveProfiles("test")
class ParametersModuleTest {

    static final CurrentUser ADMIN = new CurrentUser(9701, "module-admin", "管理员", Set.of(Role.SYSTEM_ADMIN), Scope.system());
    static final CurrentUser PROVINCE = new CurrentUser(9702, "module-prov", "省审核员", Set.of(Role.PROVINCE_REVIEWER),
            Scope.province());

    @MockitoBean CurrentUserProvider users;
    @MockitoBean AuditLog audit;
    @Autowired ParameterService parameters;
    @Autowired ApplicationContext context;

    @Test
    void startsAloneAndChangesAParameterAudited() {
        assertThat(context.getBeanNamesForType(ParameterService.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(WorkingCalendar.class)).hasSize(1);
        when(users.find()).thenReturn(Optional.of(ADMIN));
        int before = parameters.getInt(Parameter.REVIEW_SLA_WORKING_DAYS);
        parameters.set(Parameter.REVIEW_SLA_WORKING_DAYS, Integer.toString(before + 1));
        assertThat(parameters.getInt(Parameter.REVIEW_SLA_WORKING_DAYS)).isEqualTo(before + 1);
        verify(audit).record(eq("PARAMETER_CHANGED"), any(), eq(Parameter.REVIEW_SLA_WORKING_DAYS.key()), any(), any());
        parameters.set(Parameter.REVIEW_SLA_WORKING_DAYS, Integer.toString(before));
    }

    @Test
    void refusesEveryoneButTheSystemAdministrator() {
        when(users.find()).thenReturn(Optional.of(PROVINCE));
        assertThatThrownBy(() -> parameters.set(Parameter.REVIEW_SLA_WORKING_DAYS, "4")).isInstanceOf(AccessDeniedException.class);
    }
}
