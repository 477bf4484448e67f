package org.consilium.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.consilium.InUi;
import org.consilium.agreement.AgreementService;
import org.consilium.audit.AuditFilter;
import org.consilium.audit.AuditService;
import org.consilium.member.MemberService;
import org.consilium.notification.NotificationService;
import org.consilium.perf.FirstPageBenchmark.Screen;
import org.consilium.proposal.ProposalDetails;
import org.consilium.proposal.ProposalReadout;
import org.consilium.proposal.ProposalService;
import org.consilium.review.PatientReviewService;
import org.consilium.workflow.TaskInboxService;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The screens the benchmark opens, each as the service calls its view makes for the first page. A lazy
 * grid asks for the count and the first page (50 rows, Vaadin's default and the page size the views
 * set); every signed-in page also refreshes the header's unread-notification count. Add a screen by
 * adding a {@link Screen} to {@link #standard}.
 */
public final class Screens {

    /** Grids fetch this many rows first. */
    static final int PAGE = 50;

    /** Who looks at what: chosen from the generated data. */
    public record Subjects(String staff, String patientRepresentative, String ethicsReviewer, String administrator,
                           String busiestResearcher, long longHistoryProposal, String longHistoryReference) {

        public static Subjects of(JdbcTemplate jdbc) {
            String busiest = jdbc.queryForObject("""
                    SELECT p.username FROM proposal x JOIN person p ON p.id = x.applicant_id
                    WHERE p.username LIKE 'perf.%' GROUP BY p.username ORDER BY COUNT(*) DESC, p.username LIMIT 1""",
                    String.class);
            Long longest = jdbc.queryForObject("""
                    SELECT e.proposal_id FROM proposal_event e JOIN proposal x ON x.id = e.proposal_id
                    JOIN person p ON p.id = x.applicant_id WHERE p.username LIKE 'perf.%'
                    GROUP BY e.proposal_id ORDER BY COUNT(*) DESC, e.proposal_id LIMIT 1""", Long.class);
            String reference = jdbc.queryForObject("SELECT reference FROM proposal WHERE id = ?", String.class, longest);
            return new Subjects("perf.staff1", "perf.patient1-1", "perf.ethics1", "perf.admin1", busiest, longest,
                    reference);
        }
    }

    private Screens() {
    }

    public static List<Screen> standard(ApplicationContext context, Subjects who) {
        TaskInboxService inbox = context.getBean(TaskInboxService.class);
        ProposalService proposals = context.getBean(ProposalService.class);
        AuditService audit = context.getBean(AuditService.class);
        MemberService members = context.getBean(MemberService.class);
        NotificationService notifications = context.getBean(NotificationService.class);
        PatientReviewService review = context.getBean(PatientReviewService.class);
        AgreementService agreements = context.getBean(AgreementService.class);

        List<Screen> screens = new ArrayList<>();
        screens.add(new Screen("Task inbox (staff)", who.staff(), () -> inboxPage(inbox, notifications)));
        screens.add(new Screen("Task inbox (patient representative)", who.patientRepresentative(),
                () -> inboxPage(inbox, notifications)));
        screens.add(new Screen("Task inbox (ethics reviewer)", who.ethicsReviewer(),
                () -> inboxPage(inbox, notifications)));
        screens.add(new Screen("My proposals (busiest researcher)", who.busiestResearcher(), () -> {
            notifications.unreadCount();
            proposals.countMyProposals();
            return proposals.myProposals(PageRequest.of(0, PAGE)).size();
        }));
        screens.add(new Screen("Audit trail (first page, no filter)", who.staff(), () -> {
            notifications.unreadCount();
            audit.kinds();
            audit.count(AuditFilter.none());
            return audit.find(AuditFilter.none(), 0, PAGE).size();
        }));
        AuditFilter byProposal = new AuditFilter(null, who.longHistoryReference(), null, null, null);
        screens.add(new Screen("Audit trail (filtered by a proposal reference)", who.staff(), () -> {
            audit.count(byProposal);
            return audit.find(byProposal, 0, PAGE).size();
        }));
        screens.add(new Screen("People (administrator)", who.administrator(), () -> {
            notifications.unreadCount();
            members.countPeople("");
            return members.people("", 0, PAGE).size();
        }));
        // The view builds the readout (in a UI: its words are translated), then asks each section for its part;
        // the benchmark makes the calls the sections make.
        screens.add(new Screen("Proposal page (staff, longest history)", who.staff(), () -> {
            notifications.unreadCount();
            ProposalDetails details = proposals.details(who.longHistoryProposal());
            InUi.build(context, Locale.ENGLISH, () -> new ProposalReadout(proposals, details));
            int shown = details.timeline().size();
            if (review.hasRound(details.id())) {
                shown += review.results(details.id()).votes().size();
            }
            shown += inbox.openTasksOf(details.reference()).size();
            shown += agreements.overview(details.id()).map(a -> a.versions().size()).orElse(0);
            return shown;
        }));

        // ---- TO ADD AFTER INTEGRATION ------------------------------------------------------------------
        // The cockpit (org.consilium.cockpit: CockpitService.figures(period) and its paged lists) and the
        // public register (org.consilium.register) are written on other branches. Once merged, add them here
        // the same way: the calls their views make for the first page, as the user who opens them, e.g.
        //
        //   CockpitService cockpit = context.getBean(CockpitService.class);
        //   screens.add(new Screen("Cockpit (staff)", who.staff(), () -> {
        //       notifications.unreadCount();
        //       cockpit.figures(<the default period>);
        //       return <the first page of each list the cockpit shows>.size();
        //   }));
        //   screens.add(new Screen("Public register", <an anonymous or any user>, () -> <count + first page>));
        //
        // PerfSmokeMariaDbIT then checks that they return a first page, and PerfRun reports their figures.
        return screens;
    }

    private static int inboxPage(TaskInboxService inbox, NotificationService notifications) {
        notifications.unreadCount();
        inbox.countMyTasks();
        return inbox.myTasks(0, PAGE).size();
    }
}
