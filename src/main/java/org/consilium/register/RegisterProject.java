package org.consilium.register;

import java.time.Instant;
import java.util.Set;
import org.consilium.proposal.DiseaseArea;

/** A published project's page: everything the register holds about it, and nothing about any person. */
public record RegisterProject(String reference, String title, String acronym, String laySummary,
                              String leadOrganisation, Set<DiseaseArea> diseaseAreas, RegisterStatus status,
                              Instant approvedAt, Instant executedAt, Instant accessStartsAt, Instant accessEndsAt,
                              Instant closedAt) {
}
