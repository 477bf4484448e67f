package org.consilium.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Closes the sign-in page's UI once its person has signed in. The browser leaves that UI behind when the login
 * form posts, but the session keeps it (with the whole last response Vaadin holds for a resend) until three
 * heartbeats are missed, about 15 minutes: a third of an idle session's heap (docs/performance.md, "Memory per
 * session"). When a signed-in person's new UI starts, any UI of the same session still showing the login view is
 * closed; Vaadin removes closed UIs at the end of the request.
 */
@Component
class LoginUiCloser implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    LoginUiCloser(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            if (currentUser.find().isEmpty()) {
                return;
            }
            List<UI> left = ui.getSession().getUIs().stream().filter(other -> other != ui && showsLogin(other)).toList();
            left.forEach(UI::close);
        });
    }

    private static boolean showsLogin(UI ui) {
        return ui.getInternals().getActiveRouterTargetsChain().stream().anyMatch(LoginView.class::isInstance);
    }
}
