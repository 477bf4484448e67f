package org.consilium.cockpit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the cockpit counts as a task due soon and as an agreement expiring soon, and how long its page keeps the
 * figures it computed for every staff member ({@link RecentFigures}) ({@code consilium.cockpit.*}).
 */
@ConfigurationProperties("consilium.cockpit")
public record CockpitSettings(@DefaultValue("7d") Duration dueSoon, @DefaultValue("60d") Duration expiringWithin,
                              @DefaultValue("15s") Duration figuresKeptFor) {
}
