package org.consilium.register;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.consilium.proposal.DiseaseArea;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public register, read by anyone, signed in or not: the projects whose data-access agreement was executed,
 * searched, filtered and sorted in the database. It holds only what {@link RegisterEntry} copies, so nothing here
 * can reveal a person, a review or a document.
 */
@Service
public class RegisterService {

    static final int MAX_TEXT = 200;
    private static final int MAX_WORDS = 10;
    private static final int MAX_PAGE = 200;
    private static final char ESCAPE = '!';

    /** What a visitor may sort by: the grid's sort property → the entity's attribute. */
    private static final Map<String, String> SORTABLE = Map.of("reference", "reference", "title", "title",
            "leadOrganisation", "leadOrganisation", "executedAt", "executedAt", "accessEndsAt", "accessEndsAt",
            "status", "status");
    private static final Sort DEFAULT_ORDER = Sort.by(Sort.Order.desc("executedAt"), Sort.Order.asc("reference"));

    private final RegisterEntryRepository entries;

    RegisterService(RegisterEntryRepository entries) {
        this.entries = entries;
    }

    /** One page of the published projects that match, newest agreement first unless another order is asked. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<RegisterRow> search(RegisterFilter filter, Pageable page) {
        int size = Math.min(Math.max(page.getPageSize(), 1), MAX_PAGE);
        Pageable bounded = PageRequest.of(page.getPageNumber(), size, order(page.getSort()));
        return entries.findAll(matching(filter), bounded).map(RegisterEntry::row).getContent();
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public long count(RegisterFilter filter) {
        return entries.count(matching(filter));
    }

    /** A published project's page; empty for anything the register does not hold. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<RegisterProject> project(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 20) {
            return Optional.empty();
        }
        return entries.findByReference(reference.strip()).map(RegisterEntry::project);
    }

    private static Sort order(Sort asked) {
        List<Sort.Order> orders = new ArrayList<>();
        for (Sort.Order o : asked) {
            String attribute = SORTABLE.get(o.getProperty());
            if (attribute != null) {
                orders.add(new Sort.Order(o.getDirection(), attribute));
            }
        }
        if (orders.isEmpty()) {
            return DEFAULT_ORDER;
        }
        orders.add(Sort.Order.asc("reference"));
        return Sort.by(orders);
    }

    /**
     * Every word must be in the title, the acronym or the lay summary (or the reference, which visitors may have been
     * given); the area and status, when chosen, must match.
     */
    static Specification<RegisterEntry> matching(RegisterFilter filter) {
        RegisterFilter f = filter == null ? RegisterFilter.none() : filter;
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            for (String word : words(f.text())) {
                String pattern = "%" + escape(word) + "%";
                all.add(cb.or(cb.like(cb.lower(root.get("title")), pattern, ESCAPE),
                        cb.like(cb.lower(root.get("acronym")), pattern, ESCAPE),
                        cb.like(cb.lower(root.get("laySummary")), pattern, ESCAPE),
                        cb.like(cb.lower(root.get("reference")), pattern, ESCAPE)));
            }
            if (f.diseaseArea() != null) {
                all.add(hasArea(root, query.subquery(Long.class), cb, f.diseaseArea()));
            }
            if (f.status() != null) {
                all.add(cb.equal(root.get("status"), f.status()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    private static Predicate hasArea(Root<RegisterEntry> root, Subquery<Long> sub, CriteriaBuilder cb,
                                     DiseaseArea area) {
        Root<RegisterEntry> same = sub.from(RegisterEntry.class);
        Join<RegisterEntry, DiseaseArea> areas = same.join("diseaseAreas");
        sub.select(same.get("id")).where(cb.equal(same.get("id"), root.get("id")), cb.equal(areas, area));
        return cb.exists(sub);
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String cut = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return Arrays.stream(cut.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).distinct()
                .limit(MAX_WORDS).toList();
    }

    private static String escape(String word) {
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
