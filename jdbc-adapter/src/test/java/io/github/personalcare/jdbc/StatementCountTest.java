package io.github.personalcare.jdbc;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Statements per service command on H2 (one batch of audit records, one of outbox entries). */
class StatementCountTest extends StatementCountScenarios {
    private final String url = TestDatabases.h2Url();

    @Override
    DataSource open() {
        return TestDatabases.h2DataSource(url);
    }

    @Override
    Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    void close() {
        TestDatabases.execute(TestDatabases.h2DataSource(url), "SHUTDOWN");
    }

    @Override
    Map<String, Integer> ceilings() {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("patient.register", 9);
        c.put("careteam.establish", 11); // 10 before issue 20: the appointment relationship source reads once
        c.put("careteam.addProfessional", 6);
        c.put("careplan.draft", 7);
        c.put("careplan.agree", 6);
        c.put("careplan.read", 5);
        c.put("budget.allocate", 7);
        c.put("budget.recordSpend", 7);
        // one more than before: a first send no longer looks its key up; a resend finds it when
        // its entry collides (a rare resend pays the statement every first send saves)
        c.put("budget.recordSpend.resent", 6);
        c.put("budget.balance", 5);
        c.put("messaging.open", 6);
        c.put("messaging.post", 7);
        c.put("messaging.post.byCareTeam", 7);
        c.put("messaging.markRead", 5);
        c.put("messaging.read", 6);
        return c;
    }

    @Override
    int importChunkCeiling() {
        return 15;
    }
}
