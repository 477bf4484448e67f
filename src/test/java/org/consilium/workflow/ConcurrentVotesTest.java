package org.consilium.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.consilium.member.MemberFixtures;
import org.consilium.member.MemberService;
import org.consilium.member.OrganisationSummary;
import org.consilium.member.OrganisationType;
import org.consilium.member.Role;
import org.consilium.proposal.DiseaseArea;
import org.consilium.register.ProjectSteps;
import org.consilium.review.VoteChoice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two organisations' votes completing the same round at the same moment: the engine counts a round's votes on one
 * row, so the second vote's transaction fails on that row once the first commits. It is cast again in a new
 * transaction, and both votes count; the representative sees no refusal.
 */
@SpringBootTest
class ConcurrentVotesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MemberService members;
    @Autowired
    GovernanceTaskService governance;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_vote_that_meets_another_on_the_rounds_row_is_cast_again_and_both_count() throws Exception {
        MemberFixtures fixtures = new MemberFixtures(members);
        ProjectSteps steps = new ProjectSteps(context, fixtures, Map.of("patients", "Concurrent Patients A",
                "staff", "Cora Concurrent", "ethics", "Ethan Concurrent", "representative", "Rita Concurrent",
                "foundationSignatory", "Fred Concurrent"));
        OrganisationSummary second = fixtures.organisation("Concurrent Patients B", OrganisationType.PATIENT_ORGANISATION);
        String secondRepresentative = fixtures.person("Remy Concurrent", second, Role.PATIENT_REPRESENTATIVE);
        OrganisationSummary hospital = fixtures.organisation("Concurrent Hospital", OrganisationType.HOSPITAL);
        String applicant = fixtures.person("Alma Concurrent", hospital, Role.RESEARCHER);
        Long proposal = steps.checked(steps.submit(applicant, steps.draft(applicant, hospital, new ProjectSteps.Draft(
                "Concurrent votes", "CONC", "Two votes at once.", EnumSet.of(DiseaseArea.AML), List.of(), "None"))));
        long castAgainBefore = governance.concurrentVotesCastAgain();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch firstVoted = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        try {
            // The first vote, done but not yet committed: it holds the round's row.
            Future<?> first = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
                steps.voted(proposal, steps.representative, steps.patients.id(), VoteChoice.APPROVE, null);
                firstVoted.countDown();
                awaitQuietly(firstMayCommit);
            }));
            assertThat(firstVoted.await(60, TimeUnit.SECONDS)).as("the first vote is done").isTrue();
            Thread[] secondThread = new Thread[1];
            Future<?> secondVote = threads.submit(() -> {
                secondThread[0] = Thread.currentThread();
                steps.voted(proposal, secondRepresentative, second.id(), VoteChoice.REJECT, "Not convinced by the consent.");
            });
            try {
                waitUntilWaitingForALock(secondThread);
            } catch (AssertionError notWaiting) {
                if (secondVote.isDone()) {
                    secondVote.get(); // its own failure says more
                }
                throw notWaiting;
            }
            firstMayCommit.countDown();
            first.get(60, TimeUnit.SECONDS);
            secondVote.get(60, TimeUnit.SECONDS); // throws if the second representative was refused
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }

        assertThat(governance.concurrentVotesCastAgain() - castAgainBefore).as("votes cast again").isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT v.choice FROM vote v JOIN voting_round r ON r.id = v.voting_round_id"
                + " WHERE r.proposal_id = ? ORDER BY v.choice", String.class, proposal))
                .containsExactly("APPROVE", "REJECT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM conflict_declaration d JOIN voting_round r"
                + " ON r.id = d.voting_round_id WHERE r.proposal_id = ?", Integer.class, proposal)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE kind = 'VOTE_CAST' AND record_id = ?",
                Integer.class, steps.reference(proposal))).as("one audit entry per vote, none from the rolled-back try")
                .isEqualTo(2);
    }

    /**
     * Until the second vote's thread waits inside the database for the first one's row lock: seen waiting there in
     * five checks in a row (100 ms), so that a moment's wait elsewhere in the database is not taken for it.
     */
    private static void waitUntilWaitingForALock(Thread[] thread) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int seenWaiting = 0;
        while (System.nanoTime() < until) {
            Thread t = thread[0];
            boolean waiting = t != null && t.getState() != Thread.State.RUNNABLE && Arrays.stream(t.getStackTrace())
                    .anyMatch(f -> f.getClassName().startsWith("org.h2"));
            seenWaiting = waiting ? seenWaiting + 1 : 0;
            if (seenWaiting == 5) {
                return;
            }
            Thread.sleep(20);
        }
        Thread t = thread[0];
        throw new AssertionError("the second vote never waited for the first one's lock: " + (t == null ? "not started"
                : t.getState() + " at " + Arrays.stream(t.getStackTrace()).limit(40).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("\n  "))));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
