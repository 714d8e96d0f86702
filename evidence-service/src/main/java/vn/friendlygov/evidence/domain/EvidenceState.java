package vn.friendlygov.evidence.domain;

public enum EvidenceState {
    SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN
}
