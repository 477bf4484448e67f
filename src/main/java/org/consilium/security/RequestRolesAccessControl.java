package org.consilium.security;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * Vaadin's navigation access control for Spring, with one cost taken out. At every navigation Vaadin's role check
 * asks its service lookup for the {@link VaadinRolePrefixHolder}, only to tell it the role prefix the first time;
 * for a service not of Vaadin's own, that lookup asks Spring and then reads the service files of every jar on the
 * class path, on each call (3 % of the request threads' time under load, and waits on the jars' locks: see
 * docs/performance.md). Once the holder knows the prefix, this one checks the roles on the request itself, which is
 * what Vaadin's check then returns for every request but a WebSocket push.
 */
class RequestRolesAccessControl extends SpringNavigationAccessControl {

    private final VaadinRolePrefixHolder rolePrefix;

    RequestRolesAccessControl(Collection<NavigationAccessChecker> checkers, AccessCheckDecisionResolver resolver,
                              VaadinRolePrefixHolder rolePrefix) {
        super(checkers, resolver);
        this.rolePrefix = rolePrefix;
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
        if (request == null || !rolePrefix.isSet() || HandlerHelper.isRequestType(request,
                HandlerHelper.RequestType.PUSH)) {
            return super.getRolesChecker(request);
        }
        return request::isUserInRole;
    }
}
