package org.consilium.register;

import java.time.Instant;
import java.util.Set;
import org.consilium.proposal.DiseaseArea;

/** One line of the register's list. */
public record RegisterRow(String reference, String title, String acronym, String leadOrganisation,
                          Set<DiseaseArea> diseaseAreas, Instant executedAt, Instant accessEndsAt,
                          RegisterStatus status) {
}
