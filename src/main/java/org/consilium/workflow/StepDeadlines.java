package org.consilium.workflow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each person-facing step of proposal-lifecycle may take before its task is overdue: the engine sets
 * the task's due date to its creation plus this duration ({@code consilium.deadlines.*}). The vote has its own
 * deadline, the voting round's ({@code consilium.governance.voting-period}).
 */
@ConfigurationProperties("consilium.deadlines")
public record StepDeadlines(@DefaultValue("5d") Duration completenessCheck,
                            @DefaultValue("10d") Duration expeditedEthicsReview,
                            @DefaultValue("30d") Duration fullEthicsReview,
                            @DefaultValue("3d") Duration quorumDecision,
                            @DefaultValue("10d") Duration agreementPreparation,
                            @DefaultValue("30d") Duration signature,
                            @DefaultValue("5d") Duration chaseDecision,
                            @DefaultValue("14d") Duration projectClosure) {
}
