package org.consilium.agreement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

// Written out, not derived: docs/architecture.md, "Queries on hot paths are written out".
interface AgreementRepository extends JpaRepository<Agreement, Long>, AgreementOfProposal {

    boolean existsByProposalIdAndLeadOrganisationId(Long proposalId, Long leadOrganisationId);

    @Query("select a from Agreement a where a.executedDocumentId = :documentId")
    Optional<Agreement> findByExecutedDocumentId(Long documentId);
}

interface AgreementVersionRepository extends JpaRepository<AgreementVersion, Long> {

    @Query("select v from AgreementVersion v where v.agreementId = :agreementId order by v.number desc")
    List<AgreementVersion> findByAgreementIdOrderByNumberDesc(Long agreementId);

    /** The agreement's latest version (the highest number). */
    @Query("select v from AgreementVersion v where v.agreementId = :agreementId and v.number ="
            + " (select max(w.number) from AgreementVersion w where w.agreementId = :agreementId)")
    Optional<AgreementVersion> findLatest(Long agreementId);
}

interface AgreementSignatureRepository extends JpaRepository<AgreementSignature, Long> {

    List<AgreementSignature> findByVersionIdInOrderBySignedAt(Collection<Long> versionIds);

    @Query("select s from AgreementSignature s where s.versionId = :versionId order by s.signedAt")
    List<AgreementSignature> findByVersionIdOrderBySignedAt(Long versionId);
}

interface AgreementDocumentRepository extends JpaRepository<AgreementDocument, Long> {

    /** Id and fingerprint only: the PDFs stay in the database until someone downloads one. */
    @Query("select d.id from AgreementDocument d where d.sha256 = :sha256")
    List<Long> findIdsBySha256(String sha256);

    /** A document's fingerprint without its bytes. */
    record Fingerprint(Long id, String sha256) {
    }

    @Query("select new org.consilium.agreement.AgreementDocumentRepository$Fingerprint(d.id, d.sha256)"
            + " from AgreementDocument d where d.id in :ids")
    List<Fingerprint> findFingerprints(Collection<Long> ids);

    /** One document's fingerprint: without a list parameter, whose JPQL Hibernate translates at every call. */
    @Query("select d.sha256 from AgreementDocument d where d.id = :id")
    java.util.Optional<String> findSha256(Long id);
}

interface AccessExtensionRepository extends JpaRepository<AccessExtension, Long> {

    List<AccessExtension> findByAgreementIdOrderByApprovedAt(Long agreementId);
}

interface ProjectOutputRepository extends JpaRepository<ProjectOutput, Long> {

    List<ProjectOutput> findByProposalIdOrderByReportedAt(Long proposalId);
}
