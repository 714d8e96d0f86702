package vn.friendlygov.evidence.service;

import jakarta.enterprise.context.RequestScoped;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.evidence.domain.Evidence;
import vn.friendlygov.evidence.task.TaskView;

/**
 * Who may do what with evidence, beyond the role checks of the resources: everything stays inside the ward; an
 * officer works only on tasks of their unit (lead or coordinating) and on the evidence their unit submitted.
 */
@RequestScoped
public class EvidenceAccess {

    private final Actor actor;

    public EvidenceAccess(Actor actor) {
        this.actor = actor;
    }

    public Actor actor() {
        return actor;
    }

    /** Submitting: officers of the task's lead or coordinating units. */
    public void requireUploader(TaskView task) {
        actor.requireWard(task.ward);
        if (!actor.is(Roles.OFFICER) || !task.involves(actor.unit())) {
            throw ProblemException.forbidden("only officers of the task's lead or coordinating units submit evidence"
                    + " for it; you act for unit " + actor.unit());
        }
    }

    /** Reading: leaders, reviewers and admins of the ward; officers of the units involved in the task. */
    public void requireReader(TaskView task) {
        actor.requireWard(task.ward);
        if (isWardWide()) {
            return;
        }
        if (!task.involves(actor.unit())) {
            throw ProblemException.forbidden("the task is not one of your unit's (" + actor.unit() + ")");
        }
    }

    /** Revising: officers of the unit that submitted the evidence. */
    public void requireOwner(Evidence evidence) {
        actor.requireWard(evidence.ward);
        if (!actor.is(Roles.OFFICER) || !evidence.unit.equals(actor.unit())) {
            throw ProblemException.forbidden("only officers of unit " + evidence.unit + " revise this evidence");
        }
    }

    /** Withdrawing: the submitting unit's officers, or the ward's leaders and admins. */
    public void requireWithdrawer(Evidence evidence) {
        actor.requireWard(evidence.ward);
        if (actor.is(Roles.LEADER) || actor.is(Roles.ADMIN)) {
            return;
        }
        requireOwner(evidence);
    }

    /** Reviewing: the ward's reviewers and leaders. */
    public void requireReviewer(Evidence evidence) {
        actor.requireWard(evidence.ward);
        if (!actor.is(Roles.REVIEWER) && !actor.is(Roles.LEADER)) {
            throw ProblemException.forbidden("only reviewers and leaders review evidence");
        }
    }

    public boolean isWardWide() {
        return actor.is(Roles.LEADER) || actor.is(Roles.REVIEWER) || actor.is(Roles.ADMIN);
    }
}
