package org.consilium;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
@ConfigurationPropertiesScan
@Theme("consilium")
public class ConsiliumApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(ConsiliumApplication.class, args);
    }

    /** Every deadline and timestamp reads this clock, so that tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
