package cn.yn.employment.forwarding;

import cn.yn.employment.testsupport.ApiCaller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.forwarding.internal.PackageBuilder;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The forwarding API: status, build, send, download with checksum, resend, acknowledge; roles and rule errors. */
class ForwardingApiTest extends ForwardingTestBase {

    @Autowired
    WebApplicationContext context;

    /** A caller of this role and scope for the filter chain and the service alike ({@link ApiCaller}). */
    private static RequestPostProcessor as(Scope scope, Role role) {
        return ApiCaller.as(new CurrentUser(1, "api-province", "接口测试", Set.of(role), scope));
    }

    @Test
    void theProvinceForwardsAPeriodOverTheApi() throws Exception {
        String p = "2019-06";
        openPeriod(p);
        accepted(p, "530100", "530102", 100);
        accepted(p, "530500", "530502", 120);
        close(p);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        RequestPostProcessor province = as(Scope.province(), Role.PROVINCE_REVIEWER);

        mvc.perform(get("/api/v1/forwarding/periods").with(province)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.periodCode == '2019-06')].status").value("BUILT"));
        mvc.perform(get("/api/v1/forwarding/periods/{p}", p).with(province)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status.status").value("BUILT"))
                .andExpect(jsonPath("$.preview.accepted").value(2))
                .andExpect(jsonPath("$.packages[0].fileName").value("YN530000_201906_00.zip"))
                .andExpect(jsonPath("$.packages[0].recordCount").value(2));
        // nothing changed since the close: a rebuild of the unsent package
        mvc.perform(post("/api/v1/forwarding/periods/{p}/build", p).with(province)).andExpect(status().isOk())
                .andExpect(jsonPath("$.sequenceNo").value(0));

        var download = mvc.perform(get("/api/v1/forwarding/periods/{p}/packages/0", p).with(province))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("YN530000_201906_00.zip")))
                .andReturn().getResponse();
        byte[] zip = download.getContentAsByteArray();
        assertThat(download.getHeader("X-Checksum-SHA256")).isEqualTo(PackageBuilder.sha256(zip));
        assertThat(unzip(zip)).containsKeys("records.csv", "records.xml", "summary.csv", "manifest.json");

        mvc.perform(post("/api/v1/forwarding/periods/{p}/send", p).with(province)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].delivered").value(true))
                .andExpect(jsonPath("$[0].pkg.status").value("SENT"));
        mvc.perform(post("/api/v1/forwarding/periods/{p}/send", p).with(province)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("forwarding.error.nothingToSend"));
        mvc.perform(post("/api/v1/forwarding/periods/{p}/packages/0/resend", p).with(province)).andExpect(status().isOk())
                .andExpect(jsonPath("$.alreadyPresent").value(true));
        mvc.perform(get("/api/v1/forwarding/periods/{p}/transmissions", p).with(province)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(post("/api/v1/forwarding/periods/{p}/packages/0/acknowledge", p).with(province)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"" + "长".repeat(501) + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("note"));
        mvc.perform(post("/api/v1/forwarding/periods/{p}/packages/0/acknowledge", p).with(province)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"回执 A-1\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        mvc.perform(get("/api/v1/forwarding/periods/{p}/packages/7", p).with(province)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("notFound"));

        mvc.perform(get("/api/v1/forwarding/periods/{p}/packages/0", p).with(as(Scope.city("530100"), Role.CITY_REVIEWER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/forwarding/periods/{p}/build", p).with(as(Scope.province(), Role.LEADER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/forwarding/periods").with(as(Scope.enterprise(1), Role.ENTERPRISE))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/forwarding/periods")).andExpect(status().isUnauthorized());
    }
}
