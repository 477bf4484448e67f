package org.consilium.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The foundation's deadlines, from configuration so that tests can shorten them. */
@ConfigurationProperties("consilium.governance")
public record GovernanceDurations(@DefaultValue("14d") Duration votingPeriod,
                                  @DefaultValue("3d") Duration votingReminderBefore,
                                  @DefaultValue("7d") Duration votingExtension) {
}
