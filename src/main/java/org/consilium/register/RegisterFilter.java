package org.consilium.register;

import org.consilium.proposal.DiseaseArea;

/** What a visitor searches the register for; every part may be empty. */
public record RegisterFilter(String text, DiseaseArea diseaseArea, RegisterStatus status) {

    public static RegisterFilter none() {
        return new RegisterFilter(null, null, null);
    }
}
