package org.consilium.perf;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.consilium.InUi;
import org.consilium.agreement.AgreementService;
import org.consilium.audit.AuditFilter;
import org.consilium.audit.AuditService;
import org.consilium.cockpit.AgreementShow;
import org.consilium.cockpit.CockpitFigures;
import org.consilium.cockpit.CockpitService;
import org.consilium.cockpit.Lines.AgreementFilter;
import org.consilium.cockpit.Lines.ProposalFilter;
import org.consilium.cockpit.Lines.StayFilter;
import org.consilium.cockpit.Lines.TaskFilter;
import org.consilium.cockpit.Lines.TaskLine;
import org.consilium.cockpit.Paging;
import org.consilium.cockpit.ReportingPeriod;
import org.consilium.cockpit.Stage;
import org.consilium.cockpit.TaskDue;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationFilter;
import org.consilium.member.OrganisationSort;
import org.consilium.notification.NotificationService;
import org.consilium.perf.FirstPageBenchmark.Screen;
import org.consilium.proposal.ProposalDetails;
import org.consilium.proposal.ProposalReadout;
import org.consilium.proposal.ProposalService;
import org.consilium.register.RegisterFilter;
import org.consilium.register.RegisterService;
import org.consilium.review.PatientReviewService;
import org.consilium.ui.UserZone;
import org.consilium.workflow.ProposalLifecycle;
import org.consilium.workflow.TaskInboxService;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

        // The cockpit shows figures only (every list is behind a link); its period is the last twelve months in the
        // person's zone (UTC outside a browser session).
        CockpitService cockpit = context.getBean(CockpitService.class);
        Clock clock = context.getBean(Clock.class);
        screens.add(new Screen("Cockpit (staff)", who.staff(), () -> {
            notifications.unreadCount();
            CockpitFigures figures = cockpit.figures(ReportingPeriod.lastTwelveMonths(clock, UserZone.current()));
            return figures.proposalsByStatus().size() + figures.tasksByStep().size() + figures.stageTimes().size();
        }));
        // The lists behind the cockpit's figures, opened from its links with their default filters and order.
        Paging first = new Paging(0, PAGE, null, true);
        ProposalFilter allProposals = new ProposalFilter(null, "");
        screens.add(new Screen("Cockpit: proposal list (all, latest change first)", who.staff(), () -> {
            notifications.unreadCount();
            cockpit.countProposals(allProposals);
            return cockpit.proposals(allProposals, first).size();
        }));
        TaskFilter allTasks = new TaskFilter(TaskDue.ALL, null, "");
        screens.add(new Screen("Cockpit: task list (all, soonest due first)", who.staff(), () -> {
            notifications.unreadCount();
            cockpit.countTasks(allTasks);
            List<TaskLine> page = cockpit.tasks(allTasks, first);
            // the view names the organisations the tasks are offered to, one call per page
            Set<Long> organisations = page.stream().map(t -> organisationOf(t.offeredTo())).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            if (!organisations.isEmpty()) {
                members.organisationNames(organisations);
            }
            return page.size();
        }));
        AgreementFilter allAgreements = new AgreementFilter(AgreementShow.ALL, "");
        screens.add(new Screen("Cockpit: agreement list (all)", who.staff(), () -> {
            notifications.unreadCount();
            cockpit.countAgreements(allAgreements);
            return cockpit.agreements(allAgreements, first).size();
        }));
        screens.add(new Screen("Cockpit: time in review (last 12 months, longest first)", who.staff(), () -> {
            notifications.unreadCount();
            StayFilter stays = new StayFilter(Stage.REVIEW, ReportingPeriod.lastTwelveMonths(clock, UserZone.current()));
            cockpit.countStays(stays);
            return cockpit.stays(stays, first).size();
        }));

        // The public register: no filter, newest agreement first (the grid's initial sort), for anyone.
        RegisterService register = context.getBean(RegisterService.class);
        PageRequest newestFirst = PageRequest.of(0, PAGE, Sort.by(Sort.Direction.DESC, "executedAt"));
        RegisterFilter noFilter = new RegisterFilter("", null, null);
        screens.add(new Screen("Public register (anonymous)", null, () -> {
            register.count(noFilter);
            return register.search(noFilter, newestFirst).size();
        }));

        OrganisationFilter allOrganisations = new OrganisationFilter("", null, null, null);
        screens.add(new Screen("Organisations (administrator)", who.administrator(), () -> {
            notifications.unreadCount();
            members.countOrganisations(allOrganisations);
            return members.organisations(allOrganisations, OrganisationSort.NAME, false, 0, PAGE).size();
        }));
        return screens;
    }

    /** The organisation a task is offered to, as the task list reads it from the candidate group; else null. */
    private static Long organisationOf(String group) {
        for (String prefix : List.of(ProposalLifecycle.PATIENT_ORGANISATION_GROUP, ProposalLifecycle.SIGNATORY_GROUP)) {
            if (group != null && group.startsWith(prefix)) {
                try {
                    return Long.valueOf(group.substring(prefix.length()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static int inboxPage(TaskInboxService inbox, NotificationService notifications) {
        notifications.unreadCount();
        return inbox.myTasks(0, PAGE).size();
    }
}
