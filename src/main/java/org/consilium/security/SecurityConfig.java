package org.consilium.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Form sign-in through the Vaadin {@link LoginView}. Views are guarded by their access annotations
 * (Vaadin's navigation access control); services by {@code @PreAuthorize} plus record checks in code.
 * JSR-250 method security stays off so that Spring never proxies a view class.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Only the portal's own origin, for everything. Vaadin's client needs inline styles and scripts and
     * eval (its bootstrap and the component templates); nothing is ever loaded from elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self' ws: wss:; frame-src 'self' blob:; object-src 'self'; frame-ancestors 'self';"
            + " base-uri 'self'; form-action 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // Every session is registered, so that deactivating a person or changing their roles ends theirs.
        http.sessionManagement(sessions -> sessions.maximumSessions(-1).sessionRegistry(sessionRegistry())
                .expiredUrl("/login"));
        http.headers(headers -> headers
                // Agreement PDFs are previewed in a frame of the portal's own pages; other sites may not frame it.
                .frameOptions(frame -> frame.sameOrigin())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=()")));
        return http.build();
    }

    /**
     * Vaadin's navigation access control as its configurer builds it, checking roles without a service lookup per
     * navigation ({@link RequestRolesAccessControl}). Vaadin's auto-configuration defines one unconditionally; this
     * one is primary, so it is the one Vaadin's security configurer and its initializer install.
     */
    @Bean
    @Primary
    NavigationAccessControl requestRolesAccessControl(List<NavigationAccessChecker> checkers,
                                                      NavigationAccessControlConfigurer configurer,
                                                      VaadinRolePrefixHolder rolePrefix) {
        return configurer.build((list, resolver) -> new RequestRolesAccessControl(list, resolver, rolePrefix),
                checkers);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when the servlet container ends a session. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** bcrypt by default, with the algorithm prefix stored so that it can be changed later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
