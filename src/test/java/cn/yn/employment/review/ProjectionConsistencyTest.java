package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;

/** The projection never disagrees with the engine, whatever sequence of actions reviewers and enterprises take. */
class ProjectionConsistencyTest extends ReviewTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    Handover handover;

    @Test
    void randomisedActionsLeaveWorkItemsEqualToTheEnginesReviewerTasks() {
        Random random = new Random(20261125L);
        List<CurrentUser> kunming = List.of(KUNMING_A, KUNMING_B);
        List<CurrentUser> province = List.of(PROVINCE, PROVINCE_B);
        List<String> instances = new ArrayList<>();
        int domainRefusals = 0;
        for (int step = 0; step < 260; step++) {
            int dice = random.nextInt(100);
            if (dice < 12 || instances.isEmpty()) {
                String city = random.nextBoolean() ? "530100" : "530300";
                instances.add(submit(city, city.substring(0, 4) + "02", "随机公司" + step, random.nextInt(5) == 0));
                continue;
            }
            if (dice < 15) {
                String victim = instances.get(random.nextInt(instances.size()));
                if (runtime.createProcessInstanceQuery().processInstanceId(victim).count() > 0) {
                    runtime.deleteProcessInstance(victim, "withdrawn");
                }
                continue;
            }
            List<Task> open = taskService.createTaskQuery().list();
            if (open.isEmpty()) {
                continue;
            }
            Task task = open.get(random.nextInt(open.size()));
            if ("enterpriseRevise".equals(task.getTaskDefinitionKey())) {
                taskService.complete(task.getId());
                continue;
            }
            boolean prov = "provinceReview".equals(task.getTaskDefinitionKey());
            String city = (String) runtime.getVariable(task.getProcessInstanceId(), "cityCode");
            CurrentUser actor = prov ? province.get(random.nextInt(2))
                    : "530100".equals(city) ? kunming.get(random.nextInt(2)) : QUJING;
            as(actor);
            try {
                CurrentUser colleague = prov ? (actor == PROVINCE ? PROVINCE_B : PROVINCE)
                        : actor == KUNMING_A ? KUNMING_B : KUNMING_A;
                switch (random.nextInt(8)) {
                    case 0 -> review.claim(task.getId());
                    case 1 -> review.release(task.getId());
                    case 2, 3 -> review.approve(task.getId(), null);
                    case 4 -> review.returnTask(task.getId(),
                            prov && random.nextBoolean() ? ReturnTo.CITY : ReturnTo.ENTERPRISE, "随机退回 " + step);
                    case 5 -> handover.transfer(task.getId(), colleague.username(), "随机转办 " + step);
                    case 6 -> handover.delegate(task.getId(), colleague.username(), "随机委派 " + step);
                    default -> handover.resolve(task.getId(), "随机交回 " + step);
                }
            } catch (DomainException e) {
                domainRefusals++; // e.g. claimed by the teammate, or delegated: a legitimate refusal
            }
        }
        assertThat(instances.size()).isGreaterThan(20);

        Map<String, String> engine = new TreeMap<>();
        for (Task t : taskService.createTaskQuery().list()) {
            String group = taskService.getIdentityLinksForTask(t.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                    .map(IdentityLink::getGroupId).findFirst().orElse(null);
            if (group != null) {
                boolean delegated = t.getDelegationState() == org.flowable.task.api.DelegationState.PENDING;
                engine.put(t.getId(), group + "|" + t.getAssignee() + "|" + t.getProcessInstanceId() + "|" + delegated
                        + "|" + (delegated ? t.getOwner() : null));
            }
        }
        Map<String, String> projection = new TreeMap<>();
        jdbc.query("select task_id, candidate_group, claimed_by, process_instance_id, delegated, owner_username from work_item", rs -> {
            projection.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                    + rs.getBoolean(5) + "|" + rs.getString(6));
        });
        assertThat(engine.values()).as("some items are delegated at the end").anyMatch(v -> v.contains("|true|"));
        assertThat(engine).isNotEmpty();
        assertThat(projection).isEqualTo(engine);
        // every reviewer task ever completed has exactly one done row
        long completedReviewerTasks = jdbc.queryForObject("select count(*) from work_item_done", Long.class);
        assertThat(completedReviewerTasks).isPositive();
        assertThat(domainRefusals).isGreaterThanOrEqualTo(0);
    }
}
