package cn.yn.employment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.demo.DemoRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AuditChainTest extends FoundationTest {

    @Autowired AuditLog log;
    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoRunner runner;
    @Autowired AuditChainSealer sealer;

    @Test
    void scheduledSealsRunningAtOnceOnTwoNodesKeepOneChain() throws Exception {
        // two nodes' schedulers firing together: each call must hold the chain head's lock for its whole batch
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 50; i++) {
                log.recordAs("tester", "TEST_CONCURRENT_SEAL", "thing", round + "-" + i, null, Map.of("i", i));
            }
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> runs = List.of(
                        nodes.submit(() -> { start.await(); sealer.scheduledSeal(); return null; }),
                        nodes.submit(() -> { start.await(); sealer.scheduledSeal(); return null; }));
                for (var run : runs) {
                    run.get(60, java.util.concurrent.TimeUnit.SECONDS); // rethrows a DuplicateKeyException of a node
                }
            } finally {
                nodes.shutdownNow();
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_log where seq is null", Long.class)).isZero();
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void recordsAreSealedIntoAnIntactChain() {
        log.recordAs("tester", "TEST_ACTION", "thing", "1", Map.of("v", 1), Map.of("v", 2));
        log.recordAs("tester", "TEST_ACTION", "thing", "2", null, Map.of("name", "云南"));
        ChainVerification v = audit.verifyChain();
        assertThat(v.intact()).isTrue();
        long total = jdbc.queryForObject("select count(*) from audit_log", Long.class);
        assertThat(v.checked()).isEqualTo(total);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where seq is null", Long.class)).isZero();
        Map<String, Object> row = jdbc.queryForMap("select * from audit_log where target_type = 'thing' and target_id = '1'");
        assertThat(row.get("actor")).isEqualTo("tester");
        assertThat(row.get("before_json")).isEqualTo("{\"v\":1}");
        assertThat(row.get("after_json")).isEqualTo("{\"v\":2}");
    }

    @Test
    void anAlteredRowIsNamedAsTheFirstBrokenEntry() {
        log.recordAs("tester", "TEST_TAMPER", "thing", "t1", null, Map.of("amount", 10));
        log.recordAs("tester", "TEST_TAMPER", "thing", "t2", null, Map.of("amount", 20));
        assertThat(audit.verifyChain().intact()).isTrue();
        Map<String, Object> victim = jdbc.queryForMap("select id, seq, after_json from audit_log where target_id = 't1'");
        try {
            jdbc.update("update audit_log set after_json = '{\"amount\":99}' where id = ?", victim.get("id"));
            ChainVerification v = audit.verifyChain();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(((Number) victim.get("seq")).longValue());
            assertThat(v.firstBrokenId()).isEqualTo(((Number) victim.get("id")).longValue());
            assertThat(v.reason()).isEqualTo(AuditService.REASON_CONTENT);
        } finally {
            jdbc.update("update audit_log set after_json = ? where id = ?", victim.get("after_json"), victim.get("id"));
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void aDeletedRowIsNamedByItsSequenceNumber() {
        log.recordAs("tester", "TEST_DELETE", "thing", "d1", null, Map.of("x", 1));
        log.recordAs("tester", "TEST_DELETE", "thing", "d2", null, Map.of("x", 2));
        assertThat(audit.verifyChain().intact()).isTrue();
        Map<String, Object> victim = jdbc.queryForMap("select * from audit_log where target_id = 'd1'");
        long seq = ((Number) victim.get("seq")).longValue();
        try {
            jdbc.update("delete from audit_log where id = ?", victim.get("id"));
            ChainVerification v = audit.verifyChain();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.reason()).isEqualTo(AuditService.REASON_MISSING);
        } finally {
            reinsert(victim);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void deletingTheNewestRowIsDetectedThroughTheChainHead() {
        log.recordAs("tester", "TEST_DELETE_LAST", "thing", "last", null, null);
        assertThat(audit.verifyChain().intact()).isTrue();
        Map<String, Object> victim = jdbc.queryForMap("select * from audit_log where target_id = 'last'");
        try {
            jdbc.update("delete from audit_log where id = ?", victim.get("id"));
            ChainVerification v = audit.verifyChain();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(((Number) victim.get("seq")).longValue());
        } finally {
            reinsert(victim);
        }
    }

    @Test
    void searchExportAndVerifyForTheSystemAdministrator() {
        clock.advance(Duration.ofDays(1));
        log.recordAs("exporter", "TEST_EXPORT", "thing", "e1", null, Map.of("name", "昆明,\"五华\""));
        runner.runAs(DemoAccounts.SYSTEM_ADMIN, () -> {
            AuditQuery q = new AuditQuery("exporter", "TEST_EXPORT", null, null, clock.instant().minusSeconds(60), null);
            assertThat(audit.count(q)).isEqualTo(1);
            List<AuditEntry> rows = audit.search(q, 0, 10);
            assertThat(rows).singleElement().satisfies(e -> assertThat(e.targetId()).isEqualTo("e1"));
            assertThat(audit.count(new AuditQuery("exporter", null, null, null, null, clock.instant().minusSeconds(60)))).isZero();
            byte[] csv = audit.exportCsv(q);
            assertThat(csv[0]).isEqualTo((byte) 0xEF);
            assertThat(csv[1]).isEqualTo((byte) 0xBB);
            assertThat(csv[2]).isEqualTo((byte) 0xBF);
            String text = new String(csv, StandardCharsets.UTF_8);
            assertThat(text.lines()).hasSize(2);
            assertThat(text).contains("exporter,TEST_EXPORT,thing,e1").contains("\"{\"\"name\"\":\"\"昆明,\\\"\"五华\\\"\"\"\"}\"");
            assertThat(audit.verify().intact()).isTrue();
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'AUDIT_EXPORTED' and actor = 'admin'", Integer.class))
                .isEqualTo(1);
    }

    private void reinsert(Map<String, Object> r) {
        jdbc.update("insert into audit_log (id, occurred_at, actor, action, target_type, target_id, before_json, after_json,"
                        + " client_address, seq, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.get("id"), r.get("occurred_at"), r.get("actor"), r.get("action"), r.get("target_type"), r.get("target_id"),
                r.get("before_json"), r.get("after_json"), r.get("client_address"), r.get("seq"), r.get("prev_hash"), r.get("hash"));
    }
}
