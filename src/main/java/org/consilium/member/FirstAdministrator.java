package org.consilium.member;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * On an empty directory (a new production database, where there are no demo users), creates the
 * foundation and its first administrator from configuration, so that someone can sign in and register
 * everyone else. Nothing happens once anyone exists, and nothing without a configured password: there
 * is no default password.
 */
@Component
@Order(20)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final MemberService members;
    private final String username;
    private final String password;
    private final String email;
    private final String foundation;

    FirstAdministrator(MemberService members,
                       @Value("${consilium.first-administrator.username:}") String username,
                       @Value("${consilium.first-administrator.password:}") String password,
                       @Value("${consilium.first-administrator.email:}") String email,
                       @Value("${consilium.first-administrator.foundation:European Haematology Data Foundation}")
                       String foundation) {
        this.members = members;
        this.username = username;
        this.password = password;
        this.email = email;
        this.foundation = foundation;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (members.hasPeople()) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn("Nobody can sign in yet: set CONSILIUM_FIRST_ADMINISTRATOR_USERNAME, _PASSWORD and _EMAIL"
                    + " to create the first administrator at start-up");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("first-administrator", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMINISTRATOR")));
        SecurityContextHolder.setContext(context);
        try {
            OrganisationSummary organisation = members.registerOrganisation(foundation, "NL", OrganisationType.FOUNDATION);
            members.registerPerson(new NewPerson(username, "Administrator", email.isBlank() ? username + "@localhost"
                    : email, password, organisation.id(), EnumSet.of(Role.ADMINISTRATOR)));
            log.info("Created the first administrator '{}' of {}", username, foundation);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
