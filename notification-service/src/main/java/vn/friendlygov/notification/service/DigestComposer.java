package vn.friendlygov.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.notification.readmodel.FeedbackView;
import vn.friendlygov.notification.readmodel.TaskView;

/** The weekly digest of a unit: what is overdue and what falls due in the coming seven days, from the read models. */
@ApplicationScoped
public class DigestComposer {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public record Digest(String title, String text, String html, int dueSoon, int overdue) {
    }

    private record Line(boolean overdue, String text) {
    }

    public Digest compose(String ward, String unit, OffsetDateTime at) {
        LocalDate today = at.atZoneSameInstant(HolidayCalendar.ZONE).toLocalDate();
        LocalDate horizon = today.plusDays(7);
        List<Line> lines = new ArrayList<>();
        List<TaskView> tasks = TaskView.list("ward = ?1 and leadUnit = ?2 and dueDate <= ?3 and status not in ?4 "
                + "order by dueDate, title", ward, unit, horizon, TaskView.DONE);
        for (TaskView t : tasks) {
            lines.add(line(t.dueDate, today, "Nhiệm vụ: " + t.title));
        }
        List<FeedbackView> cases = FeedbackView.list("ward = ?1 and unit = ?2 and dueDate <= ?3 and status not in ?4 "
                + "order by dueDate, trackingCode", ward, unit, horizon, FeedbackView.DONE);
        for (FeedbackView f : cases) {
            lines.add(line(f.dueDate, today, "Phản ánh " + (f.trackingCode == null ? f.feedbackId : f.trackingCode)
                    + (f.category == null ? "" : " (" + f.category + ")")));
        }
        int overdue = (int) lines.stream().filter(Line::overdue).count();
        int dueSoon = lines.size() - overdue;
        String title = "Tổng hợp tuần " + DMY.format(today) + " — " + unit + ": " + dueSoon + " việc đến hạn, "
                + overdue + " việc quá hạn";
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head>"
                + "<body><h3>").append(Html.escape(title)).append("</h3><ul>");
        for (Line l : lines) {
            text.append("- ").append(l.text()).append('\n');
            html.append("<li>").append(Html.escape(l.text())).append("</li>");
        }
        if (lines.isEmpty()) {
            text.append("Không có việc đến hạn hoặc quá hạn.\n");
            html.append("<li>Không có việc đến hạn hoặc quá hạn.</li>");
        }
        html.append("</ul></body></html>");
        return new Digest(title, text.toString(), html.toString(), dueSoon, overdue);
    }

    private static Line line(LocalDate due, LocalDate today, String what) {
        boolean overdue = due.isBefore(today);
        return new Line(overdue, (overdue ? "[Quá hạn] " : "[Đến hạn] ") + what + " — hạn " + DMY.format(due));
    }
}
