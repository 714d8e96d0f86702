package vn.friendlygov.criteria.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "criteria")
public interface CriteriaConfig {

    Overdue overdue();

    interface Overdue {
        /** When the daily overdue job runs (Quartz-style cron, Asia/Ho_Chi_Minh); the value is read by @Scheduled. */
        @WithDefault("0 5 0 * * ?")
        String cron();

        /** Tasks marked per transaction, so that a large backlog does not hold locks for long. */
        @WithDefault("200")
        int batchSize();
    }
}
