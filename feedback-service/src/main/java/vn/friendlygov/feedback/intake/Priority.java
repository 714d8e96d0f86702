package vn.friendlygov.feedback.intake;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
