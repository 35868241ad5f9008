package org.peersupport.portal.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * An internal verifier's sampling plan for one assessor, or the default plan for every assessor without their own
 * ({@code assessor} null). Samples go to the verifier who last saved the plan.
 *
 * <p>The arithmetic is deterministic, so an assessor and a verifier can both work out which sign-offs are sampled:
 * each of an assessor's sign-offs is numbered 1, 2, 3... (a sign-off that goes back to a verifier who sampled the
 * work before is not counted again). Every sign-off numbered up to {@code firstN} is sampled. After those, the m-th
 * further sign-off is sampled when {@code floor(m * rate / 100)} goes up by one, that is, exactly when the share of
 * further sign-offs sampled so far would otherwise drop below the rate: with 25 % the 4th, 8th, 12th...; with 50 %
 * every second; with 10 % every tenth; with 33 % the 4th, 7th, 10th... (rounded down, never more than the rate).
 */
@Entity
@Table(name = "sampling_plan")
@NamedQuery(name = SamplingPlan.OF_ASSESSOR, query = "select p from SamplingPlan p join fetch p.verifier "
        + "where p.assessor.id = :assessorId")
@NamedQuery(name = SamplingPlan.DEFAULT, query = "select p from SamplingPlan p join fetch p.verifier where p.assessor is null")
@NamedQuery(name = SamplingPlan.ALL, query = "select p from SamplingPlan p join fetch p.verifier left join fetch p.assessor")
public class SamplingPlan {

    public static final String OF_ASSESSOR = "SamplingPlan.ofAssessor";
    public static final String DEFAULT = "SamplingPlan.default";
    public static final String ALL = "SamplingPlan.all";

    public static final int MAX_FIRST_N = 1000;

    @Id
    @SequenceGenerator(name = "sampling_plan_seq", sequenceName = "sampling_plan_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sampling_plan_seq")
    private Long id;

    @ManyToOne
    @JoinColumn(name = "assessor_id", updatable = false)
    private Person assessor;

    @ManyToOne(optional = false)
    @JoinColumn(name = "verifier_id", nullable = false)
    private Person verifier;

    @Column(name = "first_n", nullable = false)
    private int firstN;

    @Column(name = "rate_percent", nullable = false)
    private int ratePercent;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SamplingPlan() {
    }

    /** A new plan for {@code assessor}, or the default plan when it is null. */
    public SamplingPlan(Person assessor, Person verifier, int firstN, int ratePercent, Instant now) {
        this.assessor = assessor;
        set(verifier, firstN, ratePercent, now);
    }

    /** New numbers; the verifier saving them receives the plan's samples from now on. */
    public void set(Person by, int firstN, int ratePercent, Instant now) {
        check(firstN, ratePercent);
        if (assessor != null && assessor.getId().equals(by.getId())) {
            throw new BusinessException("sampling.ownPlan", "You cannot set the sampling plan for your own sign-offs.");
        }
        this.verifier = Objects.requireNonNull(by);
        this.firstN = firstN;
        this.ratePercent = ratePercent;
        this.updatedBy = by.getUsername();
        this.updatedAt = now;
    }

    /** Refuses numbers out of range, naming the field in the key ({@code sampling.firstN...}, {@code sampling.rate...}). */
    public static void check(int firstN, int ratePercent) {
        if (firstN < 0 || firstN > MAX_FIRST_N) {
            throw new BusinessException("sampling.firstN.range", "Enter a number of first sign-offs from 0 to "
                    + MAX_FIRST_N + ".", MAX_FIRST_N);
        }
        if (ratePercent < 0 || ratePercent > 100) {
            throw new BusinessException("sampling.rate.range", "Enter a rate from 0 to 100 per cent.");
        }
    }

    /** Whether this plan samples the assessor's sign-off number {@code number} (counted from 1), and why. */
    public Optional<SampleReason> reasonFor(int number) {
        return reasonFor(number, firstN, ratePercent);
    }

    /** The plan's arithmetic (see the class comment). */
    public static Optional<SampleReason> reasonFor(int number, int firstN, int ratePercent) {
        if (number < 1) {
            throw new IllegalArgumentException("sign-offs are numbered from 1");
        }
        if (number <= firstN) {
            return Optional.of(SampleReason.FIRST);
        }
        long m = (long) number - firstN;
        return m * ratePercent / 100 > (m - 1) * ratePercent / 100 ? Optional.of(SampleReason.RATE) : Optional.empty();
    }

    public Long getId() {
        return id;
    }

    public Person getAssessor() {
        return assessor;
    }

    public boolean isDefault() {
        return assessor == null;
    }

    public Person getVerifier() {
        return verifier;
    }

    public int getFirstN() {
        return firstN;
    }

    public int getRatePercent() {
        return ratePercent;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
