package org.consilium.agreement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agreement's deadlines: reminder and staff decision while unsigned, notice before access ends,
 * and the default access period. From configuration so that tests can shorten them.
 */
@ConfigurationProperties("consilium.agreements")
public record AgreementDeadlines(@DefaultValue("30d") Duration signatureReminderAfter,
                                 @DefaultValue("60d") Duration signatureChaseAfter,
                                 @DefaultValue("30d") Duration accessNoticeBefore,
                                 @DefaultValue("24") int defaultAccessMonths) {
}
