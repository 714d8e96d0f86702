package vn.friendlygov.criteria.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "criteria")
public interface CriteriaConfig {

    Overdue overdue();

    interface Overdue {
        /**
         * When the overdue job runs (Quartz-style cron, Asia/Ho_Chi_Minh; read by @Scheduled). Hourly, so that a day
         * missed while the service was down, or a plan imported with past due dates, is caught up within the hour.
         */
        @WithDefault("0 5 * * * ?")
        String cron();

        /** Tasks marked per transaction, so that a large backlog does not hold locks for long. */
        @WithDefault("200")
        int batchSize();
    }
}
