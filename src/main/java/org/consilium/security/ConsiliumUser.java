package org.consilium.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.consilium.member.Role;
import org.consilium.member.SignInAccount;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, as kept in the HTTP session. */
public final class ConsiliumUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Long personId;
    private final String username;
    private String passwordHash;
    private final String fullName;
    private final Long organisationId;
    private final String organisationName;
    private final Set<Role> roles;
    private final boolean active;
    private final transient boolean locked;

    /** @param locked too many failed sign-ins lately: Spring Security refuses the sign-in before the password check */
    ConsiliumUser(SignInAccount account, boolean locked) {
        this.locked = locked;
        this.personId = account.personId();
        this.username = account.username();
        this.passwordHash = account.passwordHash();
        this.fullName = account.fullName();
        this.organisationId = account.organisationId();
        this.organisationName = account.organisationName();
        this.roles = Set.copyOf(account.roles());
        this.active = account.active();
    }

    public Long personId() {
        return personId;
    }

    public String fullName() {
        return fullName;
    }

    public Long organisationId() {
        return organisationId;
    }

    public String organisationName() {
        return organisationName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = roles.stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsiliumUser other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
