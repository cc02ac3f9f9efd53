package cn.yn.employment.processadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.processadmin.ProcessInstanceList.Page;
import cn.yn.employment.processadmin.ProcessInstanceList.Row;
import cn.yn.employment.processadmin.ProcessInstanceList.Search;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The running-instance list: each filter, paging, the current step, and nobody but the process admin. */
class ProcessInstanceListTest extends ProcessAdminTestBase {

    @Autowired
    ProcessInstanceList list;

    /** Starts a chain instance with the contract variables; names carry a per-test tag (the context is shared). */
    String start(long enterpriseId, String name, String uscc, String period) {
        Map<String, Object> vars = new HashMap<>(Map.of("kind", "REPORT", "subjectId", enterpriseId,
                "enterpriseId", enterpriseId, "cityCode", "530100", "enterpriseName", name, "uscc", uscc));
        if (period != null) {
            vars.put("periodCode", period);
        }
        return runtime.startProcessInstanceByKey(KEY, "REPORT:" + enterpriseId, vars).getId();
    }

    static Search search(String enterprise, String uscc, String period, String step) {
        return new Search(KEY, null, enterprise, uscc, period, step);
    }

    @Test
    void searchesByEnterpriseUsccPeriodAndStepAndShowsTheCurrentStep() {
        testModel();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String a = start(9101, "昆明" + tag + "机械有限公司", "91530100MA6K" + tag.substring(0, 6).toUpperCase(), "2026-10");
        String b = start(9102, "曲靖" + tag + "食品厂", "91530300MA6K" + tag.substring(2, 8).toUpperCase(), "2026-11");
        String c = start(9103, "玉溪" + tag + "烟草公司", "91530400MA6K" + tag.substring(1, 7).toUpperCase(), "2026-11");
        // b moves on to the province
        Task cityTask = tasks.createTaskQuery().processInstanceId(b).singleResult();
        tasks.complete(cityTask.getId(), Map.of("decision", "APPROVE"));
        loginAdmin();

        assertThat(ids(list.search(search(tag, null, null, null), 0, 20))).containsExactlyInAnyOrder(a, b, c);
        assertThat(ids(list.search(search("曲靖" + tag, null, null, null), 0, 20))).containsExactly(b);
        assertThat(ids(list.search(search("机械", null, null, null), 0, 100))).contains(a).doesNotContain(b, c);
        assertThat(ids(list.search(search(null, "91530400ma6k" + tag.substring(1, 7), null, null), 0, 20)))
                .as("USCC in any case").containsExactly(c);
        assertThat(ids(list.search(search(tag, null, "2026-11", null), 0, 20))).containsExactlyInAnyOrder(b, c);
        assertThat(ids(list.search(search(tag, null, null, "provinceReview"), 0, 20))).containsExactly(b);
        assertThat(ids(list.search(search(tag, null, "2026-11", "cityReview"), 0, 20))).containsExactly(c);
        assertThat(ids(list.search(search(tag + "%", null, null, null), 0, 20))).as("a typed % is no wildcard")
                .containsExactlyInAnyOrder(a, b, c);

        Row rowB = list.search(search("曲靖" + tag, null, null, null), 0, 20).rows().get(0);
        assertThat(rowB.stepIds()).containsExactly("provinceReview");
        assertThat(rowB.stepNames()).containsExactly("省级审核");
        assertThat(rowB.uscc()).startsWith("91530300");
        assertThat(rowB.periodCode()).isEqualTo("2026-11");
        assertThat(rowB.cityCode()).isEqualTo("530100");
        assertThat(rowB.version()).isEqualTo(testModel().getVersion());
        assertThat(ProcessInstanceDiagrams.path(rowB.processInstanceId())).isEqualTo("process/instance/" + b);

        assertThat(list.steps(KEY)).extracting(ProcessInstanceList.Step::id)
                .contains("cityReview", "provinceReview", "revise").doesNotContain("start", "cityDecision", "end");
        assertThat(list.versions(KEY)).isNotEmpty().first().satisfies(v -> assertThat(v.definitionId()).isEqualTo(testModel().getId()));
        assertThat(list.processes()).containsKey(KEY);
        String versionId = testModel().getId();
        assertThat(ids(list.search(new Search(KEY, versionId, tag, null, null, null), 0, 20))).hasSize(3);
    }

    @Test
    void pagesAreNumberedAndNewestFirst() {
        testModel();
        String tag = "页" + UUID.randomUUID().toString().substring(0, 6);
        List<String> started = IntStream.range(0, 23).mapToObj(i -> start(9200 + i, tag + "企业" + i, "U" + i, "2026-09")).toList();
        loginAdmin();

        Page first = list.search(search(tag, null, null, null), 0, 10);
        Page last = list.search(search(tag, null, null, null), 2, 10);
        assertThat(first.total()).isEqualTo(23);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.rows()).hasSize(10);
        assertThat(last.rows()).hasSize(3);
        List<String> all = new java.util.ArrayList<>();
        for (int p = 0; p < 3; p++) {
            all.addAll(ids(list.search(search(tag, null, null, null), p, 10)));
        }
        assertThat(all).as("every instance once over the pages").containsExactlyInAnyOrderElementsOf(started);
        assertThat(list.search(search(tag + "无此企业", null, null, null), 0, 10))
                .satisfies(p -> {
                    assertThat(p.rows()).isEmpty();
                    assertThat(p.pages()).isEqualTo(1);
                });
        assertThatThrownBy(() -> list.search(search(tag, null, null, null), 0, 1000)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> list.search(search(tag, null, null, null), -1, 10)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> list.search(new Search("noSuchProcess", null, null, null, null, null), 0, 10))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> list.search(search("企业\u202e", null, null, null), 0, 10)).as("refused characters (issue 18)")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors()).extracting(f -> f.field())
                        .containsExactly("enterprise"));
    }

    @Test
    void onlyTheProcessAdminListsInstances() {
        testModel();
        List<Executable> calls = List.of(() -> list.search(search(null, null, null, null), 0, 10), () -> list.steps(KEY),
                () -> list.versions(KEY), () -> list.processes());
        for (Role role : Role.values()) {
            if (role == Role.PROCESS_ADMIN) {
                continue;
            }
            Scope scope = switch (role) {
                case ENTERPRISE -> Scope.enterprise(1);
                case CITY_REVIEWER -> Scope.city("530100");
                case PROVINCE_REVIEWER, LEADER -> Scope.province();
                default -> Scope.system();
            };
            loginAs(user("l" + role, role, scope));
            for (Executable call : calls) {
                assertThatThrownBy(call::execute).as(role.name()).isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    private static List<String> ids(Page p) {
        return p.rows().stream().map(Row::processInstanceId).toList();
    }
}
