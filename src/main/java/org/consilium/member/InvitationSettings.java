package org.consilium.member;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code consilium.invitations.*}: how long an invitation link works, and the portal's address as invitees reach
 * it (the link in the e-mail is {@code <link-base>/invitation/<token>}).
 */
@ConfigurationProperties("consilium.invitations")
public record InvitationSettings(@DefaultValue("7d") Duration validFor,
                                 @DefaultValue("http://localhost:8080") String linkBase) {

    String link(String token) {
        String base = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        return base + "/invitation/" + token;
    }
}
