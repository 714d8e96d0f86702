package vn.friendlygov.criteria.schedule;

/** How a task recurs in the plan year, as carried in task events. */
public enum Recurrence { ONCE, WEEKLY, MONTHLY, YEARLY, HOLIDAY, ONGOING }
