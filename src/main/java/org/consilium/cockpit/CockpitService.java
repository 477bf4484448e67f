package org.consilium.cockpit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.consilium.audit.Csv;
import org.consilium.cockpit.CockpitFigures.StepTasks;
import org.consilium.cockpit.Lines.AgreementFilter;
import org.consilium.cockpit.Lines.AgreementLine;
import org.consilium.cockpit.Lines.ProposalFilter;
import org.consilium.cockpit.Lines.ProposalLine;
import org.consilium.cockpit.Lines.StayFilter;
import org.consilium.cockpit.Lines.StayLine;
import org.consilium.cockpit.Lines.TaskFilter;
import org.consilium.cockpit.Lines.TaskLine;
import org.consilium.proposal.ProposalStatus;
import org.consilium.workflow.DeadlineTasks;
import org.consilium.workflow.DeadlineTasks.DeadlineTask;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff cockpit: where the proposals stand, which tasks are late or due soon, how long each stage takes,
 * and which agreements wait for signatures or expire soon; and the lists behind every figure, paged, sorted
 * and filtered by the database, with their CSV. Staff and administrators only; reading never writes.
 */
@Service
@Transactional(readOnly = true)
public class CockpitService {

    private static final Set<ProposalStatus> SUBMITTED_STATUSES = java.util.EnumSet.complementOf(
            java.util.EnumSet.of(ProposalStatus.DRAFT));

    private final CockpitQueries queries;
    private final DeadlineTasks deadlineTasks;
    private final CockpitSettings settings;
    private final Clock clock;

    CockpitService(CockpitQueries queries, DeadlineTasks deadlineTasks, CockpitSettings settings, Clock clock) {
        this.queries = queries;
        this.deadlineTasks = deadlineTasks;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every figure of the cockpit now; the stage times over the period. */
    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public CockpitFigures figures(ReportingPeriod period) {
        Instant now = clock.instant();
        Map<ProposalStatus, Long> byStatus = new EnumMap<>(ProposalStatus.class);
        SUBMITTED_STATUSES.forEach(status -> byStatus.put(status, 0L));
        byStatus.putAll(queries.proposalsByStatus());
        List<StepTasks> steps = deadlineTasks.countByStep(now, now.plus(settings.dueSoon())).stream()
                .map(s -> new StepTasks(s.step(), s.overdue(), s.dueSoon())).toList();
        return new CockpitFigures(now, period, byStatus, steps.stream().mapToLong(StepTasks::overdue).sum(),
                steps.stream().mapToLong(StepTasks::dueSoon).sum(), steps, queries.stageTimes(period),
                queries.agreementsAwaitingSignature(),
                queries.agreementsExpiring(now, now.plus(settings.expiringWithin())), settings.dueSoon(),
                settings.expiringWithin());
    }

    // ---- proposals ---------------------------------------------------------------------------------------

    /** Submitted proposals; sort keys: reference, title, status, lead, submitted, updated (default: latest change first). */
    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public List<ProposalLine> proposals(ProposalFilter filter, Paging paging) {
        return queries.proposals(filter, paging);
    }

    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public long countProposals(ProposalFilter filter) {
        return queries.countProposals(filter);
    }

    /** The filtered list as CSV (RFC 4180), in the list's order, streamed row by row. */
    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public void exportProposals(ProposalFilter filter, String sortKey, boolean ascending, Writer out) {
        write(out, "reference,title,acronym,status,lead_organisation,submitted_at_utc,updated_at_utc");
        queries.eachProposal(filter, sortKey, ascending, p -> write(out, Csv.cell(p.reference()), Csv.cell(p.title()),
                Csv.cell(p.acronym()), p.status().name(), Csv.cell(p.leadOrganisation()), text(p.submittedAt()),
                text(p.updatedAt())));
    }

    // ---- tasks -------------------------------------------------------------------------------------------

    /** Open tasks; sort keys: due, created, name, assignee (default: due date, soonest first). */
    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public List<TaskLine> tasks(TaskFilter filter, Paging paging) {
        DeadlineTasks.Order order = switch (paging.sortKey() == null ? "due" : paging.sortKey()) {
            case "created" -> DeadlineTasks.Order.CREATED;
            case "name" -> DeadlineTasks.Order.NAME;
            case "assignee" -> DeadlineTasks.Order.ASSIGNEE;
            default -> DeadlineTasks.Order.DUE;
        };
        List<DeadlineTask> page = deadlineTasks.find(criteria(filter), order,
                paging.sortKey() == null || paging.ascending(), paging.offset(), paging.limit());
        Map<String, ProposalLine> proposals = queries.proposalsByReference(page.stream().map(DeadlineTask::reference)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return page.stream().map(t -> {
            ProposalLine p = proposals.get(t.reference());
            return new TaskLine(t.taskId(), t.name(), t.step(), p == null ? null : p.id(), t.reference(),
                    p == null ? null : p.title(), t.created(), t.due(), t.assignee(), t.candidateGroup());
        }).toList();
    }

    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public long countTasks(TaskFilter filter) {
        return deadlineTasks.count(criteria(filter));
    }

    /** The filtered tasks as CSV, in the list's order, read from the engine a page at a time. */
    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public void exportTasks(TaskFilter filter, String sortKey, boolean ascending, Writer out) {
        write(out, "reference,proposal_title,task,step,created_at_utc,due_at_utc,assignee,offered_to");
        int pageSize = 500;
        for (int offset = 0; ; offset += pageSize) {
            List<TaskLine> page = tasks(filter, new Paging(offset, pageSize, sortKey, ascending));
            page.forEach(t -> write(out, Csv.cell(t.reference()), Csv.cell(t.proposalTitle()), Csv.cell(t.name()),
                    Csv.cell(t.step()), text(t.created()), text(t.due()), Csv.cell(t.assignee()),
                    Csv.cell(t.offeredTo())));
            if (page.size() < pageSize) {
                return;
            }
        }
    }

    private DeadlineTasks.Criteria criteria(TaskFilter filter) {
        Instant now = clock.instant();
        TaskDue due = filter.due() == null ? TaskDue.ALL : filter.due();
        return switch (due) {
            case OVERDUE -> new DeadlineTasks.Criteria(null, now, filter.step(), filter.reference());
            case SOON -> new DeadlineTasks.Criteria(now, now.plus(settings.dueSoon()), filter.step(), filter.reference());
            case ALL -> new DeadlineTasks.Criteria(null, null, filter.step(), filter.reference());
        };
    }

    // ---- agreements --------------------------------------------------------------------------------------

    /** Agreements; sort keys: reference, title, lead, status, sent, ends (default: longest waiting or soonest ending first). */
    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public List<AgreementLine> agreements(AgreementFilter filter, Paging paging) {
        Instant now = clock.instant();
        return queries.agreements(filter, now, now.plus(settings.expiringWithin()), paging);
    }

    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public long countAgreements(AgreementFilter filter) {
        Instant now = clock.instant();
        return queries.countAgreements(filter, now, now.plus(settings.expiringWithin()));
    }

    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public void exportAgreements(AgreementFilter filter, String sortKey, boolean ascending, Writer out) {
        Instant now = clock.instant();
        write(out, "reference,title,lead_organisation,status,sent_for_signature_at_utc,access_ends_at_utc");
        queries.eachAgreement(filter, now, now.plus(settings.expiringWithin()), sortKey, ascending, a -> write(out,
                Csv.cell(a.reference()), Csv.cell(a.title()), Csv.cell(a.leadOrganisation()), a.status().name(),
                text(a.sentAt()), text(a.accessEndsAt())));
    }

    // ---- time in a stage ---------------------------------------------------------------------------------

    /** The proposals behind a stage's figures; sort keys: reference, title, days, left (default: longest first). */
    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public List<StayLine> stays(StayFilter filter, Paging paging) {
        return queries.stays(filter, paging);
    }

    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public long countStays(StayFilter filter) {
        return queries.countStays(filter);
    }

    @PreAuthorize("hasAnyRole('STAFF', 'ADMINISTRATOR')")
    public void exportStays(StayFilter filter, String sortKey, boolean ascending, Writer out) {
        write(out, "reference,title,stage,days,left_stage_at_utc");
        queries.eachStay(filter, sortKey, ascending, s -> write(out, Csv.cell(s.reference()), Csv.cell(s.title()),
                filter.stage().name(), String.format(java.util.Locale.ROOT, "%.2f", s.days()), text(s.leftAt())));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static void write(Writer out, String... cells) {
        try {
            out.write(String.join(",", cells));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
