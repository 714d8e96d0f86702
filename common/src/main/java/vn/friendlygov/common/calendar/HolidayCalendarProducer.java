package vn.friendlygov.common.calendar;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the packaged calendar injectable. */
public class HolidayCalendarProducer {

    @Produces
    @Singleton
    HolidayCalendar calendar() {
        return HolidayCalendar.packaged();
    }
}
