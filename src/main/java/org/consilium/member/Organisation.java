package org.consilium.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A member organisation of the foundation (or the foundation itself). */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    /** ISO 3166-1 alpha-2. */
    @Column(name = "country_code", nullable = false, length = 2)
    private String countryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private OrganisationType type;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @jakarta.persistence.Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    protected Organisation() {
    }

    public Organisation(String name, String countryCode, OrganisationType type, Instant createdAt) {
        this.name = Objects.requireNonNull(name);
        this.countryCode = Objects.requireNonNull(countryCode);
        this.type = Objects.requireNonNull(type);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public OrganisationType getType() {
        return type;
    }

    public boolean isActive() {
        return active;
    }

    public long getLockVersion() {
        return lockVersion;
    }

    void change(String newName, String newCountryCode, OrganisationType newType) {
        this.name = Objects.requireNonNull(newName);
        this.countryCode = Objects.requireNonNull(newCountryCode);
        this.type = Objects.requireNonNull(newType);
    }

    void deactivate() {
        active = false;
    }

    void reactivate() {
        active = true;
    }

    public boolean isPatientOrganisation() {
        return type == OrganisationType.PATIENT_ORGANISATION;
    }

    public OrganisationSummary summary() {
        return new OrganisationSummary(id, name, countryCode);
    }
}
